package resource

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
)

// A Component is something that holds resources and reports them to a
// [Service]: in practice a coordinator. Component values are used as map
// keys, so they must be comparable (pointers are).
type Component interface {
	ComponentID() string   // e.g. "CopyVerifyController_1"
	ComponentType() string // e.g. "controller"
	Live() []Info          // the resources it holds now
}

// Service is the core of resource management: it knows every registered
// component, runs their cleanups at shutdown and can list what each one
// holds. [Manager] is the implementation; the interface exists so that an
// application can wrap or replace it.
//
// Tracking and releasing single resources is the coordinators' business (each
// guards its own resources, so two coordinators never contend); the service's
// share of that bookkeeping is the registration below and the [Component.Live]
// view it aggregates.
//
// A Service may also have a Name() string method, as Manager has: its
// coordinators then label their workers' goroutines with that name (the
// rescoord.service pprof label) instead of the service's Go type.
//
// All methods are safe for concurrent use.
type Service interface {
	// RegisterComponent adds c. It returns ErrClosed once the service is
	// shut down.
	RegisterComponent(c Component) error

	// RegisterCleanup arranges for fn to run at Shutdown on behalf of c (a
	// nil c registers a cleanup of the application itself). Cleanups run
	// higher priority first, and the last registered first within one
	// priority. It returns ErrClosed once the service is shut down.
	RegisterCleanup(c Component, priority int, fn func(ctx context.Context) error) error

	// UnregisterComponent removes c and its cleanups; a component calls it
	// when it is closed. Unknown components are ignored.
	UnregisterComponent(c Component)

	// Components returns the registered components and their live
	// resources, in registration order.
	Components() []ComponentInfo

	// Logger returns the logger components use when they are given none.
	Logger() *slog.Logger

	// RecordsOrigins reports whether components should record when and
	// where each resource was tracked (see Info.Origin).
	RecordsOrigins() bool

	// Shutdown runs every registered cleanup, even those reached after ctx
	// is done (ctx bounds waiting, never the synchronous releases), and
	// returns their errors joined. Later calls return nil.
	Shutdown(ctx context.Context) error
}

type serviceBox struct{ s Service }

var (
	override atomic.Pointer[serviceBox]
	builtin  = sync.OnceValue(func() *Manager { return NewManager(WithName("default")) })
)

// Default returns the process-wide service that coordinators and
// controllers use when none is injected. Unless [SetDefault] replaced it,
// it is a [Manager] named "default", made with no other option.
func Default() Service {
	if b := override.Load(); b != nil {
		return b.s
	}
	return builtin()
}

// SetDefault makes s the process-wide service. SetDefault(nil) restores the
// built-in one. Components already created keep the service they have.
func SetDefault(s Service) {
	if s == nil {
		override.Store(nil)
		return
	}
	override.Store(&serviceBox{s})
}
