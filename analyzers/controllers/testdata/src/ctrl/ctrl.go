package ctrl

import (
	"context"

	"github.com/rescoord/rescoord/runtime/controller"
)

// Fresh has up-to-date generated code.
//
//rescoord:controller
type Fresh struct { // want Fresh:"controller\\(NewFresh\\)"
	controller.Base
}

//rescoord:operation
func (f *Fresh) scan(ctx context.Context, dir string) error { return nil }

func local() *Fresh {
	_ = &Fresh{}   // want `Fresh is built with a composite literal, which leaves its coordinator unset .*; call NewFresh`
	_ = new(Fresh) // want `Fresh is built with new, .*; call NewFresh`
	return NewFresh()
}
