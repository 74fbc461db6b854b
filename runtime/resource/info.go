package resource

import (
	"fmt"
	"strings"
	"time"
)

// Info describes one live resource.
type Info struct {
	ID        ID
	Kind      Kind
	Name      string // given with coord.Name, or the worker's name; may be empty
	Component string // the ID of the component that holds it

	// Tracked is when the resource was tracked and Origin is where
	// ("file.go:42 pkg.Func"). Workers always record Tracked; other
	// resources record both only when the service records origins
	// ([WithOrigins]; restest.NewService turns it on), because reading the
	// clock and the caller would cost more than tracking itself.
	Tracked time.Time
	Origin  string

	// Running is true for a worker that has not returned yet.
	Running bool

	// Meta holds the values given with coord.Meta.
	Meta map[string]any
}

// Age returns how long ago the resource was tracked, or 0 if that is not
// known.
func (i Info) Age() time.Duration {
	if i.Tracked.IsZero() {
		return 0
	}
	return time.Since(i.Tracked)
}

// String describes the resource in one line, the way leak reports print it:
//
//	worker "copy 15:04:05" (1f0e…) of CopyVerify_1, running, tracked 2.1s ago at copy.go:42 main.(*C).Start
func (i Info) String() string {
	var b strings.Builder
	b.WriteString(i.Kind.String())
	if i.Name != "" {
		fmt.Fprintf(&b, " %q", i.Name)
	}
	fmt.Fprintf(&b, " (%s)", i.ID)
	if i.Component != "" {
		fmt.Fprintf(&b, " of %s", i.Component)
	}
	if i.Running {
		b.WriteString(", running")
	}
	if !i.Tracked.IsZero() {
		fmt.Fprintf(&b, ", tracked %s ago", i.Age().Round(time.Millisecond))
	}
	if i.Origin != "" {
		fmt.Fprintf(&b, " at %s", i.Origin)
	}
	return b.String()
}

// ComponentInfo describes one registered component and what it holds.
type ComponentInfo struct {
	ID   string // the component ID, as given to the coordinator
	Type string // "controller", "coordinator", or the Go type of its owner
	Live []Info // its live resources, oldest first
}
