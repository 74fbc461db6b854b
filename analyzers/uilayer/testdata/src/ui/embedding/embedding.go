// Package embedding reaches runtime methods through embedding.
//
//reslint:layer ui
package embedding

import (
	"context"
	"example.com/fixture/ctl"

	"github.com/rescoord/rescoord/runtime/coord" // want `UI package imports runtime/coord`
)

// workersTab embeds a worker coordinator, so its methods are the tab's.
type workersTab struct {
	*coord.Workers // want `UI type embeds a coordinator \(\*coord.Workers\)`
}

// deeper embeds the tab above: two levels down.
type deeper struct {
	workersTab
}

func (t *workersTab) start() {
	t.Go("job", func(ctx context.Context) error { return nil }) // want `UI code starts a worker \(coord.Workers.Go\)`
	t.Track(1, 0)                                               // want `UI code tracks a resource \(coord.Workers.Track\)`
}

func (d *deeper) stop(ctx context.Context) {
	d.CleanupAll(ctx)             // want `UI code releases resources \(coord.Workers.CleanupAll\)`
	d.Coordinator.CleanupAll(ctx) // want `UI code releases resources \(coord.Coordinator.CleanupAll\)`
	d.workersTab.Workers.Close()  // want `UI code releases resources \(coord.Workers.Close\)`
}

// viaController reaches a coordinator through a controller's embedded
// controller.Base: the package does not even import coord for that.
type viaController struct {
	c *ctl.Copy
}

func (v *viaController) sneak() {
	id := v.c.Resources().Track("x", 0) // want `UI code keeps a resource ID \(resource.ID\) in variable id` `UI code tracks a resource \(coord.Coordinator.Track\)`
	v.c.Workers().Release(id)           // want `UI code releases resources \(coord.Workers.Release\)`
	v.c.Cleanup()                       // the tab pattern: fine
	op := v.c.Operation("Copy")
	op.Start(func(context.Context) error { return nil }) // want `UI code starts a worker \(controller.Operation.Start\)`
	_ = op.Running()
	_ = op.Cancel()
}
