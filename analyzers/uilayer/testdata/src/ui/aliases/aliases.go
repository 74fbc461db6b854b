// Package aliases reaches the runtime through aliases and a renamed import.
//
//reslint:layer ui
package aliases

import (
	rc "github.com/rescoord/rescoord/runtime/coord"     // want `UI package imports runtime/coord`
	res "github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource`
)

type (
	C   = rc.Coordinator
	RID = res.ID
	IDs = []RID
)

type tab struct {
	c    *C  // want `UI type keeps a coordinator \(\*C, that is \*coord.Coordinator\) in field c`
	last RID // want `UI type keeps a resource ID \(RID, that is resource.ID\) in field last`
	all  IDs // want `UI type keeps resource IDs \(IDs, that is \[\]resource.ID\) in field all`
}

func (t *tab) track(v any) {
	t.last = t.c.Track(v, res.Memory) // want `UI code tracks a resource \(coord.Coordinator.Track\)`
	var c *C = rc.New("tab")          // want `UI code keeps a coordinator \(\*C, that is \*coord.Coordinator\) in variable c` `UI code creates a coordinator \(coord.New\)`
	release := (*C).Release           // want `UI code releases resources \(coord.Coordinator.Release\)`
	_ = release(c, t.last)
}
