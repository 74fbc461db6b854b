package a

import (
	"github.com/rescoord/rescoord/runtime/resource"
)

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
