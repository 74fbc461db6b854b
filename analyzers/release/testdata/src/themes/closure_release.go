package themes

// Releases in a function literal: a deferred or started closure that
// releases the resource on every path of its own body releases it; one
// that releases it under a condition only does not.
//
//   - spancheck #12: defer func() { span.End() }(), to recover a panic too;
//   - spancheck #24: a deferred closure that records the named error result
//     under a condition, then ends the span unconditionally;
//   - sqlclosecheck #43 (its second report): defer func() { _ = rows.Close() }();
//   - bodyclose #18 (its shape, with the body captured): a local closure
//     that closes the body, called once;
//   - gosec #1590: the end function called by a goroutine.

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"

	"example.com/fixture/otel"
	"example.com/fixture/pool"
)

func recovered(ctx context.Context) {
	_, span := otel.Tracer("themes").Start(ctx, "recovered")
	defer func() {
		if r := recover(); r != nil {
			span.SetName("panicked")
		}
		span.End()
	}()
	log.Print("working")
}

func recordedError(ctx context.Context) (retErr error) {
	ctx, span := otel.Tracer("themes").Start(ctx, "recorded")
	defer func() {
		if retErr != nil {
			span.SetName(retErr.Error())
		}
		span.End() // on every path of the closure
	}()
	if err := ctx.Err(); err != nil {
		return err
	}
	return nil
}

func endedOnErrorOnly(ctx context.Context) (retErr error) {
	ctx, span := otel.Tracer("themes").Start(ctx, "recorded") // want `span from otel.Tracer\("themes"\).Start: End is not called on all paths`
	defer func() {
		if retErr != nil {
			span.End() // ends the failed spans only
		}
	}()
	if err := ctx.Err(); err != nil {
		return err
	}
	return nil
}

// The closure returns before End when there is no error.
func endedAfterEarlyReturn(ctx context.Context) (retErr error) {
	ctx, span := otel.Tracer("themes").Start(ctx, "recorded") // want `span from otel.Tracer\("themes"\).Start: End is not called on all paths`
	defer func() {
		if retErr == nil {
			return
		}
		span.End()
	}()
	return ctx.Err()
}

// The deferred closure closes the body and keeps Close's error.
func closeErrorKept(url string) (err error) {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); err == nil {
			err = cerr
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func closedInDeferredLiteral(ctx context.Context, db *sql.DB) (n int, err error) {
	rows, err := db.QueryContext(ctx, "select id from jobs")
	if err != nil {
		return 0, err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		if n++; n > 100 {
			return n, nil
		}
	}
	return n, rows.Err()
}

func closedInLocalClosure(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	done := func() { resp.Body.Close() }
	code := resp.StatusCode
	done()
	return code
}

func endedByGoroutine(ctx context.Context) {
	_, end := pool.Lease(ctx)
	go func() {
		end()
	}()
}

func endedByGoroutineSometimes(ctx context.Context, ok bool) {
	_, end := pool.Lease(ctx) // want `end from pool.Lease: end\(\) is not called on all paths`
	go func() {
		if ok {
			end()
		}
	}()
}
