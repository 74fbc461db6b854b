package controller

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/internal/logging"
	"github.com/rescoord/rescoord/runtime/resource"
)

// ErrBusy is wrapped by the error of a Start method called while its
// operation is still running.
var ErrBusy = errors.New("controller: operation already running")

// Coordinator chooses the coordinator a controller gets, as the generator's
// coordinator= key does.
type Coordinator uint8

const (
	// Plain gives a [coord.Coordinator]: resources, no workers.
	Plain Coordinator = iota
	// Workers gives a [coord.Workers]: resources and background work.
	Workers
)

// String returns "base" or "worker", the generator's names.
func (k Coordinator) String() string {
	if k == Workers {
		return "worker"
	}
	return "base"
}

// DefaultCleanupTimeout bounds how long Cleanup waits for workers to stop.
const DefaultCleanupTimeout = coord.DefaultCloseTimeout

// Base is embedded in every controller. Its methods are promoted to the
// controller: Resources, Workers, Cleanup and Logger.
type Base struct {
	res     *coord.Coordinator
	workers *coord.Workers
	logger  *slog.Logger
	timeout time.Duration

	opsMu sync.Mutex
	ops   map[string]*Operation
}

// An Option configures a controller at construction. Generated constructors
// take them: New<Type>(opts ...controller.Option).
type Option func(*config)

type config struct {
	service   resource.Service
	logger    *slog.Logger
	loggerSet bool
	id        string
	name      string
	priority  int
	timeout   time.Duration
}

// WithService makes the controller's coordinator register with s instead of
// resource.Default; tests pass restest.NewService(t).
func WithService(s resource.Service) Option {
	return func(c *config) { c.service = s }
}

// WithLogger sets the controller's logger (and its coordinator's); a nil
// logger discards everything. Without it, the service's logger is used.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger, c.loggerSet = l, true }
}

// WithComponentID sets the component ID the controller is registered under.
// The default is the controller's type name and a sequence number, such as
// "CopyVerifyController_1".
func WithComponentID(id string) Option {
	return func(c *config) { c.id = id }
}

// WithComponentName sets the name part of the default component ID:
// name_N instead of TypeName_N. rescoordgen passes the directive's
// component= value with it.
func WithComponentName(name string) Option {
	return func(c *config) { c.name = name }
}

// WithPriority sets the priority of the controller's cleanup at service
// shutdown (higher runs first); the default is coord.DefaultPriority.
func WithPriority(p int) Option {
	return func(c *config) { c.priority = p }
}

// WithCleanupTimeout sets how long Cleanup waits for workers to stop; the
// default is [DefaultCleanupTimeout].
func WithCleanupTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

var instances atomic.Uint64

// Init sets b up for the controller owner that embeds it: it creates the
// coordinator of the given kind, registered with the service and bound to
// owner. Generated constructors call it; a hand-written constructor calls
// it once, before using the controller. A second call changes nothing and
// logs a warning.
func (b *Base) Init(owner any, kind Coordinator, opts ...Option) {
	cfg := config{priority: coord.DefaultPriority, timeout: DefaultCleanupTimeout}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.service == nil {
		cfg.service = resource.Default()
	}
	if cfg.id == "" {
		if cfg.name == "" {
			cfg.name = typeName(owner)
		}
		cfg.id = fmt.Sprintf("%s_%d", cfg.name, instances.Add(1))
	}
	logger := cfg.service.Logger()
	if cfg.loggerSet {
		logger = logging.OrDiscard(cfg.logger)
	}
	if b.res != nil {
		b.Logger().Warn("controller initialised twice; the second Init is ignored")
		return
	}
	copts := []coord.Option{
		coord.WithService(cfg.service),
		coord.WithLogger(logger),
		coord.WithOwner(owner),
		coord.WithPriority(cfg.priority),
		coord.WithCloseTimeout(cfg.timeout),
	}
	if kind == Workers {
		b.workers = coord.NewWorkers(cfg.id, copts...)
		b.res = &b.workers.Coordinator
	} else {
		b.res = coord.New(cfg.id, copts...)
	}
	b.logger = logger.With(slog.String("component", cfg.id))
	b.timeout = cfg.timeout
}

// typeName is the name of owner's type without package or pointer:
// *tabs.CopyVerifyController → CopyVerifyController.
func typeName(owner any) string {
	if owner == nil {
		return "Controller"
	}
	name := fmt.Sprintf("%T", owner)
	name = strings.TrimLeft(name, "*")
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	return name
}

// ComponentType returns "controller": how the service reports a component
// owned by a controller.
func (b *Base) ComponentType() string { return "controller" }

// Resources returns the controller's coordinator (nil before Init). For a
// controller with a worker coordinator it is the one Workers embeds.
func (b *Base) Resources() *coord.Coordinator { return b.res }

// Workers returns the controller's worker coordinator, or nil if the
// controller has a plain one (or before Init); a nil *coord.Workers does
// nothing.
func (b *Base) Workers() *coord.Workers { return b.workers }

// Logger returns the controller's logger, which adds the component ID to
// every record. It is never nil.
func (b *Base) Logger() *slog.Logger { return logging.OrDiscard(b.logger) }

// Cleanup cancels the controller's workers and releases everything its
// coordinator holds, waiting at most the cleanup timeout for workers to
// stop. The controller stays usable. A type that holds a controller calls
// Cleanup from its own cleanup (the original guide's tab pattern); a
// controller that defines its own Cleanup must call this one.
func (b *Base) Cleanup() error {
	if b.res == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	defer cancel()
	return b.res.CleanupAll(ctx)
}
