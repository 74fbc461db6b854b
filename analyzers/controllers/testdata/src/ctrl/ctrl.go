package ctrl

import (
	"context"

	"github.com/rescoord/rescoord/runtime/controller"
)

// Fresh has up-to-date generated code.
//
//rescoord:controller
type Fresh struct {
	controller.Base
}

//rescoord:operation
func (f *Fresh) scan(ctx context.Context, dir string) error { return nil }

func local() *Fresh {
	_ = &Fresh{}   // want `Fresh is built with a composite literal, leaving its coordinator unset; call NewFresh`
	_ = new(Fresh) // want `Fresh is built with new, .*; call NewFresh`
	return NewFresh()
}

// Hand is a hand-written controller with a hand-written constructor,
// which may build it.
type Hand struct{ controller.Base }

func NewHand() *Hand {
	h := &Hand{}
	h.Init(h, controller.Plain)
	return h
}

func misuse() { _ = Hand{} } // want `Hand is built with a composite literal, .*; call NewHand`

// NoCtor embeds controller.Base but has no constructor to suggest.
type NoCtor struct{ controller.Base }

var _ = &NoCtor{}
