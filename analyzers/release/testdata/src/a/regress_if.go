package a

import (
	"fmt"

	"github.com/rescoord/rescoord/runtime/resource"
)

// A variable declared before an if, acquired in one branch.
func declaredBeforeIf() {
	var id resource.ID
	if x {
		id = c.Track(1, resource.Memory) // want `not released on all paths`
	}
	fmt.Println(id)
}

func declaredBeforeIfReleased() {
	var id resource.ID
	if x {
		id = c.Track(1, resource.Memory)
		defer c.Release(id)
	}
	work()
}
