package themes

// A closure kept in a variable releases where it is called, not where it
// is written; one thrown away releases nothing.

import "net/http"

func closedByCalledClosure(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	done := func() { resp.Body.Close() }
	defer done()
	return resp.StatusCode
}

func closureNeverCalled(url string) int {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return 0
	}
	done := func() { resp.Body.Close() }
	_ = done
	return resp.StatusCode
}

func closureCalledOnSomePaths(url string) int {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return 0
	}
	done := func() { resp.Body.Close() }
	if resp.StatusCode != http.StatusOK {
		done()
		return 0
	}
	return resp.StatusCode
}

func closureDiscarded(url string) int {
	resp, err := http.Get(url) // want `resp from http.Get: Body.Close is not called on all paths`
	if err != nil {
		return 0
	}
	_ = func() { resp.Body.Close() }
	return resp.StatusCode
}

// Given away, the closure takes the response with it.
func closureReturned(url string) (func(), error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	done := func() { resp.Body.Close() }
	return done, nil
}
