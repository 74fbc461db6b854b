package themes

// What a function wraps in its result (sqlclosecheck #35) and what it
// releases before returning (bodyclose #76).

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"

	"example.com/fixture/pool"
)

// rowsWrapper embeds the rows it wraps: its Close closes them.
type rowsWrapper struct{ *sql.Rows }

// rowStore wraps its rows: its callers must close what it returns.
type rowStore struct{ db *sql.DB }

func (s rowStore) query(q string) (*rowsWrapper, error) { // want query:"returns\\(0 Close\\)"
	rows, err := s.db.Query(q)
	if err != nil {
		return nil, err
	}
	return &rowsWrapper{rows}, nil
}

func wrapperLeak(s rowStore) error {
	rows, err := s.query("select 1") // want `rows from s.query: Close is not called on all paths`
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func wrapperClosed(s rowStore) error {
	rows, err := s.query("select 1")
	if err != nil {
		return err
	}
	return rows.Close()
}

// stopper holds the end of a lease, which its Stop calls.
type stopper struct{ end func() }

func (s *stopper) Stop() { s.end() }

func newStopper(ctx context.Context) *stopper { // want newStopper:"returns\\(0 Stop\\)"
	_, end := pool.Lease(ctx)
	s := &stopper{}
	s.end = end
	return s
}

func stopperLeak(ctx context.Context) {
	s := newStopper(ctx) // want `s from themes.newStopper: Stop is not called on all paths`
	_ = s
}

func stopperStopped(ctx context.Context) {
	s := newStopper(ctx)
	defer s.Stop()
}

// readAll closes the body before it returns the response, with the body
// replaced by what it read: its callers have nothing to close.
func readAll(url string) (*http.Response, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return r, err
	}
	raw, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return nil, err
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return r, nil
}

func usesReadAll(url string) (int, error) {
	r, err := readAll(url)
	if err != nil {
		return 0, err
	}
	return r.StatusCode, nil
}
