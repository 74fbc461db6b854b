//go:build !rescoordtag

// Package buildtags is built without the tag only.
package buildtags

import "github.com/rescoord/rescoord/runtime/controller"

type c struct{ controller.Base }

func (x *c) run() {
	go x.run() // want `goroutine started outside`
}
