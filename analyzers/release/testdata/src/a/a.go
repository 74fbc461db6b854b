package a

import (
	"context"
	"errors"
	"fmt"
	"os"

	"example.com/fixture/b"
	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

var (
	c = coord.New("a")
	w = coord.NewWorkers("w")
	x bool
)

func work() {}

func fn(ctx context.Context) error { return nil }

func releasedOnAllPaths() {
	id := c.Track(1, resource.Memory)
	if x {
		c.Release(id)
		return
	}
	c.Release(id)
}

func leakOnOnePath() error {
	id := c.Track(1, resource.Memory) // want `the ID from c.Track \(id\) is not released on all paths; this return can be reached without releasing it`
	if x {
		return errors.New("early")
	}
	c.Release(id)
	return nil
}

func neverReleased() {
	id := c.Track(1, resource.Memory) // want `the ID from c.Track \(id\) is not released on all paths; the end of the function can be reached`
	fmt.Println("tracked", id)
	work()
}

func deferRelease() {
	id := c.Track(1, resource.Memory)
	defer c.Release(id)
	work()
}

func deferredClosure() {
	id := c.Track(1, resource.Memory)
	defer func() {
		if err := c.Release(id); err != nil {
			fmt.Println(err)
		}
	}()
	work()
}

func returned() resource.ID { // want returned:"acquires"
	id := c.Track(1, resource.Memory)
	return id
}

type holder struct {
	ids []resource.ID
	one resource.ID
	m   map[string]resource.ID
}

func stored(h *holder, ch chan resource.ID) {
	id := c.Track(1, resource.Memory)
	h.ids = append(h.ids, id)
	id2 := c.Track(2, resource.Memory)
	h.one = id2
	id3 := c.Track(3, resource.Memory)
	h.m["three"] = id3
	id4 := c.Track(4, resource.Memory)
	ch <- id4
	id5 := c.Track(5, resource.Memory)
	go func() { c.Release(id5) }()
}

func noReturnPaths() {
	id := c.Track(1, resource.Memory)
	if x {
		panic("broken")
	}
	if !x {
		os.Exit(2)
	}
	c.Release(id)
}

func discardedInLoop(n int) {
	for i := 0; i < n; i++ {
		c.Track(i, resource.Memory) // want `the ID from c.Track is discarded inside a loop`
	}
	for range n {
		_ = c.Track(n, resource.Memory) // want `discarded inside a loop`
	}
	c.Track(n, resource.Memory) // component lifetime: fine
}

func workers() {
	w.Go("auto", fn)
	w.Go("kept", fn, coord.AutoRelease(false))       // want `the ID from w.Go is discarded, but AutoRelease\(false\) leaves it to be released`
	id := w.Go("held", fn, coord.AutoRelease(false)) // want `the ID from w.Go \(id\) is not released on all paths`
	fmt.Println(id)
	id2 := w.Go("fine", fn, coord.AutoRelease(false))
	defer w.Release(id2)
}

func overwrittenInLoop(n int) {
	var id resource.ID
	for i := 0; i < n; i++ {
		id = c.Track(i, resource.Memory) // want `it is overwritten before it is released`
	}
	c.Release(id)
}

func helperInOtherPackage() {
	id := c.Track(1, resource.Memory)
	b.Free(c, id)
}

func onlyDescribed() {
	id := c.Track(1, resource.Memory) // want `not released on all paths`
	fmt.Println(b.Describe(id))
}

func wrapper() {
	id := b.AddThumb(c, "cat.png") // want `the ID from b.AddThumb \(id\) is not released on all paths`
	fmt.Println(id)
}

func wrapperReleased() {
	id := b.AddThumb(c, "cat.png")
	defer c.Release(id)
}

// release is a local helper: the fact is computed in this package too.
func release(id resource.ID) { c.Release(id) } // want release:"consumes\\(0\\)"

func localHelper() {
	id := c.Track(1, resource.Memory)
	release(id)
}

// After Close, Track returns the zero ID: nothing was tracked.
func zeroChecked() bool {
	id := c.Track(1, resource.Memory)
	if id.IsZero() {
		return false
	}
	c.Release(id)
	return true
}

func zeroCompared() bool {
	id := c.Track(1, resource.Memory)
	if id == (resource.ID{}) {
		return false
	}
	defer c.Release(id)
	return true
}

func notZeroChecked() {
	id := c.Track(1, resource.Memory) // want `not released on all paths`
	if !id.IsZero() {
		return
	}
	c.Release(id)
}
