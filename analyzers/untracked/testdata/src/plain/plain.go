// Package plain uses a controller but is not one: not controller-layer
// code.
package plain

import "example.com/fixture/ctl/basic"

func run() {
	c := basic.NewCopy()
	go c.Cleanup()
}
