package bad

import (
	"context"

	"github.com/rescoord/rescoord/runtime/controller"
)

//rescoord:controller coordinator=threads // want `coordinator=threads: want coordinator=base or coordinator=worker`
type Bad struct {
	controller.Base
}

//rescoord:controller // want `NoBase has //rescoord:controller but does not embed controller.Base`
type NoBase struct{}

//rescoord:operation name=Go // want `operation on method run, but Bad has no //rescoord:controller directive`
func (b *Bad) run(ctx context.Context) error { return nil }

//rescoord:controller colour=red // want `unknown key "colour"`
type Colour struct {
	controller.Base
}
