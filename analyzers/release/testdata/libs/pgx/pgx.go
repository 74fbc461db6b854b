// Package pgx is checked with -release.sets=pgx.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func query(ctx context.Context, c *pgx.Conn) ([]string, error) {
	rows, err := c.Query(ctx, "select name from users") // want `rows from c.Query: Close is not called on all paths`
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	var name string
	if err := rows.Scan(&name); err != nil {
		return nil, err
	}
	rows.Close()
	return []string{name}, nil
}

func poolQuery(ctx context.Context, p *pgxpool.Pool) error {
	rows, err := p.Query(ctx, "select 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// pgx.CollectRows closes the rows: passing them to it hands them off.
func collect(ctx context.Context, p *pgxpool.Pool) ([]string, error) {
	rows, err := p.Query(ctx, "select name from users")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func txQuery(ctx context.Context, tx pgx.Tx) {
	rows, _ := tx.Query(ctx, "select 1") // want `rows from tx.Query: Close is not called on all paths`
	_ = rows
}

func batch(ctx context.Context, c *pgx.Conn, b *pgx.Batch) error {
	br := c.SendBatch(ctx, b) // want `br from c.SendBatch: Close is not called on all paths`
	_, err := br.Exec()
	return err
}

func batchClosed(ctx context.Context, p *pgxpool.Pool, b *pgx.Batch) error {
	return p.SendBatch(ctx, b).Close()
}

func connect(ctx context.Context, url string) error {
	c, err := pgx.Connect(ctx, url) // want `c from pgx.Connect: Close is not called on all paths`
	if err != nil {
		return err
	}
	return c.Ping(ctx)
}

func connectClosed(ctx context.Context, url string) error {
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	return c.Ping(ctx)
}

func begin(ctx context.Context, c *pgx.Conn) error {
	tx, err := c.Begin(ctx) // want `tx from c.Begin: Commit or Rollback is not called on all paths`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "delete from users"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func beginRolledBack(ctx context.Context, p *pgxpool.Pool) error {
	tx, err := p.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	// A savepoint is a transaction of its own.
	sp, err := tx.Begin(ctx) // want `sp from tx.Begin: Commit or Rollback is not called on all paths`
	if err != nil {
		return err
	}
	_ = sp
	return tx.Commit(ctx)
}

func acquire(ctx context.Context, p *pgxpool.Pool) error {
	c, err := p.Acquire(ctx) // want `c from p.Acquire: Release or Hijack is not called on all paths`
	if err != nil {
		return err
	}
	return c.Ping(ctx)
}

func acquireReleased(ctx context.Context, p *pgxpool.Pool) error {
	c, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return c.Ping(ctx)
}

// Hijack takes the connection out of the pool: it must be closed.
func hijack(ctx context.Context, p *pgxpool.Pool) error {
	c, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	conn := c.Hijack() // want `conn from c.Hijack: Close is not called on all paths`
	return conn.Ping(ctx)
}

type store struct{ pool *pgxpool.Pool }

// A pool kept in a struct is the struct's to close.
func open(ctx context.Context, url string) (*store, error) {
	p, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, err
	}
	return &store{pool: p}, nil
}

func largeObject(ctx context.Context, tx pgx.Tx, oid uint32) error {
	los := tx.LargeObjects()
	lo, err := los.Open(ctx, oid, pgx.LargeObjectModeRead) // want `lo from los.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	_, err = lo.Read(make([]byte, 8))
	return err
}
