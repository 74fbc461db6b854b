// Package ctrl holds the app's controllers.
package ctrl

//go:generate go tool rescoordgen

import (
	"context"
	"os"

	"github.com/rescoord/rescoord/runtime/controller"
)

// Copier copies.
//
//rescoord:controller
type Copier struct {
	controller.Base
}

//rescoord:operation name=Copy
func (c *Copier) copy(ctx context.Context, n int) error { return ctx.Err() }

// Wait leaks its cancel function on one path.
func Wait(ctx context.Context, quick bool) error {
	ctx, cancel := context.WithCancel(ctx)
	if quick {
		return nil
	}
	defer cancel()
	<-ctx.Done()
	return ctx.Err()
}

// Background starts a goroutine its cleanup cannot cancel.
func (c *Copier) Background() { go c.copy(context.Background(), 1) }

// Size never closes its file: the fix can add a defer.
func Size(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
