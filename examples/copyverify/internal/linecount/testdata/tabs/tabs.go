package tabs

import (
	"context"

	rc "example.com/x/runtime/coord"
	"example.com/x/runtime/resource"
)

// OldTab does its own resource management.
type OldTab struct {
	label   string
	svc     resource.Service
	workers *rc.Workers
	ids     []resource.ID
	a, b    resource.ID
}

// NewOldTab registers itself.
func NewOldTab() *OldTab {
	t := &OldTab{label: "old"}
	t.svc = resource.Default()
	t.svc.RegisterComponent(t)

	// tracked at once
	t.workers = rc.NewWorkers("old", rc.WithService(t.svc))
	t.ids = append(t.ids, t.workers.Track(1, resource.Memory, rc.Name("one")))
	return t
}

func (t *OldTab) start() {
	t.a = t.workers.Go("op", func(ctx context.Context) error { return nil })
	go t.watch()
}

func (t *OldTab) watch() {}

func (t *OldTab) cleanup(ctx context.Context, other resource.ID) error {
	t.workers.Release(t.a)
	return t.workers.CleanupAll(ctx)
}
