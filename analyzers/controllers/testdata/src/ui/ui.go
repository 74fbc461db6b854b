package ui

import "example.com/fixture/ctrl"

// Tab holds a controller.
type Tab struct {
	c *ctrl.Fresh
}

func NewTab() *Tab {
	return &Tab{c: &ctrl.Fresh{}} // want `Fresh is built with a composite literal, .*; call ctrl.NewFresh`
}

func good() *Tab { return &Tab{c: ctrl.NewFresh()} }
