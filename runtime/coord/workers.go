package coord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"time"

	"github.com/rescoord/rescoord/runtime/internal/labels"
	"github.com/rescoord/rescoord/runtime/internal/panics"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Worker is a worker object that runs by itself (the original guide's
// QThread worker) and that a [Workers] coordinator can adopt with
// TrackWorker.
type Worker interface {
	// Cancel asks the worker to stop. It must not block and may be called
	// more than once.
	Cancel()
	// Done is closed when the worker has stopped.
	Done() <-chan struct{}
}

// Workers is a coordinator that also owns background work: each worker is a
// goroutine (or a [Worker] object) tracked as a resource of kind
// [resource.Worker], with its own context, cancelled on release and on
// cleanup, and released automatically when it finishes. It is the Go form of
// the original guide's WorkerResourceCoordinator.
//
// It embeds [Coordinator], and every Coordinator method works on it; a nil
// *Workers is a valid no-op.
type Workers struct {
	Coordinator
}

// NewWorkers returns a worker coordinator for the component componentID,
// registered like one from [New].
func NewWorkers(componentID string, opts ...Option) *Workers {
	w := &Workers{Coordinator{st: newState(componentID, "workers", newConfig(opts))}}
	runtime.AddCleanup(w, (*state).collected, w.st)
	return w
}

func (w *Workers) state() *state {
	if w == nil {
		return nil
	}
	return w.st
}

func (w *Workers) coordinator() *Coordinator {
	if w == nil {
		return nil
	}
	return &w.Coordinator
}

// ID returns the component ID the coordinator was created with.
func (w *Workers) ID() string { return w.coordinator().ID() }

// Bind is [Coordinator.Bind]; it returns w.
func (w *Workers) Bind(component any) *Workers {
	w.coordinator().Bind(component)
	return w
}

// Track is [Coordinator.Track].
func (w *Workers) Track(res any, kind resource.Kind, opts ...TrackOption) resource.ID {
	return w.coordinator().Track(res, kind, opts...)
}

// Release is [Coordinator.Release]; releasing a worker cancels it.
func (w *Workers) Release(id resource.ID) error { return w.coordinator().Release(id) }

// CleanupAll is [Coordinator.CleanupAll].
func (w *Workers) CleanupAll(ctx context.Context) error { return w.coordinator().CleanupAll(ctx) }

// Close is [Coordinator.Close].
func (w *Workers) Close() error { return w.coordinator().Close() }

// Err is [Coordinator.Err].
func (w *Workers) Err() error { return w.coordinator().Err() }

// Live is [Coordinator.Live].
func (w *Workers) Live() []resource.Info { return w.coordinator().Live() }

// Go runs fn in a new goroutine as a tracked worker named name and returns
// its ID. fn's context is cancelled when the worker is released, when the
// coordinator cleans up (unless CancelOnCleanup(false)) and when it closes;
// fn should return soon after. When fn returns, the worker is released
// (unless AutoRelease(false): then the caller owes a Release) and its end is
// logged; an error other than context.Canceled is logged as a warning, and a
// panic is recovered, logged, and returned by the next CleanupAll, CancelAll
// or Close as a [*resource.PanicError].
//
// The goroutine runs with the pprof labels rescoord.service (its service's
// name), rescoord.component (the coordinator's component ID) and
// rescoord.worker (the worker's name), and every goroutine it starts
// inherits them, so that a goroutine profile says whose each goroutine is.
// fn's context carries the labels too: pprof.Do(ctx, ...) in fn adds to them.
//
// After Close, Go does not run fn and returns the zero ID.
func (w *Workers) Go(name string, fn func(ctx context.Context) error, opts ...WorkerOption) resource.ID {
	st := w.state()
	if st == nil || fn == nil {
		return resource.ID{}
	}
	// The worker's context carries its pprof labels, so that fn's
	// pprof.Do calls add to them instead of replacing them.
	ctx, cancel := context.WithCancel(st.labels(workerName(name, opts)))
	done := make(chan struct{})
	wk := newWorker(st, name, cancel, done)
	id, ok := st.track(nil, resource.Worker, opts, wk)
	if !ok {
		return id
	}
	go st.run(ctx, wk, done, fn)
	return id
}

// TrackWorker adopts a worker object that runs by itself, named after its Go
// type unless a Name option says otherwise. Releasing it, and cleaning up
// (unless CancelOnCleanup(false)), calls its Cancel; it is released when its
// Done channel closes (unless AutoRelease(false)). The object's own
// goroutines are not labelled as Go's are (the coordinator does not start
// them); the goroutine that watches for its end is.
func (w *Workers) TrackWorker(obj Worker, opts ...WorkerOption) resource.ID {
	st := w.state()
	if st == nil || obj == nil {
		return resource.ID{}
	}
	wk := newWorker(st, fmt.Sprintf("%T", obj), obj.Cancel, obj.Done())
	wk.obj = obj
	wk.released = make(chan struct{})
	id, ok := st.track(obj, resource.Worker, opts, wk)
	if !ok {
		return id
	}
	if wk.autoRelease {
		go st.watch(wk, st.labels(wk.name))
	}
	return id
}

// CancelAll cancels every running worker, whatever its options, and waits
// until all have stopped or ctx is done. It returns the panics of workers
// and, if some did not stop, a [*StuckError] naming them, joined. Workers are
// not released by CancelAll: those with auto release release themselves as
// they stop.
func (w *Workers) CancelAll(ctx context.Context) error {
	st := w.state()
	if st == nil {
		return nil
	}
	return errors.Join(st.waitWorkers(ctx, true)...)
}

// CancelAllWorkers is CancelAll with a timeout, as in the original guide: it
// reports whether every worker stopped in time, and logs a warning naming
// those that did not.
func (w *Workers) CancelAllWorkers(timeout time.Duration) bool {
	st := w.state()
	if st == nil {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := w.CancelAll(ctx)
	if err == nil {
		return true
	}
	var stuck *StuckError
	if errors.As(err, &stuck) {
		st.log.LogAttrs(ctx, slog.LevelWarn, stuck.Error(), slog.String("component", st.id), slog.Int("stuck", len(stuck.Workers)))
		return false
	}
	st.log.LogAttrs(ctx, slog.LevelError, "workers failed", slog.String("component", st.id), slog.Any("error", err))
	return true
}

// ActiveWorkers returns the workers that are running now, by ID.
func (w *Workers) ActiveWorkers() map[resource.ID]WorkerInfo {
	st := w.state()
	if st == nil {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make(map[resource.ID]WorkerInfo, st.running.n)
	for wk := st.running.head; wk != nil; wk = wk.next {
		if !wk.isDone() {
			out[wk.id] = st.workerInfo(wk)
		}
	}
	return out
}

// WorkerInfo describes a running worker.
type WorkerInfo struct {
	ID        resource.ID
	Name      string
	Component string    // the ID of the component that runs it
	Started   time.Time // when it was tracked
	Origin    string    // where it was started, when the service records origins
}

// String describes the worker in one line: its name, ID and running time.
func (i WorkerInfo) String() string {
	s := fmt.Sprintf("%q (%s) of %s, running %s", i.Name, i.ID, i.Component, time.Since(i.Started).Round(time.Millisecond))
	if i.Origin != "" {
		s += ", started at " + i.Origin
	}
	return s
}

// worker is the state of one worker.
type worker struct {
	id              resource.ID
	name            string
	started         time.Time
	cancel          func()
	done            <-chan struct{}
	obj             Worker        // the adopted object, or nil for Go
	released        chan struct{} // closed on release; stops the watcher of obj
	origin          *origin
	st              *state  // the coordinator's state, never its handle
	prev, next      *worker // in the running list
	listed          bool
	cancelOnCleanup bool
	autoRelease     bool
	onDone          func(error)
	finished        atomic.Bool
}

func newWorker(st *state, name string, cancel func(), done <-chan struct{}) *worker {
	return &worker{st: st, name: name, started: time.Now(), cancel: cancel, done: done, cancelOnCleanup: true, autoRelease: true}
}

func (w *worker) isDone() bool {
	if w.finished.Load() {
		return true
	}
	select {
	case <-w.done:
		return true
	default:
		return false
	}
}

func (st *state) workerInfo(w *worker) WorkerInfo {
	i := WorkerInfo{ID: w.id, Name: w.name, Component: st.id, Started: w.started}
	if w.origin != nil {
		i.Origin = w.origin.String()
	}
	return i
}

// labels returns a context carrying the pprof labels of a worker called
// name. Workers started one after the other often share their name (a
// loader per file, say), so the last labels made are kept for the next:
// reusing them costs no allocation, and keeping them none either.
func (st *state) labels(name string) context.Context {
	if last, ok := st.lastLabels.Load().(context.Context); ok {
		if n, _ := pprof.Label(last, labels.Worker); n == name {
			return last
		}
	}
	ctx := labels.ForWorker(st.service, st.id, name)
	st.lastLabels.Store(ctx)
	return ctx
}

// workerName is the name track gives a worker started as name with opts:
// the last non-empty Name option, or name.
func workerName(name string, opts []WorkerOption) string {
	for _, o := range opts {
		if o.op == opName && o.name != "" {
			name = o.name
		}
	}
	return name
}

// run is the goroutine of a worker started by Go. It takes on the labels
// of ctx first, so that every goroutine fn starts inherits them.
func (st *state) run(ctx context.Context, w *worker, done chan struct{}, fn func(context.Context) error) {
	pprof.SetGoroutineLabels(ctx)
	err := panics.Catch(func() error { return fn(ctx) })
	w.cancel()
	pe, panicked := err.(*resource.PanicError)
	if panicked {
		st.mu.Lock()
		st.failures = append(st.failures, fmt.Errorf("worker %q (%s): %w", w.name, w.id, pe))
		st.mu.Unlock()
	}
	w.finished.Store(true)
	st.finished(w, err)
	if w.autoRelease {
		st.autoRelease(w)
	}
	st.done(w, err)
	st.unlist(w)
	close(done)
}

// watch follows a worker object adopted with auto release until it is done
// or released, labelled as the worker.
func (st *state) watch(w *worker, lctx context.Context) {
	pprof.SetGoroutineLabels(lctx)
	select {
	case <-w.done:
		w.finished.Store(true)
		st.finished(w, nil)
		st.autoRelease(w)
		st.done(w, nil)
	case <-w.released:
	}
	st.unlist(w)
}

// finished logs the end of a worker: the guide's "worker NAME finished
// after X.Xs", and its error if it failed.
func (st *state) finished(w *worker, err error) {
	after := time.Since(w.started)
	if st.enabled(slog.LevelInfo) {
		st.emit(slog.LevelInfo, fmt.Sprintf("worker %s finished after %.1fs", w.name, after.Seconds()),
			slog.String("worker", w.name), slog.Duration("after", after))
	}
	switch {
	case err == nil || errors.Is(err, context.Canceled):
	case isPanic(err):
		st.emit(slog.LevelError, fmt.Sprintf("worker %s panicked", w.name), slog.String("worker", w.name), slog.Any("error", err))
	default:
		st.emit(slog.LevelWarn, fmt.Sprintf("worker %s failed", w.name), slog.String("worker", w.name), slog.Any("error", err))
	}
}

func isPanic(err error) bool {
	_, ok := err.(*resource.PanicError)
	return ok
}

// done calls the worker's OnDone function, if any; a panic in it is logged.
func (st *state) done(w *worker, err error) {
	if w.onDone == nil {
		return
	}
	if perr := panics.Catch(func() error { w.onDone(err); return nil }); perr != nil {
		st.emit(slog.LevelError, "OnDone of worker "+w.name+" panicked", slog.String("worker", w.name), slog.Any("error", perr))
	}
}

// autoRelease releases a finished worker that is still tracked.
func (st *state) autoRelease(w *worker) {
	var r releasing
	if st.take(w.id, &r) != nil {
		return // already released, or the coordinator closed
	}
	if err := r.run(false); err != nil {
		st.emit(slog.LevelWarn, "release of finished worker failed", slog.String("worker", w.name), slog.Any("error", err))
	}
	if st.enabled(slog.LevelInfo) {
		st.logReleased(w.id)
	}
}
