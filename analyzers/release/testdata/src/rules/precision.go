package rules

import (
	"errors"
	"io/fs"
	"os"
)

// The branches where the acquisition failed are no leak paths, whatever
// predicate of the error says so.

func notExistIsFine(name string) error {
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

func retryOnExist(names []string) (*os.File, error) { // want retryOnExist:"returns\\(0 Close\\)"
	for _, name := range names {
		f, err := os.Open(name)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return f, nil
	}
	return nil, nil
}

func notNotExist(name string) error {
	f, err := os.Open(name)
	if !os.IsNotExist(err) {
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

// A file given to a function that stores it in what it returns is handed
// off (reader has no method to close it with, so that is all the fact says).

type reader struct{ f *os.File }

func newReader(f *os.File) *reader { return &reader{f} } // want newReader:"releases\\(0 Close\\)"

func wrapped(name string) (*reader, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return newReader(f), nil
}

// A test of the error further on may be of another error: the paths after
// it still count.

func laterCheck(name string) error {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	if err != nil {
		return err
	}
	return f.Close()
}

func retryOnWindows(name string, windows bool) error {
	f, err := os.Create(name)
	if err != nil && windows {
		f, err = os.Create(name + "~")
	}
	if err != nil {
		return err
	}
	return f.Close()
}
