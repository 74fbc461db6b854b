// Package sets is checked with -release.sets=std and no rules of its own.
package sets

import (
	"database/sql"
	"net/http"
	"os"
	"time"
)

func file(name string) error {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	if _, err := f.Stat(); err != nil {
		return err
	}
	return f.Close()
}

func body(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `resp from c.Do: Body.Close is not called on all paths`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func tx(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return tx.Commit()
}

// The module's Go version is 1.26: the runtime collects a ticker nobody
// stops, so std has no rule for it.
func ticker() <-chan time.Time {
	return time.NewTicker(time.Second).C
}
