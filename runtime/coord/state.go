package coord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rescoord/rescoord/runtime/internal/labels"
	"github.com/rescoord/rescoord/runtime/internal/logging"
	"github.com/rescoord/rescoord/runtime/internal/panics"
	"github.com/rescoord/rescoord/runtime/resource"
)

// state is everything a coordinator knows. The handles (*Coordinator,
// *Workers) point to it and it never points back, so that a handle dropped
// with live resources can be collected and its cleanup can release them. The
// service and the worker goroutines hold the state, never the handle.
type state struct {
	id           string
	typ          string // component type when no owner is bound
	svc          resource.Service
	log          *slog.Logger
	logFloor     slog.Level // log never logs below it: skip asking
	origins      bool
	closeTimeout time.Duration
	service      string         // the service's name, for the pprof labels of workers
	lastLabels   atomic.Value   // the context.Context of the last worker labels made
	wg           sync.WaitGroup // goroutines started by the coordinator

	mu       sync.Mutex
	ids      ids
	live     slots
	running  runningList
	failures []error // worker panics not yet returned by CleanupAll or CancelAll
	owner    string
	closed   bool
}

func newState(id, typ string, cfg config) *state {
	st := &state{
		id:           id,
		typ:          typ,
		svc:          cfg.service,
		log:          cfg.logger,
		logFloor:     logging.Floor(cfg.logger),
		origins:      cfg.service.RecordsOrigins(),
		closeTimeout: cfg.closeTimeout,
		service:      labels.ServiceName(cfg.service),
		ids:          newIDs(),
		live:         newSlots(),
	}
	if cfg.owner != nil {
		st.owner = ownerType(cfg.owner)
	}
	err := st.svc.RegisterComponent(st)
	if err == nil {
		err = st.svc.RegisterCleanup(st, cfg.priority, st.close)
	}
	if err != nil {
		// A coordinator of a service that was shut down starts closed:
		// whatever it is given is released at once.
		st.closed = true
		st.svc.UnregisterComponent(st)
		st.log.LogAttrs(context.Background(), slog.LevelWarn, "coordinator not registered; it releases everything at once",
			slog.String("component", id), slog.Any("error", err))
	}
	return st
}

// ownerType names the component that owns a coordinator: its own
// ComponentType() if it has one (controller.Base says "controller"), its Go
// type otherwise.
func ownerType(component any) string {
	if t, ok := component.(interface{ ComponentType() string }); ok {
		return t.ComponentType()
	}
	return fmt.Sprintf("%T", component)
}

// ComponentID implements resource.Component.
func (st *state) ComponentID() string { return st.id }

// ComponentType implements resource.Component.
func (st *state) ComponentType() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.owner != "" {
		return st.owner
	}
	return st.typ
}

func (st *state) bind(component any) {
	t := ownerType(component)
	st.mu.Lock()
	st.owner = t
	st.mu.Unlock()
	st.log.LogAttrs(context.Background(), slog.LevelDebug, "bound component",
		slog.String("component", st.id), slog.String("type", t))
}

// track stores a new resource. It returns false, after releasing the
// resource, when the coordinator is closed.
func (st *state) track(res any, kind resource.Kind, opts []TrackOption, w *worker) (resource.ID, bool) {
	var name string
	var release func() error
	var x *extra
	for _, o := range opts {
		switch o.op {
		case opName:
			name = o.name
		case opRelease:
			release = o.fn
		case opMeta:
			if x == nil {
				x = new(extra)
			}
			x.meta = append(x.meta, meta{o.name, o.value})
		case opCancelOnCleanup:
			if w != nil {
				w.cancelOnCleanup = o.on
			}
		case opAutoRelease:
			if w != nil {
				w.autoRelease = o.on
			}
		case opDone:
			if w != nil {
				w.onDone = o.done
			}
		}
	}
	if w != nil {
		if name == "" {
			name = w.name
		}
		w.name = name
	}
	if st.origins {
		if x == nil {
			x = new(extra)
		}
		x.origin = newOrigin()
		if w != nil {
			w.origin = x.origin
		}
	}

	st.mu.Lock()
	if st.closed {
		st.mu.Unlock()
		r := releasing{res: res, release: release, w: w}
		err := r.run(false)
		st.log.LogAttrs(context.Background(), slog.LevelWarn, "track after close: released at once",
			slog.String("component", st.id), slog.String("kind", kind.String()), slog.String("name", name), slog.Any("error", err))
		return resource.ID{}, false
	}
	i, s := st.live.add()
	id := st.ids.make(i)
	s.id, s.res, s.name, s.release, s.w, s.x, s.kind = id, res, name, release, w, x, kind
	if w != nil {
		w.id = id
		st.running.add(w)
		st.wg.Add(1)
	}
	st.mu.Unlock()

	if w != nil {
		if st.enabled(slog.LevelInfo) {
			st.emit(slog.LevelInfo, "worker tracked with ID "+id.String(),
				slog.String("worker", name), slog.String("id", id.String()))
		}
	} else if st.enabled(slog.LevelDebug) {
		st.emit(slog.LevelDebug, "tracked "+kind.String(), slog.String("id", id.String()), slog.String("name", name))
	}
	return id, true
}

