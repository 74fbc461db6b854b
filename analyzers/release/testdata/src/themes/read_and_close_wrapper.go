package themes

// A wrapper that reads the body and closes it: bodyclose #76, whose
// wrapper then replaces the body with a NopCloser and returns the response.
// Here the wrapper returns what it read, and what is returned unread is the
// caller's to close.

import (
	"fmt"
	"io"
	"net/http"
)

func fetch(url string) ([]byte, error) {
	resp, err := http.DefaultClient.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func fetchLeak(url string) ([]byte, error) {
	resp, err := http.DefaultClient.Get(url) // want `resp from http.DefaultClient.Get: Body.Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status) // the body stays open
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return raw, err
}

// get returns the response unread: its callers own the body.
func get(url string) (*http.Response, error) { // want get:"returns\\(0 Body.Close\\)"
	return http.DefaultClient.Get(url)
}

func getStatus(url string) (string, error) {
	resp, err := get(url) // want `resp from themes.get: Body.Close is not called on all paths`
	if err != nil {
		return "", err
	}
	return resp.Status, nil
}

func getBody(url string, w io.Writer) error {
	resp, err := get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}
