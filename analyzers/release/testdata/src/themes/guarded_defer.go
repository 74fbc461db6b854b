package themes

// A deferred closure that releases only under a condition releases on the
// paths where the condition holds when the function returns: a named error
// result that is not nil, or a local flag still set.

import (
	"database/sql"
	"errors"
	"os"
)

var errEmpty = errors.New("empty")

// Rolled back on every error return, committed on success.
func rollbackOnError(db *sql.DB) (retErr error) {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if retErr != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.Exec("update t set n = n + 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// The success path returns nil without committing: the closure does not
// roll back there.
func rollbackOnErrorOnly(db *sql.DB) (retErr error) {
	tx, err := db.Begin() // want `tx from db.Begin: Commit or Rollback is not called on all paths`
	if err != nil {
		return err
	}
	defer func() {
		if retErr != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.Exec("update t set n = n + 1"); err != nil {
		return err
	}
	return nil
}

// Closed unless handed to the caller, which clears the flag first.
func openChecked(name string) (*os.File, error) { // want openChecked:"returns\\(0 Close\\)"
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	closeF := true
	defer func() {
		if closeF {
			f.Close()
		}
	}()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() == 0 {
		return nil, errEmpty
	}
	closeF = false
	return f, nil
}

// The flag is cleared on a path that does not hand the file on.
func openClearedTooSoon(name string, quick bool) error {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	if quick {
		keep = true
		return nil
	}
	_, err = f.Stat()
	return err
}

// Opened only when there is no file at hand, and closed under the same
// flag (no closure): the paths follow the flag.
func openedUnderFlag(cached *os.File, name string) (int64, error) { // want openedUnderFlag:"releases\\(0 Close\\)"
	f, opened := cached, false
	if f == nil {
		var err error
		f, err = os.Open(name)
		if err != nil {
			return 0, err
		}
		opened = true
	}
	st, err := f.Stat()
	if opened {
		f.Close()
	}
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// The flag is set before the file is opened: a failed Stat leaves it open.
func openedFlagTooEarly(name string) (int64, error) {
	opened := false
	if name != "" {
		opened = true
	}
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if opened {
		f.Close()
	}
	return st.Size(), nil
}
