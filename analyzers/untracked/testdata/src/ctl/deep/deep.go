// Package deep has a controller that embeds controller.Base through the
// application's own base: it does not import runtime/controller itself.
package deep

import "example.com/fixture/ctl/base"

// Mail is a controller.
type Mail struct {
	base.Controller
}

func (m *Mail) send() {
	go m.send() // want `goroutine started outside`
}
