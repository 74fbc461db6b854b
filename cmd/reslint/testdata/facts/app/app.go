// Package app uses helper, whose facts decide what is reported here.
package app

import (
	"context"

	"github.com/rescoord/rescoord/cmd/reslint/testdata/facts/helper"
	"github.com/rescoord/rescoord/cmd/reslint/testdata/facts/plain"
	"github.com/rescoord/rescoord/runtime/coord"
)

// Leak returns early without releasing the thumbnail.
func Leak(c *coord.Coordinator, name string) {
	id := helper.AddThumb(c, name)
	if !plain.Ready(name) {
		return
	}
	helper.Free(c, id)
}

// Freed releases it on every path, through helper.Free.
func Freed(c *coord.Coordinator, name string) {
	id := helper.AddThumb(c, name)
	defer helper.Free(c, id)
	if !plain.Ready(name) {
		return
	}
}

// Stop leaks its cancel function on one path: reported only with a rule
// for context.WithCancel (-release.rules 'func context.WithCancel#1').
func Stop(ctx context.Context, name string) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	if !plain.Ready(name) {
		return ctx
	}
	cancel()
	return nil
}
