// Package testsflag is checked with -untracked.tests.
package testsflag

import "github.com/rescoord/rescoord/runtime/controller"

type c struct{ controller.Base }

func (x *c) run() {
	go x.run() // want `goroutine started outside`
}
