package themes

// Resources acquired on one of several branches, or again by a retry loop:
// each acquisition is followed on its own, and one that only replaces a
// failed one (its error set, its result nil) overwrites nothing.
//
//   - sqlclosecheck #11: rows assigned in the branches of an if, to a
//     variable declared before it (missed there);
//   - bodyclose #29: a retry loop that calls again while the error is set,
//     then closes the body once it is not.

import (
	"database/sql"
	"log"
	"net/http"
	"time"
)

// The loop runs to its end, which closes the rows, whichever branch
// queried them.
func namesByAge(db *sql.DB, adults bool) ([]string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if adults {
		rows, err = db.Query("select name from users where age >= 21")
	} else {
		rows, err = db.Query("select name from users")
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err) // never returns
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

func firstNamesByAge(db *sql.DB, adults bool, limit int) ([]string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if adults {
		rows, err = db.Query("select name from users where age >= 21") // want `rows from db.Query: Close is not called on all paths`
	} else {
		rows, err = db.Query("select name from users") // want `rows from db.Query: Close is not called on all paths`
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		if len(names) == limit {
			break // leaves the rows open
		}
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

func withRetries(c *http.Client, req *http.Request, retries int) {
	wait := time.Millisecond
	resp, err := c.Do(req)
	for try := 0; err != nil && try < retries; try++ {
		time.Sleep(wait)
		wait *= 2
		resp, err = c.Do(req)
	}
	if err != nil {
		log.Print(err)
		return
	}
	if err := resp.Body.Close(); err != nil {
		log.Print(err)
	}
}

func withRetriesLeak(c *http.Client, req *http.Request, retries int) int {
	resp, err := c.Do(req) // want `resp from c.Do: Body.Close is not called on all paths`
	for try := 0; err != nil && try < retries; try++ {
		resp, err = c.Do(req) // want `resp from c.Do: Body.Close is not called on all paths`
	}
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// A switch acquires on each case; the early return leaves either open.
func firstOfKind(db *sql.DB, kind int) (bool, error) {
	var (
		rows *sql.Rows
		err  error
	)
	switch kind {
	case 0:
		rows, err = db.Query("select id from users") // want `rows from db.Query: Close is not called on all paths; this return can be reached without it`
	default:
		rows, err = db.Query("select id from groups") // want `rows from db.Query: Close is not called on all paths; this return can be reached without it`
	}
	if err != nil {
		return false, err
	}
	if rows.Next() {
		return true, nil
	}
	return false, rows.Close()
}

// Retries until a call succeeds: each failed call's response is nil.
func untilSuccess(c *http.Client, req *http.Request) error {
	var (
		resp *http.Response
		err  error
	)
	for {
		resp, err = c.Do(req)
		if err == nil {
			break
		}
		time.Sleep(time.Millisecond)
	}
	return resp.Body.Close()
}
