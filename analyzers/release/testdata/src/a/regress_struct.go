package a

import (
	"github.com/rescoord/rescoord/runtime/resource"
)

// Hand-off to a struct literal and to a wrapper type.
type tab struct{ thumb resource.ID }

func handOffToStruct() *tab {
	id := c.Track(1, resource.Thumbnail)
	return &tab{thumb: id}
}
