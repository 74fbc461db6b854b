// Package generics keeps resource IDs in generic types and tracks from
// generic code.
//
//reslint:layer ui
package generics

import (
	"github.com/rescoord/rescoord/runtime/coord"    // want `UI package imports runtime/coord`
	"github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource`
)

type set[K comparable] map[K]struct{}

type pair[A, B any] struct {
	a A
	b B
}

// ids is this package's own collection of IDs.
type ids []resource.ID

// Tab is generic.
type Tab[T any] struct {
	live  set[resource.ID]          // want `UI type keeps resource IDs \(set\[resource.ID\]\) in field live`
	named pair[string, resource.ID] // want `UI type keeps resource IDs \(pair\[string, resource.ID\]\) in field named`
	own   ids                       // want `UI type keeps resource IDs \(ids\) in field own`
	c     *coord.Coordinator        // want `UI type keeps a coordinator \(\*coord.Coordinator\) in field c`
	items []T                       // a type parameter is not an ID
	names set[string]               // nor is a string
}

func track[T any](c *coord.Coordinator, v T) resource.ID {
	return c.Track(v, resource.Custom) // want `UI code tracks a resource \(coord.Coordinator.Track\)`
}

func (t *Tab[T]) add(v T) {
	id := track(t.c, v) // want `UI code keeps a resource ID \(resource.ID\) in variable id`
	t.live[id] = struct{}{}
	t.items = append(t.items, v)
}

func use() {
	var t Tab[int]
	t.add(1)
	t.c.Release(t.named.b) // want `UI code releases resources \(coord.Coordinator.Release\)`
}
