package rules

import (
	"io"
	"net/http"
)

// A rule with a field path: "method net/http.Get Body.Close".

func bodyLeak(url string) error {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	resp.Body.Close()
	return nil
}

func bodyDeferred(url string, w io.Writer) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body) // a read of the body, not a release
	return err
}

func bodyClosedEverywhere(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	code := resp.StatusCode
	resp.Body.Close()
	return code, nil
}

func bodyReadNotClosed(url string, w io.Writer) error {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return err
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

func bodyCloseOnOtherField(url string) error {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return err
	}
	if resp.Request != nil && resp.Request.Body != nil {
		resp.Request.Body.Close() // the request's body, not the response's
	}
	return nil
}

func bodyDiscarded(url string) {
	http.Get(url) // want `the result of http.Get is discarded`
}
