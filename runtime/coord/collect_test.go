package coord_test

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// A coordinator dropped with live resources is caught by the garbage
// collector: the guide's warning is logged and the resources are released.
// Go does not promise when (or that) cleanups run; this test forces
// collections until it happens, which the runtime does in practice.
func TestCollectedWithActiveResources(t *testing.T) {
	svc, logs := newService(t)
	released := make(chan string, 2)
	workerStopped := make(chan struct{})
	func() {
		c := coord.New("Forgotten_1", coord.WithService(svc))
		c.Track(nil, resource.Thumbnail, coord.OnRelease(func() error { released <- "thumb"; return nil }))
		c.Track(nil, resource.Memory, coord.OnRelease(func() error { released <- "buf"; return nil }))
		w := coord.NewWorkers("Forgotten_2", coord.WithService(svc))
		w.Go("orphan", func(ctx context.Context) error {
			<-ctx.Done()
			close(workerStopped)
			return nil
		})
	}()
	deadline := time.Now().Add(10 * time.Second)
	got := map[string]bool{}
	stopped := false
	for len(got) < 2 || !stopped {
		if time.Now().After(deadline) {
			t.Fatalf("dropped coordinators not collected: released %v, worker stopped %t", got, stopped)
		}
		runtime.GC()
		select {
		case r := <-released:
			got[r] = true
		case <-workerStopped:
			stopped, workerStopped = true, nil
		case <-time.After(10 * time.Millisecond):
		}
	}
	out := logs.String()
	for _, want := range []string{
		"component Forgotten_1 collected with 2 active resources",
		"component Forgotten_2 collected with 1 active resources",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	waitFor(t, "the service to forget them", func() bool { return len(svc.Components()) == 0 })
}

// A coordinator dropped after releasing everything leaves quietly.
func TestCollectedEmpty(t *testing.T) {
	svc, logs := newService(t)
	func() {
		c := coord.New("Tidy_1", coord.WithService(svc))
		c.Release(c.Track(nil, resource.Memory))
	}()
	deadline := time.Now().Add(10 * time.Second)
	for len(svc.Components()) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("dropped coordinator never unregistered")
		}
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if strings.Contains(logs.String(), "collected with") {
		t.Errorf("warning for a coordinator with nothing live:\n%s", logs)
	}
}
