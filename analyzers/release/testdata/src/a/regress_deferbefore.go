package a

import (
	"github.com/rescoord/rescoord/runtime/resource"
)

// A deferred release placed before the acquisition.
func deferBefore() {
	var id resource.ID
	defer func() { c.Release(id) }()
	id = c.Track(1, resource.Memory)
	work()
}
