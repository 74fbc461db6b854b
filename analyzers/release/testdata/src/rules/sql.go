package rules

import "database/sql"

// Alternatives: "method (*database/sql.DB).Begin Commit|Rollback".

func txCommitted(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("update t set n = n + 1"); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func txLeak(db *sql.DB, ok bool) error {
	tx, err := db.Begin() // want `tx from db.Begin: Commit or Rollback is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	return tx.Commit()
}

// Two obligations on one resource: "method (*database/sql.DB).Query
// Close" and "method (*database/sql.DB).Query Err".

func rowsDone(db *sql.DB) error {
	rows, err := db.Query("select n from t")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func rowsErrUnchecked(db *sql.DB) error {
	rows, err := db.Query("select n from t") // want `rows from db.Query: Err is not called on all paths`
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return nil
}

// The loop runs to its end, which closes the rows; Err is never called.
func rowsNoErr(db *sql.DB) (n int) {
	rows, _ := db.Query("select n from t") // want `rows from db.Query: Err is not called on all paths`
	for rows.Next() {
		n++
	}
	return n
}

// A for rows.Next() loop that runs to its end closes the rows; a break or
// a return inside it does not.

func rowsToTheEnd(db *sql.DB) (n int, err error) {
	rows, err := db.Query("select n from t")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func rowsBreak(db *sql.DB) (n int, err error) {
	rows, err := db.Query("select n from t") // want `rows from db.Query: Close is not called on all paths`
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		if n++; n == 10 {
			break
		}
	}
	return n, rows.Err()
}

func rowsReturn(db *sql.DB) (int, error) {
	// (Err is due after the loop only: the return inside it, with the
	// error of Scan, needs none.)
	rows, err := db.Query("select n from t") // want `rows from db.Query: Close is not called on all paths`
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return 0, rows.Err()
}

func rowsErrAfterLoopOnly(db *sql.DB) (n int, err error) {
	rows, err := db.Query("select n from t") // want `rows from db.Query: Err is not called on all paths`
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		n++
	}
	if n == 0 {
		return 0, nil // the loop has ended: Err is due here
	}
	return n, rows.Err()
}
