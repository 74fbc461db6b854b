// Package legacytab is a tab written the old way: everything the guide's
// "What to Remove from Tabs" lists, in Go.
//
//reslint:layer ui
package legacytab

import (
	"context"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"    // want `UI package imports runtime/coord; call a controller instead`
	"github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource; call a controller instead`
)

type thumbnail struct{ name string }

func (t *thumbnail) Close() error { return nil }

// Tab is the legacy tab.
type Tab struct {
	resourceManager resource.Service  // want `UI type keeps the resource service \(resource.Service\) in field resourceManager: hold a controller instead`
	workers         *coord.Workers    // want `UI type keeps a coordinator \(\*coord.Workers\) in field workers`
	coordinator     coord.Coordinator // want `UI type keeps a coordinator \(coord.Coordinator\) in field coordinator`

	workerResourceID     resource.ID            // want `UI type keeps a resource ID \(resource.ID\) in field workerResourceID: ask the controller instead`
	thumbnailResourceIDs []resource.ID          // want `UI type keeps resource IDs \(\[\]resource.ID\) in field thumbnailResourceIDs`
	byName               map[string]resource.ID // want `resource IDs \(map\[string\]resource.ID\) in field byName`
	pending              chan resource.ID       // want `resource IDs \(chan resource.ID\) in field pending`
	recent               [4]*resource.ID        // want `resource IDs \(\[4\]\*resource.ID\) in field recent`
	current              *resource.ID           // want `resource IDs \(\*resource.ID\) in field current`

	title string
}

var lastID resource.ID // want `UI code keeps a resource ID \(resource.ID\) in package variable lastID`

// ComponentID, ComponentType and Live make the tab a component of its own,
// registered with the service, as the old code did.
func (t *Tab) ComponentID() string   { return "Tab" }
func (t *Tab) ComponentType() string { return "tab" }
func (t *Tab) Live() []resource.Info { return nil }

// NewTab builds the tab the old way.
func NewTab() *Tab {
	t := &Tab{title: "Copy"}
	t.resourceManager = resource.Default()                                    // want `UI code reaches for the resource service \(resource.Default\)`
	t.resourceManager.RegisterComponent(t)                                    // want `UI code registers with the resource service \(resource.Service.RegisterComponent\)`
	t.resourceManager.RegisterCleanup(t, 10, t.cleanupResources)              // want `registers with the resource service \(resource.Service.RegisterCleanup\)`
	t.workers = coord.NewWorkers("Tab", coord.WithService(t.resourceManager)) // want `UI code creates a coordinator \(coord.NewWorkers\)`
	t.workers.Bind(t)                                                         // want `registers with the resource service \(coord.Workers.Bind\)`
	t.trackInternalResources()
	return t
}

func (t *Tab) trackInternalResources() {
	for _, name := range []string{"a.png", "b.png"} {
		id := t.workers.Track(&thumbnail{name}, resource.Thumbnail, coord.Name(name)) // want `UI code keeps a resource ID \(resource.ID\) in variable id` `UI code tracks a resource \(coord.Workers.Track\)`
		t.thumbnailResourceIDs = append(t.thumbnailResourceIDs, id)
	}
}

// Start starts the copy.
func (t *Tab) Start() {
	t.workerResourceID = t.workers.Go("copy", func(ctx context.Context) error { // want `UI code starts a worker \(coord.Workers.Go\)`
		<-ctx.Done()
		return nil
	})
	done := make(chan struct{})
	go func() { // want `UI code starts a goroutine; move the work into a controller`
		time.Sleep(time.Millisecond)
		close(done)
	}()
}

func (t *Tab) releaseWorkerResource() {
	t.workers.Release(t.workerResourceID) // want `UI code releases resources \(coord.Workers.Release\); call the controller's Cancel or Cleanup`
	t.workerResourceID = resource.ID{}
}

func (t *Tab) cleanupResources(ctx context.Context) error {
	t.releaseWorkerResource()
	for _, id := range t.thumbnailResourceIDs { // want `UI code keeps a resource ID \(resource.ID\) in variable id`
		t.workers.Release(id) // want `releases resources \(coord.Workers.Release\)`
	}
	t.workers.CancelAllWorkers(time.Second) // want `releases resources \(coord.Workers.CancelAllWorkers\)`
	return t.workers.CleanupAll(ctx)        // want `releases resources \(coord.Workers.CleanupAll\)`
}

// Close closes the tab.
func (t *Tab) Close() {
	release := t.workers.Release // want `releases resources \(coord.Workers.Release\)`
	_ = release
	var cancel func(context.Context) error = t.resourceManager.Shutdown // want `releases resources \(resource.Service.Shutdown\)`
	_ = cancel
	_ = t.workers.Live() // introspection is not management
	_ = t.workers.ActiveWorkers()
	_ = t.workers.ID()
	resource.SetDefault(nil)         // want `reaches for the resource service \(resource.SetDefault\)`
	m := resource.NewManager()       // want `UI code keeps the resource service \(\*resource.Manager\) in variable m` `UI code creates a resource service \(resource.NewManager\)`
	m.Shutdown(context.Background()) // want `releases resources \(resource.Manager.Shutdown\)`
}

// Ignored findings: the directive on the line, or on the line above.
func (t *Tab) ignored() {
	go t.Close() //reslint:ignore uilayer the close must not block the event loop

	//reslint:ignore uilayer,untracked shutting down: nothing to cancel any more
	go t.Close()

	// want +1 `//reslint:ignore uilayer needs a reason after the analyzer name; without one it suppresses nothing`
	//reslint:ignore uilayer
	go t.Close() // want `UI code starts a goroutine`

	//reslint:ignore untracked this names another analyzer, so uilayer still reports
	go t.Close() // want `UI code starts a goroutine`
}
