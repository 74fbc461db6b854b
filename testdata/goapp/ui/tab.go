// Package ui is the app's UI: named a UI layer by flag, not by a file.
package ui

import (
	"example.com/app/ctrl"
	"github.com/rescoord/rescoord/runtime/coord"
)

// Tab holds a controller and never cleans it up.
type Tab struct {
	c *ctrl.Copier
	w *coord.Workers
}

// Open starts the copy, on a controller built without its constructor.
func (t *Tab) Open() {
	t.c = &ctrl.Copier{}
	t.c.StartCopy(3)
}
