package coord_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// A coordinator tracks resources and releases them, one at a time or all
// together, newest first.
func ExampleCoordinator() {
	svc := resource.NewManager()
	c := coord.New("Thumbnails", coord.WithService(svc))

	id := c.Track("cat.png", resource.Thumbnail, coord.Name("cat"), coord.OnRelease(func() error {
		fmt.Println("released cat")
		return nil
	}))
	c.Track("dog.png", resource.Thumbnail, coord.OnRelease(func() error {
		fmt.Println("released dog")
		return nil
	}))
	fmt.Println(len(c.Live()), "live")

	_ = c.Release(id)
	err := c.Release(id) // already released
	fmt.Println(errors.Is(err, resource.ErrNotTracked))

	_ = c.CleanupAll(context.Background())
	fmt.Println(len(c.Live()), "live")
	// Output:
	// 2 live
	// released cat
	// true
	// released dog
	// 0 live
}

// Without OnRelease, a resource with a Close method is closed.
func ExampleCoordinator_Track() {
	c := coord.New("Reader", coord.WithService(resource.NewManager()))
	f, err := os.Open(os.DevNull)
	if err != nil {
		fmt.Println(err)
		return
	}
	id := c.Track(f, resource.FileHandle)
	fmt.Println(c.Release(id))    // closes f
	fmt.Println(f.Close() != nil) // already closed
	// Output:
	// <nil>
	// true
}

// Workers runs background work that cleanup can always cancel.
func ExampleWorkers_Go() {
	w := coord.NewWorkers("CopyVerify", coord.WithService(resource.NewManager()))
	started := make(chan struct{})
	w.Go("copy", func(ctx context.Context) error {
		close(started)
		<-ctx.Done() // a long copy, until cancelled
		fmt.Println("copy cancelled")
		return ctx.Err()
	})
	<-started
	fmt.Println(len(w.ActiveWorkers()), "running")
	fmt.Println(w.CancelAllWorkers(5 * time.Second))
	// Output:
	// 1 running
	// copy cancelled
	// true
}

// The service closes every coordinator at shutdown, higher priority first.
func ExampleNew() {
	svc := resource.NewManager()
	cache := coord.New("Cache", coord.WithService(svc), coord.WithPriority(1))
	tab := coord.New("Tab", coord.WithService(svc)) // priority 10
	cache.Track(nil, resource.Map, coord.OnRelease(func() error { fmt.Println("cache dropped"); return nil }))
	tab.Track(nil, resource.Widget, coord.OnRelease(func() error { fmt.Println("widget freed"); return nil }))

	fmt.Println(svc.Shutdown(context.Background()))
	// Output:
	// widget freed
	// cache dropped
	// <nil>
}
