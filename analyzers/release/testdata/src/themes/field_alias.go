package themes

// The body apart from its response (bodyclose #18, #30): the field on the
// path to the release is the resource, when it is copied, returned or
// given to a function that closes it.

import (
	"io"
	"net/http"
)

func closeWith(what string, c io.Closer) error { return c.Close() }

func closedThroughCopy(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	body := resp.Body
	defer body.Close()
	_, err = io.ReadAll(body)
	return err
}

func bodyReturned(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func closedByHelperOfCloser(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer closeWith("body", resp.Body)
	return nil
}

func closedByFuncValue(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	closer := func(c io.Closer) { c.Close() }
	closer(resp.Body)
}

func closedByLiteral(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	func(b io.ReadCloser) { b.Close() }(resp.Body)
}

// The literal is given the body and does nothing with it.
func notClosedByLiteral(url string) {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return
	}
	func(b io.ReadCloser) {}(resp.Body)
}

// Read only: io.ReadAll takes an io.Reader, which cannot close it.
func onlyReadBody(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// http.MaxBytesReader takes the body over: the reader it returns must be
// closed instead.
func limitedLeak(w http.ResponseWriter, url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	_ = http.MaxBytesReader(w, resp.Body, 1<<20) // want `the result of http.MaxBytesReader is discarded`
}

func limitedClosed(w http.ResponseWriter, url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	r := http.MaxBytesReader(w, resp.Body, 1<<20)
	defer r.Close()
	_, err = io.ReadAll(r)
	return err
}

// A nil body has nothing to close.
func closedIfThere(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	if resp.Body != nil {
		defer resp.Body.Close()
	}
	return resp.StatusCode
}
