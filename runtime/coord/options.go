package coord

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/rescoord/rescoord/runtime/internal/logging"
	"github.com/rescoord/rescoord/runtime/resource"
)

// DefaultPriority is the cleanup priority at which a coordinator registers
// with its service, as in the original guide.
const DefaultPriority = 10

// DefaultCloseTimeout bounds how long Close waits for workers to stop, as
// the original guide's cancel_all_workers(timeout_ms=5000).
const DefaultCloseTimeout = 5 * time.Second

// An Option configures a coordinator at construction.
type Option func(*config)

type config struct {
	service      resource.Service
	logger       *slog.Logger
	loggerSet    bool
	owner        any
	priority     int
	closeTimeout time.Duration
}

func newConfig(opts []Option) config {
	cfg := config{priority: DefaultPriority, closeTimeout: DefaultCloseTimeout}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.service == nil {
		cfg.service = resource.Default()
	}
	if !cfg.loggerSet {
		cfg.logger = cfg.service.Logger()
	}
	cfg.logger = logging.OrDiscard(cfg.logger)
	return cfg
}

// WithService makes the coordinator register with s instead of
// [resource.Default].
func WithService(s resource.Service) Option {
	return func(c *config) {
		if s != nil {
			c.service = s
		}
	}
}

// WithLogger sets the coordinator's logger; a nil logger discards
// everything. Without it, the coordinator uses its service's logger.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger, c.loggerSet = l, true }
}

// WithOwner binds the coordinator to the component that owns it from the
// start, like calling [Coordinator.Bind] right after construction.
func WithOwner(component any) Option {
	return func(c *config) { c.owner = component }
}

// WithPriority sets the priority at which the coordinator's cleanup runs at
// service shutdown (higher first). The default is [DefaultPriority].
func WithPriority(p int) Option {
	return func(c *config) { c.priority = p }
}

// WithCloseTimeout sets how long Close waits for workers to stop. The
// default is [DefaultCloseTimeout].
func WithCloseTimeout(d time.Duration) Option {
	return func(c *config) { c.closeTimeout = d }
}

// TrackOption configures one tracked resource. Options are plain values, so
// passing them costs no allocation.
type TrackOption struct {
	op    trackOp
	name  string
	fn    func() error
	done  func(error)
	value any
	on    bool
}

// WorkerOption configures one worker. Every TrackOption is a WorkerOption
// too; CancelOnCleanup and AutoRelease only mean something for workers and
// are ignored by Track.
type WorkerOption = TrackOption

type trackOp uint8

const (
	opNone trackOp = iota
	opName
	opRelease
	opMeta
	opCancelOnCleanup
	opAutoRelease
	opDone
)

// Name names the resource in logs, in [resource.Info] and in leak reports.
func Name(name string) TrackOption { return TrackOption{op: opName, name: name} }

// OnRelease sets the function that releases the resource; it runs exactly
// once, on Release, CleanupAll or Close. Without it, a resource with a
// Close() error or Close() method is closed, and any other is just
// forgotten.
func OnRelease(fn func() error) TrackOption { return TrackOption{op: opRelease, fn: fn} }

// Meta attaches a key and a value to the resource, shown in
// [resource.Info.Meta].
func Meta(key string, value any) TrackOption { return TrackOption{op: opMeta, name: key, value: value} }

// CancelOnCleanup says whether CleanupAll and Close cancel the worker
// (default true). With false they let it run to its end and wait for it.
func CancelOnCleanup(on bool) WorkerOption { return TrackOption{op: opCancelOnCleanup, on: on} }

// AutoRelease says whether the worker is released as soon as it finishes
// (default true). With false its ID stays tracked until Release, which the
// caller then owes.
func AutoRelease(on bool) WorkerOption { return TrackOption{op: opAutoRelease, on: on} }

// OnDone sets a function called once the worker has finished, with its
// error (a *resource.PanicError if it panicked; nil for a worker object),
// after it has been released (with AutoRelease, the default) and before
// anything waiting for it is let go. It is how a controller learns that a
// run has fully ended. It must not block.
func OnDone(fn func(err error)) WorkerOption { return TrackOption{op: opDone, done: fn} }

// String describes the option, for test failures and logs.
func (o TrackOption) String() string {
	switch o.op {
	case opName:
		return fmt.Sprintf("Name(%q)", o.name)
	case opRelease:
		return "OnRelease(...)"
	case opMeta:
		return fmt.Sprintf("Meta(%q, %v)", o.name, o.value)
	case opCancelOnCleanup:
		return fmt.Sprintf("CancelOnCleanup(%t)", o.on)
	case opAutoRelease:
		return fmt.Sprintf("AutoRelease(%t)", o.on)
	case opDone:
		return "OnDone(...)"
	}
	return "TrackOption{}"
}
