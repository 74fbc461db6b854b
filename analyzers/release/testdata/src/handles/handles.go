// Package handles checks what facts about helpers do for the resources of
// rules: a helper that closes its parameter ends the obligation, in this
// package or another; one that only reads it does not; one that returns
// what it acquired passes the obligation to its callers; one that stores
// its parameter in its result moves the obligation to that result.
package handles

import (
	"database/sql"
	"os"

	"example.com/fixture/handles/files"
	"example.com/fixture/tracer"
)

func closeFile(f *os.File) { f.Close() } // want closeFile:"releases\\(0 Close\\)"

func size(f *os.File) int64 {
	st, err := f.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

func closeIf(f *os.File, done bool) { // want closeIf:"keeps\\(0 Close\\)"
	if done {
		f.Close()
	}
}

func closedByHelper(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	println(size(f))
	closeFile(f)
	return nil
}

func closedByOtherPackage(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer files.Close(f)
	println(files.Name(f))
	return nil
}

func onlyRead(name string) int64 {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return 0
	}
	return size(f)
}

func onlyReadElsewhere(name string) string {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return ""
	}
	return files.Name(f)
}

func closedOnSomePath(name string, done bool) error {
	// closeIf may have closed it: as far as this function can tell, it
	// took the file over.
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	closeIf(f, done)
	return nil
}

// openLog returns what it acquired: its callers own it.
func openLog(name string) (f *os.File, err error) { // want openLog:"returns\\(0 Close\\)"
	f, err = os.Open(name)
	return
}

func leaksHelpersFile(name string) error {
	f, err := openLog(name) // want `f from handles.openLog: Close is not called on all paths`
	if err != nil {
		return err
	}
	println(f.Name())
	return nil
}

func leaksOtherPackagesFile(name string) error {
	f, err := files.Open(name) // want `f from files.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	println(f.Name())
	return nil
}

func closesHelpersFile(name string) error {
	f, err := files.Open(name)
	if err != nil {
		return err
	}
	return f.Close()
}

// A cache keeps what it opens: its callers do not own what it returns.
type cache struct{ files map[string]*os.File }

func (c *cache) open(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	c.files[name] = f
	return f, nil
}

func (c *cache) Close() error {
	for _, f := range c.files {
		f.Close()
	}
	return nil
}

func fromCache(c *cache, name string) string {
	f, err := c.open(name)
	if err != nil {
		return ""
	}
	return f.Name()
}

// A wrapper holds the file it is given and closes it with its own Close:
// its callers must close the wrapper instead.
type wrapper struct{ f *os.File }

func (w *wrapper) Close() error { return w.f.Close() }

func wrap(f *os.File) *wrapper { return &wrapper{f: f} } // want wrap:"moves\\(0 Close into 0 for Close\\)"

func newWrapper(f *os.File) (*wrapper, error) { // want newWrapper:"moves\\(0 Close into 0 for Close\\)"
	w := &wrapper{}
	w.f = f
	return w, nil
}

func leaksWrapper(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w := wrap(f) // want `w from handles.wrap: Close is not called on all paths`
	println(w.f.Name())
	return nil
}

func closesWrapper(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	w, err := newWrapper(f)
	if err != nil {
		return err
	}
	defer w.Close()
	println(w.f.Name())
	return nil
}

func wrapsStdin() {
	// Standard input was not acquired here: nothing to release.
	w := wrap(os.Stdin)
	println(w.f.Name())
}

// Rows carry two obligations: a helper that closes them leaves Err to
// the caller.
func closeRows(rows *sql.Rows) { rows.Close() } // want closeRows:"releases\\(0 Close\\)"

func rowsErrUnchecked(db *sql.DB) (n int) {
	rows, err := db.Query("select 1") // want `rows from db.Query: Err is not called on all paths`
	if err != nil {
		return 0
	}
	defer closeRows(rows)
	for rows.Next() {
		n++
	}
	return n
}

func rowsChecked(db *sql.DB) (n int, err error) {
	rows, err := db.Query("select 1")
	if err != nil {
		return 0, err
	}
	defer closeRows(rows)
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// Spans are interfaces: a helper that ends one ends it.
func finish(span tracer.Span, name string) { // want finish:"releases\\(0 End\\)"
	span.SetName(name)
	span.End()
}

func ended(t tracer.Tracer) {
	_, span := t.Start(nil, "x")
	finish(span, "y")
}

func notEnded(t tracer.Tracer) {
	_, span := t.Start(nil, "x") // want `span from t.Start: End is not called on all paths`
	span.SetName("y")
}
