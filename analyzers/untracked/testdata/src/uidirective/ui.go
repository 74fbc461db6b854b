// Package uidirective embeds controller.Base but declares itself UI: the
// directive wins, and uilayer is the analyzer that checks it.
//
//reslint:layer ui
package uidirective

import "github.com/rescoord/rescoord/runtime/controller"

type odd struct{ controller.Base }

func (o *odd) run() { go o.run() }
