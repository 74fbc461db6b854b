package a

import (
	"github.com/rescoord/rescoord/runtime/resource"
)

// goto and labelled loops.
func gotoRelease(n int) {
	id := c.Track(n, resource.Memory)
	if n > 0 {
		goto done
	}
	work()
done:
	c.Release(id)
}

func labelled(rows [][]int) {
	id := c.Track(rows, resource.Memory) // want `not released on all paths`
outer:
	for _, r := range rows {
		for _, v := range r {
			if v < 0 {
				break outer
			}
			if v == 0 {
				return
			}
		}
	}
	c.Release(id)
}
