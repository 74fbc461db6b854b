// Package sqlx is checked with -release.sets=sqlx.
package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type user struct{ Name string }

func queryx(db *sqlx.DB) (*user, error) {
	rows, err := db.Queryx("select name from users") // want `rows from db.Queryx: Close is not called on all paths`
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	var u user
	err = rows.StructScan(&u)
	rows.Close()
	return &u, err
}

func queryxClosed(ctx context.Context, tx *sqlx.Tx) error {
	rows, err := tx.QueryxContext(ctx, "select 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// The type rule covers the functions and every method that returns an
// *sqlx.Rows.
func namedQuery(db *sqlx.DB, u user) {
	sqlx.NamedQuery(db, "select * from users where name = :name", u) // want `discarded`
}

func namedQueryMethod(tx *sqlx.Tx, u user) error {
	rows, err := tx.NamedQuery("select * from users where name = :name", u)
	if err != nil {
		return err
	}
	return rows.Close()
}

// find returns rows its caller must close: the type rule makes its
// callers acquire them.
func find(db *sqlx.DB) (*sqlx.Rows, error) { // want find:"returns\\(0 Close\\)"
	return db.Queryx("select name from users")
}

func viaHelper(db *sqlx.DB) error {
	rows, err := find(db) // want `rows from sqlx.find: Close is not called on all paths`
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func preparex(db *sqlx.DB) error {
	stmt, err := db.Preparex("select 1") // want `stmt from db.Preparex: Close is not called on all paths`
	if err != nil {
		return err
	}
	var n int
	return stmt.Get(&n)
}

func prepareNamed(db *sqlx.DB, u user) error {
	stmt, err := db.PrepareNamed("select * from users where name = :name")
	if err != nil {
		return err
	}
	defer stmt.Close()
	rows, err := stmt.Query(u) // want `rows from stmt.Query: Close is not called on all paths`
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func beginx(db *sqlx.DB) error {
	tx, err := db.Beginx() // want `tx from db.Beginx: Commit or Rollback is not called on all paths`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("delete from users"); err != nil {
		return err
	}
	return tx.Commit()
}

func mustBegin(db *sqlx.DB) error {
	tx := db.MustBegin()
	defer tx.Rollback()
	// A statement of the transaction ends with it: no rule for Stmtx.
	stmt := tx.Stmtx("delete from users")
	if _, err := stmt.Exec(); err != nil {
		return err
	}
	return tx.Commit()
}

func connx(ctx context.Context, db *sqlx.DB) error {
	conn, err := db.Connx(ctx) // want `conn from db.Connx: Close is not called on all paths`
	if err != nil {
		return err
	}
	var n int
	return conn.GetContext(ctx, &n, "select 1")
}

// A *sqlx.Row has no Close: Scan releases it.
func queryRowx(db *sqlx.DB) (string, error) {
	var name string
	err := db.QueryRowx("select name from users").Scan(&name)
	return name, err
}

// Query is database/sql's, promoted: std's rules check it, not sqlx's.
func promoted(db *sqlx.DB) {
	rows, _ := db.Query("select 1")
	_ = rows
}
