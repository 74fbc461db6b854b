package themes

// Wrappers that return what they acquired: the caller owns the result, as
// if it had called the acquiring function itself.
//
//   - spancheck #33: a helper that starts the span with the package's
//     tracer and returns it; callers end it;
//   - gosec #1584: a helper that returns the end function, which its caller
//     appends to the shutdown chain of its environment;
//   - sqlclosecheck #35: a wrapper type around *sql.DB (as sqlx's is): the
//     embedded DB's Query is the rule's, and rows from it are checked; the
//     wrapper's own query method returns wrapped rows, which its callers
//     close with a deferred Close.

import (
	"context"
	"database/sql"

	"example.com/fixture/otel"
	"example.com/fixture/pool"
	"example.com/fixture/tracer"
)

func startSpan(ctx context.Context, name string) (context.Context, tracer.Span) { // want startSpan:"returns\\(1 End\\)"
	return otel.Tracer("themes").Start(ctx, name)
}

func spanEnded(ctx context.Context) error {
	ctx, span := startSpan(ctx, "ended")
	defer span.End()
	return ctx.Err()
}

func spanNotEnded(ctx context.Context) error {
	ctx, span := startSpan(ctx, "not ended") // want `span from themes.startSpan: End is not called on all paths`
	span.SetName("renamed")
	return ctx.Err()
}

type environment struct{ shutdown []func() }

func (e *environment) Shutdown() {
	for _, f := range e.shutdown {
		f()
	}
}

func initLease(ctx context.Context) (context.Context, func()) { // want initLease:"returns\\(1 call\\)"
	ctx, end := pool.Lease(ctx)
	return ctx, end
}

func setupEnvironment(ctx context.Context, e *environment) context.Context {
	ctx, end := initLease(ctx)
	e.shutdown = append(e.shutdown, end)
	return ctx
}

func setupEnvironmentUnlessDry(ctx context.Context, e *environment, dry bool) context.Context {
	ctx, end := initLease(ctx) // want `end from themes.initLease: end\(\) is not called on all paths; this return can be reached without it`
	if dry {
		return ctx
	}
	e.shutdown = append(e.shutdown, end)
	return ctx
}

// store embeds *sql.DB, as a wrapper library's DB type does.
type store struct{ *sql.DB }

func (s store) count(table string) (n int, err error) {
	rows, err := s.Query("select count(*) from " + table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}

func (s store) exists(table string) (bool, error) {
	rows, err := s.Query("select 1 from " + table) // want `rows from s.Query: Close is not called on all paths`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// wrappedRows embeds *sql.Rows, as a wrapper library's Rows type does.
type wrappedRows struct{ *sql.Rows }

func (s store) queryx(q string) (*wrappedRows, error) { // want queryx:"returns\\(0 Close\\)"
	rows, err := s.Query(q)
	if err != nil {
		return nil, err
	}
	return &wrappedRows{rows}, nil
}

func (s store) ids() ([]int, error) {
	rows, err := s.queryx("select id from users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
