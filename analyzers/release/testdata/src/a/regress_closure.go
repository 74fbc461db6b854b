package a

import (
	"fmt"

	"github.com/rescoord/rescoord/runtime/resource"
)

// A closure that acquires is checked on its own.
func closures() func() {
	return func() {
		id := c.Track(1, resource.Memory) // want `not released on all paths`
		fmt.Println(id)
	}
}