// enabled reports whether the coordinator logs at level. Callers check it
// before building a record, so that a quiet logger costs no allocation.
func (st *state) enabled(level slog.Level) bool {
	return level >= st.logFloor && st.log.Enabled(context.Background(), level)
}

// emit logs msg with attrs and the component.
func (st *state) emit(level slog.Level, msg string, attrs ...slog.Attr) {
	attrs = append(attrs, slog.String("component", st.id))
	st.log.LogAttrs(context.Background(), level, msg, attrs...)
}

// release releases one resource on request of the user.
func (st *state) release(id resource.ID) error {
	var r releasing
	if err := st.take(id, &r); err != nil {
		return err
	}
	err := r.run(false)
	if st.enabled(slog.LevelInfo) {
		st.logReleased(id)
	}
	return err
}

// take removes the slot of id, keeping in r what releasing it needs.
func (st *state) take(id resource.ID, r *releasing) error {
	i, ok := st.ids.slot(id)
	st.mu.Lock()
	if st.closed {
		st.mu.Unlock()
		return fmt.Errorf("release %s: %w", id, resource.ErrClosed)
	}
	if !ok || !st.live.find(i, id) {
		st.mu.Unlock()
		return fmt.Errorf("release %s: %w", id, resource.ErrNotTracked)
	}
	s := &st.live.s[i]
	r.res, r.release, r.w = s.res, s.release, s.w
	st.live.remove(i)
	st.mu.Unlock()
	return nil
}

// logReleased logs the guide's sign of a release; callers check enabled.
func (st *state) logReleased(id resource.ID) {
	st.emit(slog.LevelInfo, "released resource "+id.String()+" for "+st.id, slog.String("id", id.String()))
}

// releasing is what releasing a resource needs, taken out of its slot.
type releasing struct {
	res     any
	release func() error
	w       *worker
}

// run releases the resource. For a worker, release means cancel (at
// cleanup, only with CancelOnCleanup) and, for an adopted worker object
// without a watcher, forgetting it.
func (r *releasing) run(cleanup bool) error {
	if w := r.w; w != nil {
		if w.released != nil {
			close(w.released)
		}
		if !cleanup || w.cancelOnCleanup {
			w.cancel()
		}
		if w.obj != nil && !w.autoRelease {
			w.st.unlist(w)
		}
	}
	if r.release != nil {
		return panics.Catch(r.release)
	}
	switch c := r.res.(type) {
	case interface{ Close() error }:
		return panics.Catch(c.Close)
	case interface{ Close() }:
		return panics.Catch(func() error { c.Close(); return nil })
	}
	return nil
}

// unlist stops counting w among the running workers.
func (st *state) unlist(w *worker) {
	st.mu.Lock()
	removed := st.running.remove(w)
	st.mu.Unlock()
	if removed {
		st.wg.Done()
	}
}

// cleanupAll releases every resource, newest first, then waits (bounded by
// ctx) for every worker to stop. Releases are never skipped because ctx is
// done.
func (st *state) cleanupAll(ctx context.Context) error {
	st.mu.Lock()
	old := st.live
	if old.n > 0 {
		st.live = newSlots()
	}
	errs := st.failures
	st.failures = nil
	st.mu.Unlock()

	if old.n > 0 {
		logReleases := st.enabled(slog.LevelInfo)
		old.reverse(func(s *slot) {
			r := releasing{res: s.res, release: s.release, w: s.w}
			if err := r.run(true); err != nil {
				errs = append(errs, fmt.Errorf("release %s: %w", describe(s), err))
			}
			if logReleases {
				st.logReleased(s.id)
			}
		})
	}
	if old.n > 0 {
		st.recycle(old)
	}
	return errors.Join(append(errs, st.waitWorkers(ctx, false)...)...)
}

// maxRecycled bounds the slab kept for reuse after CleanupAll, so that a
// burst of resources does not pin its memory for the coordinator's life.
const maxRecycled = 1 << 16

