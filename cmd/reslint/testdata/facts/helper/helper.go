// Package helper wraps a coordinator: release knows what its functions do
// only from the facts it exports.
package helper

import (
	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Free releases id.
func Free(c *coord.Coordinator, id resource.ID) {
	if err := c.Release(id); err != nil {
		println(err.Error())
	}
}

// AddThumb returns the ID it acquired: its callers owe the release.
func AddThumb(c *coord.Coordinator, name string) resource.ID {
	return c.Track(name, resource.Thumbnail, coord.Name(name))
}
