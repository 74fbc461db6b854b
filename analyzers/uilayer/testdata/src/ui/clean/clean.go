// Package clean is a tab written the new way: it holds a controller and
// calls it. Nothing here is reported.
//
//reslint:layer ui
package clean

import (
	"example.com/fixture/ctl"

	"github.com/rescoord/rescoord/runtime/controller"
)

type label struct{ text string }

func (l *label) SetText(s string) { l.text = s }

// Tab is the tab.
type Tab struct {
	controller *ctl.Copy
	status     label
}

// NewTab builds the tab.
func NewTab(opts ...controller.Option) *Tab {
	return &Tab{controller: ctl.NewCopy(opts...)}
}

// Start starts the operation.
func (t *Tab) Start() {
	if _, err := t.controller.StartCopy("/src"); err != nil {
		t.status.SetText(err.Error())
	}
	t.status.SetText(t.controller.Status())
}

// Cleanup cancels the operation, then cleans the controller up: the
// guide's tab pattern.
func (t *Tab) Cleanup() {
	if t.controller != nil {
		t.controller.CancelCopy()
		t.controller.Cleanup()
	}
	_ = t.controller.CopyRunning()
	_ = t.controller.Resources().Live() // reading is fine
}
