package fix

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"example.com/fixture/pool"
	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

func track(c *coord.Coordinator) {
	id := c.Track(1, resource.Memory) // want `not released on all paths`
	fmt.Println(id)
}

func open(name string) error {
	f, err := os.Open(name) // want `not called on all paths`
	if err != nil {
		return err
	}
	fmt.Println(f.Name())
	return nil
}

func cancel(ctx context.Context) {
	ctx, stop := pool.Lease(ctx) // want `not called on all paths`
	fmt.Println(ctx, stop != nil)
	if ctx.Err() != nil {
		return
	}
}

// No fix: the ID is handed off on one path, so a defer could release what
// the caller now owns.
func handedOff(c *coord.Coordinator) resource.ID { // want handedOff:"acquires"
	id := c.Track(1, resource.Memory) // want `not released on all paths`
	if id.IsZero() {
		return id
	}
	return resource.ID{}
}

func status(url string) (int, error) {
	resp, err := http.Get(url) // want `not called on all paths`
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, nil
	}
	return http.StatusOK, nil
}

// No fix: a goroutine reads the file after the function returns, and a
// deferred Close would close it under the goroutine.
func readLater(name string, done chan<- string) error {
	f, err := os.Open(name) // want `not called on all paths`
	if err != nil {
		return err
	}
	go func() { done <- f.Name() }()
	return nil
}

// No fix: the callback runs after the function returns.
func callback(name string, register func(func() string)) error {
	f, err := os.Open(name) // want `not called on all paths`
	if err != nil {
		return err
	}
	register(func() string { return f.Name() })
	return nil
}
