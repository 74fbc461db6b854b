package ctrl

import (
	"context"

	"github.com/rescoord/rescoord/runtime/controller"
)

//rescoord:controller component=Stale // want `generated code for Stale is stale \(stale_rescoord.go\); run go generate`
type Stale struct {
	controller.Base
}

// A second operation was added since the code was generated.
//
//rescoord:operation
func (s *Stale) load(ctx context.Context) error { return nil }

//rescoord:operation
func (s *Stale) save(ctx context.Context) error { return nil }
