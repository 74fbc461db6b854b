package a

import (
	"fmt"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Generic functions.
func generic[T any](co *coord.Coordinator, v T) {
	id := co.Track(v, resource.Custom) // want `the ID from co.Track \(id\) is not released on all paths`
	fmt.Println(id)
}

func genericReleased[T any](co *coord.Coordinator, v T) {
	id := co.Track(v, resource.Custom)
	defer co.Release(id)
}
