package resource_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/resource"
)

// component is a minimal resource.Component.
type component struct {
	id   string
	live []resource.Info
}

func (c *component) ComponentID() string   { return c.id }
func (c *component) ComponentType() string { return "test" }
func (c *component) Live() []resource.Info { return c.live }

func TestShutdownOrder(t *testing.T) {
	m := resource.NewManager(resource.WithLogger(nil))
	a, b := &component{id: "a"}, &component{id: "b"}
	for _, c := range []*component{a, b} {
		if err := m.RegisterComponent(c); err != nil {
			t.Fatal(err)
		}
	}
	var order []string
	add := func(c resource.Component, prio int, name string) {
		t.Helper()
		err := m.RegisterCleanup(c, prio, func(context.Context) error {
			order = append(order, name)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add(a, 10, "a10-first")
	add(b, 0, "b0")
	add(nil, 10, "app10")
	add(b, 20, "b20")
	add(a, 10, "a10-second")

	if err := m.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []string{"b20", "a10-second", "app10", "a10-first", "b0"}
	if !slices.Equal(order, want) {
		t.Errorf("cleanup order = %v, want %v (higher priority first, LIFO within one)", order, want)
	}

	order = nil
	if err := m.Shutdown(context.Background()); err != nil || order != nil {
		t.Errorf("second Shutdown = %v and ran %v; want a no-op", err, order)
	}
	if err := m.RegisterComponent(&component{id: "late"}); !errors.Is(err, resource.ErrClosed) {
		t.Errorf("RegisterComponent after Shutdown = %v, want ErrClosed", err)
	}
	if err := m.RegisterCleanup(nil, 0, func(context.Context) error { return nil }); !errors.Is(err, resource.ErrClosed) {
		t.Errorf("RegisterCleanup after Shutdown = %v, want ErrClosed", err)
	}
}

func TestShutdownPanicAndErrors(t *testing.T) {
	m := resource.NewManager(resource.WithLogger(nil))
	c := &component{id: "c"}
	if err := m.RegisterComponent(c); err != nil {
		t.Fatal(err)
	}
	errFirst := errors.New("first failed")
	var ran []int
	m.RegisterCleanup(c, 3, func(context.Context) error { ran = append(ran, 3); return errFirst })
	m.RegisterCleanup(c, 2, func(context.Context) error { ran = append(ran, 2); panic("cleanup 2") })
	m.RegisterCleanup(c, 1, func(context.Context) error { ran = append(ran, 1); return nil })

	err := m.Shutdown(context.Background())
	if !slices.Equal(ran, []int{3, 2, 1}) {
		t.Errorf("ran %v; every cleanup must run despite errors and panics", ran)
	}
	var pe *resource.PanicError
	if !errors.Is(err, errFirst) || !errors.As(err, &pe) || pe.Value != "cleanup 2" {
		t.Errorf("Shutdown = %v; want the error and the *PanicError joined", err)
	}
	if !strings.Contains(err.Error(), "cleanup of c") {
		t.Errorf("error %q does not name the component", err)
	}
}

func TestShutdownPastDeadlineRunsEveryCleanup(t *testing.T) {
	m := resource.NewManager(resource.WithLogger(nil))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	var ran []string
	m.RegisterCleanup(nil, 2, func(ctx context.Context) error {
		<-ctx.Done() // a cleanup that waits out the whole deadline
		ran = append(ran, "slow")
		return ctx.Err()
	})
	m.RegisterCleanup(nil, 1, func(context.Context) error {
		ran = append(ran, "after deadline")
		return nil
	})
	err := m.Shutdown(ctx)
	if !slices.Equal(ran, []string{"slow", "after deadline"}) {
		t.Errorf("ran %v; cleanups after the deadline must still run", ran)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v, want the deadline error", err)
	}
}

func TestRegistrationErrors(t *testing.T) {
	m := resource.NewManager()
	if err := m.RegisterComponent(nil); err == nil {
		t.Error("RegisterComponent(nil) succeeded")
	}
	if err := m.RegisterComponent(sliceComponent{}); err == nil || !strings.Contains(err.Error(), "not comparable") {
		t.Errorf("non-comparable component: %v", err)
	}
	c := &component{id: "stranger"}
	if err := m.RegisterCleanup(c, 0, func(context.Context) error { return nil }); err == nil || !strings.Contains(err.Error(), "stranger") {
		t.Errorf("cleanup for an unregistered component: %v", err)
	}
	if err := m.RegisterCleanup(nil, 0, nil); err == nil {
		t.Error("nil cleanup function accepted")
	}
	if err := m.RegisterComponent(c); err != nil {
		t.Fatal(err)
	}
	if err := m.RegisterComponent(c); err != nil {
		t.Errorf("registering twice: %v, want a no-op", err)
	}
	m.UnregisterComponent(c)
	m.UnregisterComponent(c)
	m.UnregisterComponent(nil)
	if got := m.Components(); len(got) != 0 {
		t.Errorf("Components after Unregister = %v", got)
	}
}

type sliceComponent []int

func (sliceComponent) ComponentID() string   { return "slice" }
func (sliceComponent) ComponentType() string { return "slice" }
func (sliceComponent) Live() []resource.Info { return nil }

func TestComponentsAndLive(t *testing.T) {
	var m resource.Manager // the zero Manager is ready to use
	id := resource.NewID()
	a := &component{id: "a", live: []resource.Info{{ID: id, Kind: resource.Memory, Name: "buf", Component: "a"}}}
	b := &component{id: "b"}
	m.RegisterComponent(a)
	m.RegisterComponent(b)
	got := m.Components()
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "b" || got[0].Type != "test" || len(got[0].Live) != 1 {
		t.Fatalf("Components = %+v", got)
	}
	if live := m.Live(); len(live) != 1 || live[0].ID != id {
		t.Errorf("Live = %+v", live)
	}
	if s := got[0].Live[0].String(); !strings.Contains(s, `memory "buf"`) || !strings.Contains(s, "of a") {
		t.Errorf("Info.String() = %q", s)
	}
}

func TestRegisteredComponentIsLogged(t *testing.T) {
	var buf bytes.Buffer
	m := resource.NewManager(resource.WithLogger(slog.New(slog.NewTextHandler(&buf, nil))))
	m.RegisterComponent(&component{id: "SomeController_1"})
	if out := buf.String(); !strings.Contains(out, `msg="registered component"`) ||
		!strings.Contains(out, "component=SomeController_1") || !strings.Contains(out, "type=test") {
		t.Errorf("log = %q", out)
	}
}

func TestDefault(t *testing.T) {
	builtin := resource.Default()
	if builtin == nil || builtin != resource.Default() {
		t.Fatal("Default is not one stable service")
	}
	m := resource.NewManager()
	resource.SetDefault(m)
	if resource.Default() != resource.Service(m) {
		t.Error("SetDefault did not take")
	}
	resource.SetDefault(nil)
	if resource.Default() != builtin {
		t.Error("SetDefault(nil) did not restore the built-in service")
	}
}

func TestDefaultLoggerForwardsWarningsOnly(t *testing.T) {
	var mu sync.Mutex
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)

	l := resource.NewManager().Logger().With("component", "x").WithGroup("g")
	l.Info("routine")
	l.Warn("bad sign", "n", 3)
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	if strings.Contains(out, "routine") {
		t.Errorf("info record forwarded: %q", out)
	}
	if !strings.Contains(out, "bad sign") || !strings.Contains(out, "component=x") || !strings.Contains(out, "g.n=3") {
		t.Errorf("warning not forwarded with its attributes: %q", out)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

func TestName(t *testing.T) {
	if got := resource.NewManager(resource.WithName("app")).Name(); got != "app" {
		t.Errorf("Name = %q, want app", got)
	}
	if got := resource.NewManager().Name(); got != "" {
		t.Errorf("Name of an unnamed manager = %q", got)
	}
	named, ok := resource.Default().(interface{ Name() string })
	if !ok || named.Name() != "default" {
		t.Errorf("the default service is not named \"default\": %v", resource.Default())
	}
}
