package controller_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

type copyController struct {
	controller.Base
}

func newCopyController(opts ...controller.Option) *copyController {
	c := &copyController{}
	c.Init(c, controller.Workers, opts...)
	return c
}

type thumbController struct {
	controller.Base
}

func TestInitWorkers(t *testing.T) {
	svc := restest.NewService(t)
	c := newCopyController(controller.WithService(svc))
	if c.Workers() == nil || c.Resources() == nil || c.Resources() != &c.Workers().Coordinator {
		t.Fatal("a Workers controller must have one coordinator, seen as both Resources and Workers")
	}
	comps := svc.Components()
	if len(comps) != 1 || comps[0].Type != "controller" || !regexp.MustCompile(`^copyController_\d+$`).MatchString(comps[0].ID) {
		t.Fatalf("Components = %+v", comps)
	}
	stopped := make(chan struct{})
	c.Workers().Go("copy", func(ctx context.Context) error { <-ctx.Done(); close(stopped); return nil })
	c.Resources().Track("buf", resource.Memory)
	if err := c.Cleanup(); err != nil {
		t.Fatal(err)
	}
	<-stopped
	if live := c.Resources().Live(); len(live) != 0 {
		t.Errorf("Cleanup left %v", live)
	}
	// The controller stays usable after Cleanup.
	c.Resources().Release(c.Resources().Track("again", resource.Memory))
}

func TestInitPlain(t *testing.T) {
	svc := restest.NewService(t)
	c := &thumbController{}
	c.Init(c, controller.Plain, controller.WithService(svc), controller.WithComponentID("Thumbs"), controller.WithPriority(3))
	if c.Workers() != nil {
		t.Error("a Plain controller has workers")
	}
	if c.Workers().Go("x", func(context.Context) error { return nil }) != (resource.ID{}) {
		t.Error("nil Workers started work")
	}
	if got := svc.Components()[0].ID; got != "Thumbs" {
		t.Errorf("component ID = %q", got)
	}
	if controller.Plain.String() != "base" || controller.Workers.String() != "worker" {
		t.Error("Coordinator names differ from the generator's")
	}
}

func TestZeroBase(t *testing.T) {
	var c thumbController
	if c.Resources() != nil || c.Workers() != nil || c.Cleanup() != nil || c.Logger() == nil {
		t.Error("the zero Base is not a usable no-op")
	}
	c.Logger().Info("discarded")
	if id := c.Resources().Track(1, resource.Memory); !id.IsZero() {
		t.Error("zero Base tracked")
	}
}

func TestInitTwice(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, nil))
	svc := restest.NewService(t)
	c := newCopyController(controller.WithService(svc), controller.WithLogger(logger))
	first := c.Workers()
	c.Init(c, controller.Plain, controller.WithService(svc))
	if c.Workers() != first {
		t.Error("second Init replaced the coordinator")
	}
	if !strings.Contains(buf.String(), "initialised twice") {
		t.Errorf("no warning: %q", buf.String())
	}
	if len(svc.Components()) != 1 {
		t.Error("second Init registered another component")
	}
}

func TestLoggerAddsComponent(t *testing.T) {
	var buf bytes.Buffer
	c := newCopyController(controller.WithService(restest.NewService(t)), controller.WithLogger(slog.New(slog.NewTextHandler(&buf, nil))),
		controller.WithComponentID("CopyVerify_7"))
	c.Logger().Info("copy started")
	if !strings.Contains(buf.String(), "component=CopyVerify_7") {
		t.Errorf("log = %q", buf.String())
	}
}

func TestCleanupTimeout(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil))
	c := newCopyController(controller.WithService(svc), controller.WithCleanupTimeout(20*time.Millisecond))
	unblock := make(chan struct{})
	c.Workers().Go("stubborn", func(context.Context) error { <-unblock; return nil })
	start := time.Now()
	err := c.Cleanup()
	close(unblock)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Cleanup = %v, want the stuck worker reported", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Cleanup took %v with a 20ms timeout", d)
	}
	svc.Shutdown(context.Background())
}

func TestErrBusyWraps(t *testing.T) {
	err := errors.Join(errors.New("StartCopy"), controller.ErrBusy)
	if !errors.Is(err, controller.ErrBusy) {
		t.Error("ErrBusy does not match through wrapping")
	}
}

func timeAfterMillisecond() <-chan time.Time { return time.After(time.Millisecond) }

func TestComponentName(t *testing.T) {
	svc := restest.NewService(t)
	c := newCopyController(controller.WithService(svc), controller.WithComponentName("CopyVerify"))
	if id := svc.Components()[0].ID; !regexp.MustCompile(`^CopyVerify_\d+$`).MatchString(id) || c.Resources().ID() != id {
		t.Errorf("component ID = %q", id)
	}
}
