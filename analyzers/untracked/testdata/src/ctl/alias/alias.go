// Package alias embeds controller.Base through an alias.
package alias

import ctrl "github.com/rescoord/rescoord/runtime/controller"

type (
	base = ctrl.Base
	// Mail is a controller.
	Mail struct{ base }
)

func (m *Mail) send() {
	go m.send() // want `goroutine started outside`
}
