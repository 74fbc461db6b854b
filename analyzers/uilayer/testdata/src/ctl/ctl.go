// Package ctl is a controller written the right way; it is not in the UI
// layer, so nothing here is reported even though it manages resources.
package ctl

import (
	"context"
	"fmt"

	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Copy is a controller.
type Copy struct {
	controller.Base
	op *controller.Operation
}

// NewCopy builds the controller.
func NewCopy(opts ...controller.Option) *Copy {
	c := &Copy{}
	c.Init(c, controller.Workers, opts...)
	c.op = c.Operation("Copy")
	return c
}

// StartCopy starts the copy.
func (c *Copy) StartCopy(src string) (resource.ID, error) {
	return c.op.Start(func(ctx context.Context) error {
		id := c.Resources().Track(src, resource.Custom, coord.Name(src))
		defer c.Resources().Release(id)
		<-ctx.Done()
		return nil
	})
}

// CancelCopy cancels it.
func (c *Copy) CancelCopy() error { return c.op.Cancel() }

// CopyRunning says whether it runs.
func (c *Copy) CopyRunning() bool { return c.op.Running() }

// Status describes the controller.
func (c *Copy) Status() string { return fmt.Sprint(len(c.Resources().Live())) }
