package coord

import (
	"context"
	"runtime"

	"github.com/rescoord/rescoord/runtime/resource"
)

// Coordinator tracks the resources of one component and releases them,
// singly or all together. It is the Go form of the original guide's
// BaseResourceCoordinator. Create one with [New]; a nil *Coordinator is a
// valid no-op.
type Coordinator struct {
	st *state
}

// New returns a coordinator for the component named componentID, registered
// with its service (see [WithService]) so that the service's Shutdown closes
// it, at priority [DefaultPriority] unless [WithPriority] says otherwise.
func New(componentID string, opts ...Option) *Coordinator {
	c := &Coordinator{st: newState(componentID, "coordinator", newConfig(opts))}
	runtime.AddCleanup(c, (*state).collected, c.st)
	return c
}

// ID returns the component ID the coordinator was created with.
func (c *Coordinator) ID() string {
	if c == nil || c.st == nil {
		return ""
	}
	return c.st.id
}

// Bind records component as the owner of the coordinator: it is reported as
// the component's type (its ComponentType() string method if it has one,
// its Go type otherwise). Bind returns c, so that it chains after New as in
// the original guide. The coordinator keeps no reference to component.
func (c *Coordinator) Bind(component any) *Coordinator {
	if c == nil || c.st == nil || component == nil {
		return c
	}
	c.st.bind(component)
	return c
}

// Track starts tracking res, of the given kind, and returns its ID. The
// resource is released exactly once: by Release(id), or by CleanupAll or
// Close, or by the service's Shutdown. Releasing runs the OnRelease
// function if one is given, or else res's Close method if it has one.
//
// After Close, Track releases res at once, returns the zero ID and logs a
// warning; Release of that ID and Err report [resource.ErrClosed].
func (c *Coordinator) Track(res any, kind resource.Kind, opts ...TrackOption) resource.ID {
	if c == nil || c.st == nil {
		return resource.ID{}
	}
	id, _ := c.st.track(res, kind, opts, nil)
	return id
}

// Release releases the resource id and stops tracking it, returning the
// error of its release function. An ID that is not tracked (never was, or
// was already released) gives an error wrapping [resource.ErrNotTracked];
// after Close, every Release gives [resource.ErrClosed]. A panic in the
// release function is returned as a [*resource.PanicError].
//
// Releasing a worker cancels it.
func (c *Coordinator) Release(id resource.ID) error {
	if c == nil || c.st == nil {
		return nil
	}
	return c.st.release(id)
}

// CleanupAll releases every tracked resource, the newest first, cancels the
// workers (those tracked with CancelOnCleanup(true), the default) and waits
// until every worker has stopped or ctx is done. Every release runs even when
// ctx is done; ctx bounds only the waiting. The errors of the releases, the
// panics of workers and a [*StuckError] naming the workers that did not stop
// are returned joined. The coordinator stays open: it can track again.
func (c *Coordinator) CleanupAll(ctx context.Context) error {
	if c == nil || c.st == nil {
		return nil
	}
	return c.st.cleanupAll(ctx)
}

// Close releases everything as CleanupAll does, waiting at most the close
// timeout ([WithCloseTimeout]) for workers, then closes the coordinator and
// unregisters it from its service. Later calls return nil.
func (c *Coordinator) Close() error {
	if c == nil || c.st == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.st.closeTimeout)
	defer cancel()
	return c.st.close(ctx)
}

// Err returns nil while the coordinator is open and [resource.ErrClosed]
// once it is closed.
func (c *Coordinator) Err() error {
	if c == nil || c.st == nil {
		return nil
	}
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	if c.st.closed {
		return resource.ErrClosed
	}
	return nil
}

// Live returns the resources tracked now, oldest first.
func (c *Coordinator) Live() []resource.Info {
	if c == nil || c.st == nil {
		return nil
	}
	return c.st.Live()
}
