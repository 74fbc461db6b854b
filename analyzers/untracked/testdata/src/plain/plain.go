// Package plain uses a controller but is not one: not controller-layer
// code.
package plain

import "ctl/basic"

func run() {
	c := basic.NewCopy()
	go c.Cleanup()
}
