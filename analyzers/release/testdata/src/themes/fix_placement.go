package themes

// Where a deferred release can go: after the error check that leaves the
// function, since a defer evaluates resp.Body at once, and resp is nil when
// the call failed. Elsewhere there is no fix.

import (
	"database/sql"
	"log"
	"net/http"
)

func checkedAtOnce(url string) (int, error) {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statementBeforeCheck(url string) (int, error) {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	log.Print("fetched")
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func checkWithElse(db *sql.DB) int {
	rows, err := db.Query("select 1") // want `rows from db.Query: Close is not called on all paths`
	if err != nil {
		log.Print(err)
		return 0
	} else {
		log.Print("queried")
	}
	_ = rows.Err()
	return 1
}

func checkTheOtherWay(url string) int {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err == nil {
		return resp.StatusCode
	}
	return 0
}

func checkThatGoesOn(url string) int {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		log.Print(err)
	}
	return resp.StatusCode
}
