package coord_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

func TestTrackRelease(t *testing.T) {
	svc, logs := newService(t)
	c := coord.New("Thumbs", coord.WithService(svc))
	released := 0
	id := c.Track("thumb.png", resource.Thumbnail, coord.Name("thumb"), coord.OnRelease(func() error {
		released++
		return nil
	}))
	if id.IsZero() {
		t.Fatal("Track returned the zero ID")
	}
	if v := id.UUID().Version(); v != 8 {
		t.Errorf("ID version = %d, want 8", v)
	}
	if live := c.Live(); len(live) != 1 || live[0].ID != id || live[0].Name != "thumb" || live[0].Kind != resource.Thumbnail || live[0].Component != "Thumbs" {
		t.Fatalf("Live = %+v", live)
	}
	if err := c.Release(id); err != nil {
		t.Fatal(err)
	}
	if released != 1 {
		t.Errorf("release handler ran %d times", released)
	}
	if err := c.Release(id); !errors.Is(err, resource.ErrNotTracked) {
		t.Errorf("double Release = %v, want ErrNotTracked", err)
	}
	if released != 1 {
		t.Errorf("double Release ran the handler again")
	}
	if !strings.Contains(logs.String(), "released resource "+id.String()+" for Thumbs") {
		t.Errorf("no release record in the log:\n%s", logs)
	}
}

func TestReleaseUnknownIDs(t *testing.T) {
	a := coord.New("a", coord.WithService(resource.NewManager()))
	b := coord.New("b", coord.WithService(resource.NewManager()))
	idA := a.Track(1, resource.Custom)
	for _, id := range []resource.ID{{}, resource.NewID(), idA} {
		if err := b.Release(id); !errors.Is(err, resource.ErrNotTracked) {
			t.Errorf("b.Release(%s) = %v, want ErrNotTracked", id, err)
		}
	}
	// A slot is reused after release; the old ID must not name the new
	// occupant.
	if err := a.Release(idA); err != nil {
		t.Fatal(err)
	}
	idA2 := a.Track(2, resource.Custom)
	if idA2 == idA {
		t.Fatal("an ID was handed out twice")
	}
	if err := a.Release(idA); !errors.Is(err, resource.ErrNotTracked) {
		t.Errorf("stale ID released the slot's new occupant: %v", err)
	}
	if len(a.Live()) != 1 {
		t.Error("the new occupant is gone")
	}
}

func TestIDsAreUnique(t *testing.T) {
	svc := resource.NewManager()
	seen := make(map[resource.ID]bool)
	for range 20 {
		c := coord.New("c", coord.WithService(svc))
		var ids []resource.ID
		for range 500 {
			ids = append(ids, c.Track(nil, resource.Memory))
		}
		for _, id := range ids[:250] {
			c.Release(id)
		}
		for range 250 {
			ids = append(ids, c.Track(nil, resource.Memory))
		}
		for _, id := range ids {
			if seen[id] {
				t.Fatalf("duplicate ID %s", id)
			}
			seen[id] = true
			u := id.UUID()
			if u.Version() != 8 || u.Variant() != 1 /* RFC 4122/9562 */ {
				t.Fatalf("ID %s: version %d variant %v", id, u.Version(), u.Variant())
			}
		}
		c.Close()
	}
}

func TestCloserIsClosed(t *testing.T) {
	c := coord.New("files", coord.WithService(resource.NewManager()))
	f := new(checker)
	id := c.Track(f, resource.FileHandle)
	if err := c.Release(id); err != nil || f.count() != 1 {
		t.Fatalf("Release = %v, Close ran %d times", err, f.count())
	}
	// OnRelease takes the place of Close.
	g := new(checker)
	c.Track(g, resource.FileHandle, coord.OnRelease(func() error { return nil }))
	c.CleanupAll(context.Background())
	if g.count() != 0 {
		t.Error("Close ran although OnRelease was given")
	}
	var plain plainCloser
	c.Release(c.Track(&plain, resource.Widget))
	if !plain {
		t.Error("Close() without error result not called")
	}
}

