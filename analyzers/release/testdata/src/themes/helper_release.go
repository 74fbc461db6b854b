package themes

// Releases through a helper: the resource is handed to a function of the
// package that releases it on every path, which its fact says.
//
//   - bodyclose #30: a polling loop closes the response in each branch by
//     calling a helper (a defer would pile up across iterations);
//   - sqlclosecheck #43: defer closeRows(rows), a helper that closes the
//     rows and logs the error;
//   - spancheck #45: a helper that ends the span and records the error,
//     in this package or another (helpers.EndWithCause).

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"time"

	"example.com/fixture/otel"
	"example.com/fixture/themes/helpers"
	"example.com/fixture/tracer"
)

func discardResponse(resp *http.Response) { // want discardResponse:"releases\\(0 Body.Close\\)"
	if err := resp.Body.Close(); err != nil {
		log.Print(err)
	}
}

func statusOf(resp *http.Response) int { return resp.StatusCode }

func waitReady(url string, stop <-chan struct{}) bool {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return false
		case <-tick.C:
			resp, err := http.Get(url)
			if err != nil {
				continue
			}
			if resp.StatusCode == http.StatusOK {
				discardResponse(resp)
				return true
			}
			discardResponse(resp)
		}
	}
}

func waitReadyLeak(url string, stop <-chan struct{}) bool {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return false
		case <-tick.C:
			resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths; this return can be reached without it`
			if err != nil {
				continue
			}
			if resp.StatusCode == http.StatusOK {
				return true // the ready response is never closed
			}
			discardResponse(resp)
		}
	}
}

// A helper that only reads the response does not close it.
func statusOnly(url string) (int, error) {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return 0, err
	}
	return statusOf(resp), nil
}

func closeRows(rows *sql.Rows) { // want closeRows:"releases\\(0 Close\\)"
	if err := rows.Close(); err != nil {
		log.Print(err)
	}
}

func userNames(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "select name from users")
	if err != nil {
		return nil, err
	}
	defer closeRows(rows)
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// The helper is called on the success path only: the early return of
// Scan's error leaves the rows open.
func userNamesLeak(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "select name from users") // want `rows from db.QueryContext: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	closeRows(rows)
	return names, rows.Err()
}

// endSpan ends the span, naming it after the error it ends with.
func endSpan(span tracer.Span, errp *error) { // want endSpan:"releases\\(0 End\\)"
	if *errp != nil {
		span.SetName("failed: " + (*errp).Error())
	}
	span.End()
}

// nameSpan only names it.
func nameSpan(span tracer.Span, name string) { span.SetName(name) }

func traced(ctx context.Context) (err error) {
	ctx, span := otel.Tracer("themes").Start(ctx, "traced")
	defer endSpan(span, &err)
	return ctx.Err()
}

func tracedLeak(ctx context.Context) error {
	ctx, span := otel.Tracer("themes").Start(ctx, "traced") // want `span from otel.Tracer\("themes"\).Start: End is not called on all paths`
	nameSpan(span, "leak")
	return ctx.Err()
}

func tracedElsewhere(ctx context.Context) (err error) {
	ctx, span := otel.Tracer("themes").Start(ctx, "elsewhere")
	defer helpers.EndWithCause(span, &err)
	return ctx.Err()
}

func annotatedElsewhere(ctx context.Context) error {
	ctx, span := otel.Tracer("themes").Start(ctx, "elsewhere") // want `span from otel.Tracer\("themes"\).Start: End is not called on all paths`
	helpers.Annotate(span, "annotated")
	return ctx.Err()
}

func countedElsewhere(db *sql.DB) (n int, err error) {
	rows, err := db.Query("select id from users")
	if err != nil {
		return 0, err
	}
	defer helpers.CloseRows(rows)
	for rows.Next() {
		n++
		if n == 10 {
			return n, nil
		}
	}
	return n, rows.Err()
}
