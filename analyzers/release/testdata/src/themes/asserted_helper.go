package themes

// A helper that takes anything and closes it if it can (resty's closeq):
// it starts with a type assertion to an interface with the release
// method, and calls the method when the assertion holds. A resource with
// that obligation has the method, so the helper releases it. One that only
// reads through the assertion, or closes under a further condition, does
// not: the first leaves the resource to its caller, the second takes it
// over as far as its caller can tell.

import (
	"errors"
	"io"
	"log"
	"net/http"
	"os"
)

func closeq(v any) { // want closeq:"releases\\(0 Close\\)"
	if c, ok := v.(io.Closer); ok {
		if err := c.Close(); err != nil {
			log.Print(err)
		}
	}
}

func readq(v any) {
	if r, ok := v.(io.Reader); ok {
		_, _ = r.Read(nil)
	}
}

func closeSome(v any, really bool) { // want closeSome:"keeps\\(0 Close\\)"
	if c, ok := v.(io.Closer); ok {
		if really {
			c.Close()
		}
	}
}

func closeqCaller(path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer closeq(f)
	_, err = io.Copy(w, f)
	return err
}

func readqCaller(path string) error {
	f, err := os.Open(path) // want `f from os.Open: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	readq(f)
	return nil
}

func closeSomeCaller(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	closeSome(f, true)
	return nil
}

type statusError struct{ code int }

func (e *statusError) Error() string { return "status" }

var errNotFound = errors.New("not found")

func do(c *http.Client, req *http.Request) (*http.Response, error) { // want do:"returns\\(0 Body.Close\\)"
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, &statusError{resp.StatusCode}
	}
	return resp, nil
}

// dockertest's CreateContainer: the error tested by a type assertion
// first; the result is nil whenever there is an error.
func errorAsserted(c *http.Client, req *http.Request) (int, error) {
	resp, err := do(c, req)
	if e, ok := err.(*statusError); ok {
		if e.code == http.StatusNotFound {
			return 0, errNotFound
		}
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Asserted, but the body is left open on the success path.
func errorAssertedLeak(c *http.Client, req *http.Request) (int, error) {
	resp, err := do(c, req) // want `resp from themes.do: Body.Close is not called on all paths; this return can be reached without it`
	if e, ok := err.(*statusError); ok {
		return e.code, err
	}
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