type plainCloser bool

func (p *plainCloser) Close() { *p = true }

func TestCleanupAllOrderAndReuse(t *testing.T) {
	c := coord.New("c", coord.WithService(resource.NewManager()))
	var order []int
	for i := range 5 {
		c.Track(i, resource.Memory, coord.OnRelease(func() error { order = append(order, i); return nil }))
	}
	if err := c.CleanupAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(order, []int{4, 3, 2, 1, 0}) {
		t.Errorf("CleanupAll order = %v, want newest first", order)
	}
	if err := c.CleanupAll(context.Background()); err != nil || len(order) != 5 {
		t.Errorf("second CleanupAll = %v, ran %d handlers; want a no-op", err, len(order)-5)
	}
	// The coordinator stays open.
	id := c.Track("again", resource.Memory)
	if err := c.Release(id); err != nil {
		t.Errorf("Track after CleanupAll: %v", err)
	}
}

func TestCleanupAllPanicsAndErrors(t *testing.T) {
	c := coord.New("c", coord.WithService(resource.NewManager()))
	errRelease := errors.New("release failed")
	var ran []string
	c.Track("a", resource.Custom, coord.Name("a"), coord.OnRelease(func() error { ran = append(ran, "a"); return nil }))
	c.Track("b", resource.Custom, coord.Name("b"), coord.OnRelease(func() error { ran = append(ran, "b"); panic("b broke") }))
	c.Track("c", resource.Custom, coord.Name("c"), coord.OnRelease(func() error { ran = append(ran, "c"); return errRelease }))
	err := c.CleanupAll(context.Background())
	if !slices.Equal(ran, []string{"c", "b", "a"}) {
		t.Errorf("ran %v; every handler must run", ran)
	}
	var pe *resource.PanicError
	if !errors.As(err, &pe) || pe.Value != "b broke" || !errors.Is(err, errRelease) {
		t.Errorf("CleanupAll = %v; want the panic and the error joined", err)
	}
	if !strings.Contains(err.Error(), `custom "b"`) {
		t.Errorf("error %q does not say which resource", err)
	}
	// A single Release returns the panic too.
	id := c.Track("d", resource.Custom, coord.OnRelease(func() error { panic("d broke") }))
	if err := c.Release(id); !errors.As(err, &pe) {
		t.Errorf("Release of a panicking handler = %v", err)
	}
}

func TestClose(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil))
	c := coord.New("c", coord.WithService(svc))
	f := new(checker)
	c.Track(f, resource.FileHandle)
	if got := len(svc.Components()); got != 1 {
		t.Fatalf("%d components registered, want 1", got)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if f.count() != 1 {
		t.Error("Close did not release")
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if got := len(svc.Components()); got != 0 {
		t.Errorf("closed coordinator still registered")
	}
	if err := c.Err(); !errors.Is(err, resource.ErrClosed) {
		t.Errorf("Err after Close = %v", err)
	}

	// Track after Close releases at once.
	g := new(checker)
	id := c.Track(g, resource.FileHandle)
	if g.count() != 1 {
		t.Error("Track after Close did not release at once")
	}
	if !id.IsZero() {
		t.Errorf("Track after Close returned %s, want the zero ID", id)
	}
	if err := c.Release(id); !errors.Is(err, resource.ErrClosed) {
		t.Errorf("Release after Close = %v, want ErrClosed", err)
	}
}

func TestServiceShutdownClosesCoordinators(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil))
	var order []string
	low := coord.New("low", coord.WithService(svc), coord.WithPriority(1))
	high := coord.New("high", coord.WithService(svc), coord.WithPriority(50))
	low.Track(nil, resource.Custom, coord.OnRelease(func() error { order = append(order, "low"); return nil }))
	high.Track(nil, resource.Custom, coord.OnRelease(func() error { order = append(order, "high"); return nil }))
	if err := svc.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(order, []string{"high", "low"}) {
		t.Errorf("order = %v", order)
	}
	if !errors.Is(low.Err(), resource.ErrClosed) {
		t.Error("Shutdown did not close the coordinator")
	}
	// A coordinator made after Shutdown starts closed.
	late := coord.New("late", coord.WithService(svc))
	if !errors.Is(late.Err(), resource.ErrClosed) {
		t.Error("coordinator of a shut-down service is open")
	}
}

