package coord_test

import (
	"bytes"
	"context"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/google/pprof/profile"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// labelsOf returns the pprof labels of every goroutine whose stack has a
// function whose name ends with fn.
func labelsOf(t *testing.T, fn string) []map[string][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	p, err := profile.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string][]string
	for _, s := range p.Sample {
		for _, loc := range s.Location {
			for _, l := range loc.Line {
				if l.Function != nil && strings.HasSuffix(l.Function.Name, fn) {
					for range s.Value[0] {
						out = append(out, s.Label)
					}
					goto next
				}
			}
		}
	next:
	}
	return out
}

func wantLabels(t *testing.T, fn string, want map[string]string) {
	t.Helper()
	var got []map[string][]string
	waitFor(t, "a goroutine in "+fn, func() bool { got = labelsOf(t, fn); return len(got) > 0 })
	for _, l := range got {
		for k, v := range want {
			if len(l[k]) != 1 || l[k][0] != v {
				t.Errorf("goroutine in %s: label %s = %q, want %q (labels %v)", fn, k, l[k], v, l)
			}
		}
	}
}

func childOfWorker(block chan struct{})      { <-block }
func grandchildOfWorker(block chan struct{}) { <-block }
func childInDo(block chan struct{})          { <-block }

func TestWorkerGoroutinesAreLabelled(t *testing.T) {
	svc := resource.NewManager(resource.WithName("labels-test"), resource.WithLogger(nil))
	w := coord.NewWorkers("Labelled_1", coord.WithService(svc))
	block := make(chan struct{})
	started := make(chan string, 1)
	w.Go("first", func(ctx context.Context) error {
		go childOfWorker(block)
		go func() { go grandchildOfWorker(block) }()
		pprof.Do(ctx, pprof.Labels("app", "extra"), func(context.Context) { go childInDo(block) })
		component, _ := pprof.Label(ctx, "rescoord.component")
		started <- component
		<-block
		return nil
	}, coord.Name("renamed"))
	if got := <-started; got != "Labelled_1" {
		t.Errorf("the worker's context carries component label %q", got)
	}
	worker := map[string]string{
		"rescoord.service":   "labels-test",
		"rescoord.component": "Labelled_1",
		"rescoord.worker":    "renamed",
	}
	wantLabels(t, "TestWorkerGoroutinesAreLabelled.func1", worker)
	wantLabels(t, "childOfWorker", worker)
	wantLabels(t, "grandchildOfWorker", worker)
	worker["app"] = "extra" // pprof.Do in the worker adds to its labels
	wantLabels(t, "childInDo", worker)
	close(block)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	noGoroutinesLeft(t)
}

func secondWorker(ctx context.Context) error { <-ctx.Done(); return nil }
func thirdWorker(ctx context.Context) error  { <-ctx.Done(); return nil }

// Workers of one coordinator with different names, one after the other,
// each get their own labels; a service without a Name method is named by
// its type.
func TestWorkerLabelsFollowNames(t *testing.T) {
	w := coord.NewWorkers("Named_1", coord.WithService(unnamed{resource.NewManager(resource.WithLogger(nil))}))
	defer w.Close()
	w.Go("second", secondWorker)
	w.Go("third", thirdWorker)
	w.Go("second again", secondWorker)
	waitFor(t, "three workers", func() bool { return len(labelsOf(t, "secondWorker")) == 2 && len(labelsOf(t, "thirdWorker")) == 1 })
	wantLabels(t, "thirdWorker", map[string]string{"rescoord.worker": "third", "rescoord.service": "coord_test.unnamed"})
	names := map[string]bool{}
	for _, l := range labelsOf(t, "secondWorker") {
		names[l["rescoord.worker"][0]] = true
	}
	if !names["second"] || !names["second again"] {
		t.Errorf("workers running secondWorker are labelled %v", names)
	}
}

// unnamed is a Service without a Name method.
type unnamed struct{ resource.Service }

// The goroutine that watches an adopted worker object is labelled as the
// worker.
func TestWatcherIsLabelled(t *testing.T) {
	svc := resource.NewManager(resource.WithName("watch-test"), resource.WithLogger(nil))
	w := coord.NewWorkers("Watching_1", coord.WithService(svc))
	obj := newObjWorker().start()
	w.TrackWorker(obj, coord.Name("adopted"))
	wantLabels(t, "coord.(*state).watch", map[string]string{
		"rescoord.service": "watch-test", "rescoord.component": "Watching_1", "rescoord.worker": "adopted",
	})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
