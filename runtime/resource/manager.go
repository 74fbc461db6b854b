package resource

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"sync"

	"github.com/rescoord/rescoord/runtime/internal/logging"
)

// Manager is the [Service] implementation. The zero Manager is ready to
// use, with the settings of NewManager().
type Manager struct {
	name      string
	logger    *slog.Logger
	loggerSet bool
	origins   bool

	mu         sync.Mutex
	components map[Component]*registration
	app        []cleanup // cleanups registered with a nil component
	seq        uint64    // registration order of components and cleanups
	closed     bool
}

type registration struct {
	seq      uint64
	cleanups []cleanup
}

type cleanup struct {
	priority int
	seq      uint64
	fn       func(context.Context) error
	owner    string // component ID, for error messages
}

// An Option configures a Manager.
type Option func(*Manager)

// WithLogger sets the logger of the manager and of the components that use
// it without a logger of their own. A nil logger discards everything.
// Without this option, warnings and errors go to slog.Default and the rest
// is dropped.
func WithLogger(l *slog.Logger) Option {
	return func(m *Manager) { m.logger, m.loggerSet = logging.OrDiscard(l), true }
}

// WithOrigins makes components record, for every resource, when it was
// tracked and from which line (see [Info]). It costs a clock read and a stack
// walk per Track, a few times what tracking costs without it, so it is off by
// default; restest turns it on.
func WithOrigins(on bool) Option {
	return func(m *Manager) { m.origins = on }
}

// WithName names the manager. The name labels the goroutines of its
// workers in goroutine profiles (the rescoord.service label; see
// docs/runtime.md) and heads its debug page. restest names each test's
// service after the test; [Default] is named "default".
func WithName(name string) Option {
	return func(m *Manager) { m.name = name }
}

// NewManager returns a Manager configured by opts.
func NewManager(opts ...Option) *Manager {
	m := new(Manager)
	for _, o := range opts {
		o(m)
	}
	return m
}

// Logger returns the manager's logger (never nil).
func (m *Manager) Logger() *slog.Logger {
	if !m.loggerSet {
		return logging.Warnings
	}
	return m.logger
}

// Name returns the name given with [WithName], or "".
func (m *Manager) Name() string { return m.name }

// RecordsOrigins reports whether WithOrigins(true) was given.
func (m *Manager) RecordsOrigins() bool { return m.origins }

// RegisterComponent adds c; registering it again is a no-op. It returns
// ErrClosed after Shutdown.
func (m *Manager) RegisterComponent(c Component) error {
	if c == nil {
		return errors.New("resource: RegisterComponent of a nil component")
	}
	if t := reflect.TypeOf(c); !t.Comparable() {
		return fmt.Errorf("resource: component type %s is not comparable; register a pointer", t)
	}
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return fmt.Errorf("register component %s: %w", c.ComponentID(), ErrClosed)
	}
	if m.components == nil {
		m.components = make(map[Component]*registration)
	}
	if _, ok := m.components[c]; ok {
		m.mu.Unlock()
		return nil
	}
	m.seq++
	m.components[c] = &registration{seq: m.seq}
	m.mu.Unlock()

	if l := m.Logger(); l.Enabled(context.Background(), slog.LevelInfo) {
		l.LogAttrs(context.Background(), slog.LevelInfo, "registered component",
			slog.String("component", c.ComponentID()), slog.String("type", c.ComponentType()))
	}
	return nil
}

// RegisterCleanup implements [Service.RegisterCleanup]. It returns an error
// if c is not registered, and ErrClosed after Shutdown.
func (m *Manager) RegisterCleanup(c Component, priority int, fn func(context.Context) error) error {
	if fn == nil {
		return errors.New("resource: RegisterCleanup of a nil function")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return fmt.Errorf("register cleanup: %w", ErrClosed)
	}
	m.seq++
	cl := cleanup{priority: priority, seq: m.seq, fn: fn}
	if c == nil {
		m.app = append(m.app, cl)
		return nil
	}
	r, ok := m.components[c]
	if !ok {
		return fmt.Errorf("resource: RegisterCleanup for component %s, which is not registered", c.ComponentID())
	}
	cl.owner = c.ComponentID()
	r.cleanups = append(r.cleanups, cl)
	return nil
}

// UnregisterComponent implements [Service.UnregisterComponent].
func (m *Manager) UnregisterComponent(c Component) {
	if c == nil {
		return
	}
	m.mu.Lock()
	delete(m.components, c)
	m.mu.Unlock()
}

// Components implements [Service.Components].
func (m *Manager) Components() []ComponentInfo {
	m.mu.Lock()
	type reg struct {
		c   Component
		seq uint64
	}
	regs := make([]reg, 0, len(m.components))
	for c, r := range m.components {
		regs = append(regs, reg{c, r.seq})
	}
	m.mu.Unlock()

	slices.SortFunc(regs, func(a, b reg) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]ComponentInfo, len(regs))
	for i, r := range regs {
		// Live is called without m.mu: a component may call back into the
		// service while it answers.
		out[i] = ComponentInfo{ID: r.c.ComponentID(), Type: r.c.ComponentType(), Live: r.c.Live()}
	}
	return out
}

// Live returns every live resource of every component, in registration
// order of the components.
func (m *Manager) Live() []Info {
	var out []Info
	for _, c := range m.Components() {
		out = append(out, c.Live...)
	}
	return out
}

// Shutdown implements [Service.Shutdown]: it closes the manager to new
// registrations and runs every cleanup, higher priority first, the last
// registered first within one priority. A cleanup that panics is reported
// as a *PanicError and the others still run. Every cleanup is called even
// when ctx is done; each is expected to do its synchronous work and to use
// ctx only to bound its waiting.
func (m *Manager) Shutdown(ctx context.Context) error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	all := m.app
	m.app = nil
	for _, r := range m.components {
		all = append(all, r.cleanups...)
		r.cleanups = nil
	}
	m.mu.Unlock()

	slices.SortFunc(all, func(a, b cleanup) int {
		if c := cmp.Compare(b.priority, a.priority); c != 0 {
			return c
		}
		return cmp.Compare(b.seq, a.seq)
	})
	var errs []error
	for _, cl := range all {
		if err := catch(func() error { return cl.fn(ctx) }); err != nil {
			if cl.owner != "" {
				err = fmt.Errorf("cleanup of %s: %w", cl.owner, err)
			}
			errs = append(errs, err)
		}
	}
	err := errors.Join(errs...)
	if err != nil {
		m.Logger().LogAttrs(ctx, slog.LevelError, "shutdown incomplete", slog.Any("error", err))
	}
	return err
}
