// Package b holds helpers of another package: facts carry what they do.
package b

import (
	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Free releases id: its callers' IDs are released by calling it.
func Free(c *coord.Coordinator, id resource.ID) { // want Free:"consumes\\(1\\)"
	if err := c.Release(id); err != nil {
		println(err.Error())
	}
}

// Describe only reads id.
func Describe(id resource.ID) string { return id.String() }

// AddThumb is a wrapper: it returns the ID it acquired, so its callers owe
// the release.
func AddThumb(c *coord.Coordinator, name string) resource.ID { // want AddThumb:"acquires"
	return c.Track(name, resource.Thumbnail, coord.Name(name))
}
