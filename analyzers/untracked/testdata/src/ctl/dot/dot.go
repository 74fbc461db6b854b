// Package dot dot-imports the controller package.
package dot

import . "github.com/rescoord/rescoord/runtime/controller"

// Mail is a controller.
type Mail struct{ *Base }

func (m *Mail) send() {
	go m.send() // want `goroutine started outside`
}
