package a

import (
	"fmt"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Themes the peers got wrong, one function each.

// A variable declared before an if, acquired in one branch.
func declaredBeforeIf() {
	var id resource.ID
	if x {
		id = c.Track(1, resource.Memory) // want `not released on all paths`
	}
	fmt.Println(id)
}

func declaredBeforeIfReleased() {
	var id resource.ID
	if x {
		id = c.Track(1, resource.Memory)
		defer c.Release(id)
	}
	work()
}

// A release in only one switch case.
func switchOneCase(n int) {
	id := c.Track(n, resource.Memory) // want `not released on all paths`
	switch n {
	case 1:
		c.Release(id)
	case 2:
		fmt.Println("two")
	}
}

func switchEveryCase(n int) {
	id := c.Track(n, resource.Memory)
	switch n {
	case 1:
		c.Release(id)
	default:
		c.Release(id)
	}
}

// goto and labelled loops.
func gotoRelease(n int) {
	id := c.Track(n, resource.Memory)
	if n > 0 {
		goto done
	}
	work()
done:
	c.Release(id)
}

func labelled(rows [][]int) {
	id := c.Track(rows, resource.Memory) // want `not released on all paths`
outer:
	for _, r := range rows {
		for _, v := range r {
			if v < 0 {
				break outer
			}
			if v == 0 {
				return
			}
		}
	}
	c.Release(id)
}

// A conditional release in a deferred closure counts (the closure releases
// on its own paths; the condition is the caller's business).
func conditionalDeferredClosure() (resource.ID, error) { // want conditionalDeferredClosure:"acquires"
	var err error
	id := c.Track(1, resource.Memory)
	defer func() {
		if err != nil {
			c.Release(id)
		}
	}()
	return id, err
}

// A deferred release placed before the acquisition.
func deferBefore() {
	var id resource.ID
	defer func() { c.Release(id) }()
	id = c.Track(1, resource.Memory)
	work()
}

// Hand-off to a struct literal and to a wrapper type.
type tab struct{ thumb resource.ID }

func handOffToStruct() *tab {
	id := c.Track(1, resource.Thumbnail)
	return &tab{thumb: id}
}

// Generic functions.
func generic[T any](co *coord.Coordinator, v T) {
	id := co.Track(v, resource.Custom) // want `the ID from co.Track \(id\) is not released on all paths`
	fmt.Println(id)
}

func genericReleased[T any](co *coord.Coordinator, v T) {
	id := co.Track(v, resource.Custom)
	defer co.Release(id)
}

// A closure that acquires is checked on its own.
func closures() func() {
	return func() {
		id := c.Track(1, resource.Memory) // want `not released on all paths`
		fmt.Println(id)
	}
}
