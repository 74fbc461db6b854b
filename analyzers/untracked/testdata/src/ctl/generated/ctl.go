// Package generated has a generated file, never reported.
package generated

import "github.com/rescoord/rescoord/runtime/controller"

type c struct{ controller.Base }

func (x *c) run() {
	go x.run() // want `goroutine started outside`
}
