package controller_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

func TestOperationLifecycle(t *testing.T) {
	svc := restest.NewService(t)
	c := newCopyController(controller.WithService(svc))
	op := c.Operation("Copy")
	if c.Operation("Copy") != op || op.Name() != "Copy" {
		t.Fatal("Operation is not one per name")
	}
	release := make(chan struct{})
	id, err := op.Start(func(ctx context.Context) error {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return nil
	})
	if err != nil || id.IsZero() || !op.Running() || op.Current() != id {
		t.Fatalf("Start = %s, %v; Running %t", id, err, op.Running())
	}
	info, ok := c.Workers().ActiveWorkers()[id]
	if !ok || !strings.HasPrefix(info.Name, "Copy ") || len(info.Name) != len("Copy 15:04:05") {
		t.Errorf("worker = %+v, want it named after the operation and the time", info)
	}
	if _, err := op.Start(func(context.Context) error { return nil }); !errors.Is(err, controller.ErrBusy) {
		t.Errorf("second Start = %v, want ErrBusy", err)
	}
	close(release)
	waitUntil(t, func() bool { return !op.Running() })
	if len(c.Resources().Live()) != 0 {
		t.Error("Running is false, but the run is still tracked")
	}

	// Cancel stops a run and allows a new one at once.
	stopped := make(chan struct{})
	if _, err := op.Start(func(ctx context.Context) error { <-ctx.Done(); close(stopped); return ctx.Err() }); err != nil {
		t.Fatal(err)
	}
	if err := op.Cancel(); err != nil {
		t.Fatal(err)
	}
	<-stopped
	if op.Running() {
		t.Error("Running after Cancel")
	}
	if err := op.Cancel(); err != nil {
		t.Errorf("Cancel with nothing running = %v", err)
	}

	// Cleanup cancels a run in progress.
	if _, err := op.Start(func(ctx context.Context) error { <-ctx.Done(); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := c.Cleanup(); err != nil {
		t.Fatal(err)
	}
	if op.Running() {
		t.Error("Running after Cleanup")
	}
}

func TestOperationWithoutWorkers(t *testing.T) {
	var c thumbController
	if _, err := c.Operation("Load").Start(func(context.Context) error { return nil }); !errors.Is(err, controller.ErrNoWorkers) {
		t.Errorf("Start on a zero controller = %v", err)
	}
	c.Init(&c, controller.Plain, controller.WithService(restest.NewService(t)))
	if _, err := c.Operation("Load").Start(func(context.Context) error { return nil }); !errors.Is(err, controller.ErrNoWorkers) {
		t.Errorf("Start on a plain controller = %v", err)
	}
}

func TestOperationAfterShutdown(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil))
	c := newCopyController(controller.WithService(svc))
	svc.Shutdown(context.Background())
	if _, err := c.Operation("Copy").Start(func(context.Context) error { return nil }); !errors.Is(err, resource.ErrClosed) {
		t.Errorf("Start after shutdown = %v, want ErrClosed", err)
	}
}

// A run that ends at once must not leave the operation marked running.
func TestOperationInstantRuns(t *testing.T) {
	c := newCopyController(controller.WithService(restest.NewService(t)))
	op := c.Operation("Quick")
	var wg sync.WaitGroup
	for range 200 {
		wg.Add(1)
		if _, err := op.Start(func(context.Context) error { wg.Done(); return nil }); err != nil {
			wg.Done()
			if !errors.Is(err, controller.ErrBusy) {
				t.Fatal(err)
			}
		}
		waitUntil(t, func() bool { return !op.Running() })
	}
	wg.Wait()
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; !cond(); i++ {
		if i > 5000 {
			t.Fatal("condition never held")
		}
		<-timeAfterMillisecond()
	}
}