func TestNilAndZeroCoordinators(t *testing.T) {
	ctx := context.Background()
	var nilC *coord.Coordinator
	var zero coord.Coordinator
	for _, c := range []*coord.Coordinator{nilC, &zero} {
		if id := c.Track(1, resource.Memory); !id.IsZero() {
			t.Error("Track on a nil coordinator returned an ID")
		}
		if c.Bind(1) != c || c.Release(resource.NewID()) != nil || c.CleanupAll(ctx) != nil || c.Close() != nil ||
			c.Live() != nil || c.Err() != nil || c.ID() != "" {
			t.Error("nil coordinator is not a no-op")
		}
	}
	var nilW *coord.Workers
	var zeroW coord.Workers
	for _, w := range []*coord.Workers{nilW, &zeroW} {
		ran := false
		if id := w.Go("x", func(context.Context) error { ran = true; return nil }); !id.IsZero() || ran {
			t.Error("Go on a nil Workers ran")
		}
		if id := w.TrackWorker(newObjWorker()); !id.IsZero() {
			t.Error("TrackWorker on a nil Workers tracked")
		}
		if id := w.Track(1, resource.Memory); !id.IsZero() {
			t.Error("Track on a nil Workers tracked")
		}
		if w.Bind(1) != w || w.Release(resource.NewID()) != nil || w.CleanupAll(ctx) != nil || w.Close() != nil ||
			w.CancelAll(ctx) != nil || !w.CancelAllWorkers(0) || w.ActiveWorkers() != nil || w.Live() != nil ||
			w.Err() != nil || w.ID() != "" {
			t.Error("nil Workers is not a no-op")
		}
	}
}

func TestBindAndMeta(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil), resource.WithOrigins(true))
	c := coord.New("Tab_1", coord.WithService(svc)).Bind(&struct{ x int }{})
	id := c.Track(nil, resource.Map, coord.Meta("tiles", 12), coord.Meta("zoom", 3))
	comps := svc.Components()
	if len(comps) != 1 || comps[0].Type != "*struct { x int }" {
		t.Fatalf("Components = %+v", comps)
	}
	info := comps[0].Live[0]
	if info.ID != id || info.Meta["tiles"] != 12 || info.Meta["zoom"] != 3 {
		t.Errorf("Info = %+v", info)
	}
	if !strings.HasPrefix(info.Origin, "coordinator_test.go:") || !strings.Contains(info.Origin, "TestBindAndMeta") {
		t.Errorf("Origin = %q, want this test's line", info.Origin)
	}
	if info.Tracked.IsZero() || info.Age() < 0 {
		t.Errorf("Tracked = %v", info.Tracked)
	}
	owned := coord.New("Ctrl_1", coord.WithService(svc), coord.WithOwner(typed{}))
	if got := svc.Components()[1].Type; got != "special" || owned.ID() != "Ctrl_1" {
		t.Errorf("owner with ComponentType: %q", got)
	}
}

type typed struct{}

func (typed) ComponentType() string { return "special" }

func TestTrackOptionString(t *testing.T) {
	for _, c := range []struct {
		opt  coord.TrackOption
		want string
	}{
		{coord.Name("x"), `Name("x")`},
		{coord.Meta("k", 1), `Meta("k", 1)`},
		{coord.CancelOnCleanup(true), "CancelOnCleanup(true)"},
		{coord.AutoRelease(false), "AutoRelease(false)"},
		{coord.TrackOption{}, "TrackOption{}"},
	} {
		if got := c.opt.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
	if got := coord.OnRelease(nil).String(); got != "OnRelease(...)" {
		t.Errorf("OnRelease String = %q", got)
	}
}
