package a

import (
	"fmt"

	"github.com/rescoord/rescoord/runtime/resource"
)

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
