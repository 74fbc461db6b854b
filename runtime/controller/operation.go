package controller

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Operation runs one kind of background work of a controller, one run at a
// time: the state behind the Start, Cancel and Running methods that
// rescoordgen generates for each //rescoord:operation. Get it with
// [Base.Operation]; it is safe for concurrent use.
type Operation struct {
	name string
	base *Base

	mu      sync.Mutex
	current resource.ID // the running worker, or the zero ID
}

// ErrNoWorkers is returned by [Operation.Start] on a controller without a
// worker coordinator: one not made by its constructor, or made with the
// plain coordinator.
var ErrNoWorkers = errors.New("controller: no worker coordinator (construct the controller with its New function and coordinator=worker)")

// Operation returns the operation called name, created on first use.
func (b *Base) Operation(name string) *Operation {
	b.opsMu.Lock()
	defer b.opsMu.Unlock()
	if op, ok := b.ops[name]; ok {
		return op
	}
	if b.ops == nil {
		b.ops = make(map[string]*Operation)
	}
	op := &Operation{name: name, base: b}
	b.ops[name] = op
	return op
}

// Name returns the operation's name.
func (o *Operation) Name() string { return o.name }

// Start runs fn as a tracked worker named after the operation and the time
// ("CopyVerify 15:04:05", the guide's operation_HHMMSS) and returns its ID.
// While a run is in progress, Start returns an error wrapping [ErrBusy]. The
// run's goroutines carry the pprof labels of a worker (see coord.Workers.Go):
// the controller's component ID and the run's name.
func (o *Operation) Start(fn func(ctx context.Context) error) (resource.ID, error) {
	w := o.base.Workers()
	if w == nil {
		return resource.ID{}, fmt.Errorf("start %s: %w", o.name, ErrNoWorkers)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.current.IsZero() {
		return resource.ID{}, fmt.Errorf("start %s: %w (worker %s)", o.name, ErrBusy, o.current)
	}
	// The worker may finish before Go returns: its OnDone waits for
	// started, so that current holds its ID before it is cleared. OnDone
	// runs after the worker is released, so that Running is true until
	// the run has fully ended.
	var id resource.ID
	started := make(chan struct{})
	id = w.Go(o.name+" "+time.Now().Format("15:04:05"), fn, coord.OnDone(func(error) {
		<-started
		o.mu.Lock()
		if o.current == id {
			o.current = resource.ID{}
		}
		o.mu.Unlock()
	}))
	if id.IsZero() {
		close(started)
		return resource.ID{}, fmt.Errorf("start %s: %w", o.name, resource.ErrClosed)
	}
	o.current = id
	close(started)
	return id, nil
}

// Cancel cancels the current run, if any, and forgets it, so that Start
// can run again at once; the worker's context is cancelled and the
// controller's coordinator waits for it at cleanup. Cancel with nothing
// running returns nil.
func (o *Operation) Cancel() error {
	o.mu.Lock()
	id := o.current
	o.current = resource.ID{}
	o.mu.Unlock()
	if id.IsZero() {
		return nil
	}
	err := o.base.Workers().Release(id)
	if errors.Is(err, resource.ErrNotTracked) {
		return nil // it finished meanwhile
	}
	return err
}

// Running reports whether a run is in progress: true from Start until the
// worker has returned and been released.
func (o *Operation) Running() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return !o.current.IsZero()
}

// Current returns the ID of the run in progress, or the zero ID.
func (o *Operation) Current() resource.ID {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.current
}