// recycle gives the emptied slab old back to the coordinator, if nothing was
// tracked meanwhile, so that tracking after CleanupAll does not grow a slab
// from nothing again.
func (st *state) recycle(old slots) {
	if cap(old.s) > maxRecycled {
		return
	}
	clear(old.s)
	st.mu.Lock()
	if st.live.n == 0 && len(st.live.s) == 0 {
		st.live = slots{s: old.s[:0], head: none, tail: none, free: none}
	}
	st.mu.Unlock()
}

// waitWorkers waits, bounded by ctx, for the running workers to stop,
// after cancelling them all if cancel is set. It returns the panics of the
// workers that ended and a *StuckError for those that did not.
func (st *state) waitWorkers(ctx context.Context, cancel bool) []error {
	st.mu.Lock()
	ws := st.running.all()
	st.mu.Unlock()

	if cancel {
		for _, w := range ws {
			w.cancel()
		}
	}
	var stuck []*worker
	for _, w := range ws {
		select {
		case <-w.done:
		case <-ctx.Done():
			if !w.isDone() {
				stuck = append(stuck, w)
			}
		}
	}
	st.mu.Lock()
	errs := st.failures
	st.failures = nil
	st.mu.Unlock()
	if len(stuck) > 0 {
		errs = append(errs, st.stuckError(ctx, stuck))
	}
	return errs
}

// close closes the coordinator: no more tracking, everything released,
// workers stopped (bounded by ctx), unregistered from the service.
func (st *state) close(ctx context.Context) error {
	st.mu.Lock()
	if st.closed {
		st.mu.Unlock()
		return nil
	}
	st.closed = true
	st.mu.Unlock()

	err := st.cleanupAll(ctx)
	// Workers kept running by CancelOnCleanup(false) had their chance.
	st.mu.Lock()
	rest := st.running.all()
	st.mu.Unlock()
	for _, w := range rest {
		w.cancel()
	}
	if err == nil {
		err = st.waitGoroutines(ctx)
	}
	st.svc.UnregisterComponent(st)
	return err
}

// waitGoroutines waits for the coordinator's own goroutines (workers and
// watchers) to return, so that a closed coordinator leaves none behind.
func (st *state) waitGoroutines(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		st.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("coord: goroutines of %s still running: %w", st.id, ctx.Err())
	}
}

// collected runs when the coordinator's handle has been garbage collected:
// the safety net for a coordinator that was never closed.
func (st *state) collected() {
	st.mu.Lock()
	closed, n := st.closed, st.live.n
	st.mu.Unlock()
	if closed {
		return
	}
	if n > 0 {
		st.log.LogAttrs(context.Background(), slog.LevelWarn,
			fmt.Sprintf("component %s collected with %d active resources", st.id, n),
			slog.String("component", st.id), slog.Int("active", n))
	}
	// Cleanups share one goroutine: never wait for workers on it.
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), st.closeTimeout)
		defer cancel()
		if err := st.close(ctx); err != nil {
			st.log.LogAttrs(ctx, slog.LevelError, "releasing resources of a collected component failed",
				slog.String("component", st.id), slog.Any("error", err))
		}
	}()
}

// Live implements resource.Component: the live resources, oldest first.
func (st *state) Live() []resource.Info {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]resource.Info, 0, st.live.n)
	st.live.each(func(s *slot) { out = append(out, st.info(s)) })
	return out
}

func (st *state) info(s *slot) resource.Info {
	i := resource.Info{ID: s.id, Kind: s.kind, Name: s.name, Component: st.id}
	if s.x != nil && s.x.origin != nil {
		i.Tracked, i.Origin = s.x.origin.at, s.x.origin.String()
	}
	if s.w != nil {
		i.Tracked = s.w.started
		i.Running = !s.w.isDone()
	}
	if s.x != nil && len(s.x.meta) > 0 {
		i.Meta = make(map[string]any, len(s.x.meta))
		for _, m := range s.x.meta {
			i.Meta[m.key] = m.value
		}
	}
	return i
}

func describe(s *slot) string {
	if s.name != "" {
		return fmt.Sprintf("%s %q (%s)", s.kind, s.name, s.id)
	}
	return fmt.Sprintf("%s (%s)", s.kind, s.id)
}

// newOrigin records now and the stack of the caller outside this module's
// runtime packages (resolved lazily, in String).
func newOrigin() *origin {
	o := &origin{at: time.Now()}
	o.n = runtime.Callers(3, o.pcs[:])
	return o
}
