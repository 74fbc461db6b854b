// Package tests has a controller and tests that start goroutines.
package tests

import "github.com/rescoord/rescoord/runtime/controller"

type c struct{ controller.Base }

func (x *c) run() {
	go x.run() // want `goroutine started outside`
}
