package resdebug_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resdebug"
	"github.com/rescoord/rescoord/runtime/resource"
)

// fixed is a component that reports fixed contents.
type fixed struct {
	id, typ string
	live    []resource.Info
}

func (f *fixed) ComponentID() string   { return f.id }
func (f *fixed) ComponentType() string { return f.typ }
func (f *fixed) Live() []resource.Info { return f.live }

var (
	workerID = mustID("0f1e2d3c-4b5a-8968-b7a6-958473625140")
	bufferID = mustID("11111111-2222-4333-8444-555555555555")
	doneID   = mustID("66666666-7777-4888-8999-aaaaaaaaaaaa")
)

func mustID(s string) resource.ID {
	id, err := resource.ParseID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// known returns a service with known contents: a controller with a running
// worker tracked two seconds ago, a finished worker not yet released and a
// buffer of unknown age, and a component with nothing live.
func known(t *testing.T) *resource.Manager {
	t.Helper()
	svc := resource.NewManager(resource.WithName("known"), resource.WithLogger(nil))
	two := time.Now().Add(-2 * time.Second)
	copyC := &fixed{id: "CopyVerifyController_1", typ: "controller", live: []resource.Info{
		{ID: workerID, Kind: resource.Worker, Name: "CopyVerify 15:04:05", Component: "CopyVerifyController_1",
			Tracked: two, Origin: "copy.go:42 tabs.(*Tab).start", Running: true},
		{ID: doneID, Kind: resource.Worker, Name: "scan", Component: "CopyVerifyController_1", Tracked: two},
		{ID: bufferID, Kind: resource.Memory, Component: "CopyVerifyController_1"},
	}}
	for _, c := range []resource.Component{copyC, &fixed{id: "Browser_2", typ: "controller"}} {
		if err := svc.RegisterComponent(c); err != nil {
			t.Fatal(err)
		}
	}
	return svc
}

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestText(t *testing.T) {
	r := get(t, resdebug.Handler(known(t)), http.MethodGet, "/debug/rescoord")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("status %d, content type %q", r.StatusCode, r.Header.Get("Content-Type"))
	}
	lines := strings.Split(body(t, r), "\n")
	// The table's columns are aligned: compare its rows field by field.
	fields := regexp.MustCompile(`\s{2,}`)
	var rows [][]string
	for _, l := range lines {
		if strings.HasPrefix(l, "\t") {
			rows = append(rows, fields.Split(strings.TrimSpace(l), -1))
		}
	}
	want := []string{
		`rescoord service "known": 2 components, 3 live resources, 1 active worker`,
		``,
		`component CopyVerifyController_1 (controller): 3 live resources, 1 active worker`,
	}
	if !slices.Equal(lines[:3], want) {
		t.Errorf("page begins\n%s\nwant\n%s", strings.Join(lines[:3], "\n"), strings.Join(want, "\n"))
	}
	if got, want := lines[len(lines)-3:], []string{"", "component Browser_2 (controller): no live resources", ""}; !slices.Equal(got, want) {
		t.Errorf("page ends %q, want %q", got, want)
	}
	if len(rows) != 4 {
		t.Fatalf("table rows = %q", rows)
	}
	wantRows := [][]string{
		{"ID", "KIND", "NAME", "AGE", "STATE", "ORIGIN"},
		{workerID.String(), "worker", `"CopyVerify 15:04:05"`, "AGE", "running", "copy.go:42 tabs.(*Tab).start"},
		{doneID.String(), "worker", `"scan"`, "AGE", "finished"},
		{bufferID.String(), "memory", "-", "-"},
	}
	age := regexp.MustCompile(`^2(\.\d{1,3})?s$`)
	for i, w := range wantRows {
		got := rows[i]
		if i == 1 || i == 2 {
			if len(got) > 3 && age.MatchString(got[3]) {
				got[3] = "AGE"
			}
		}
		if !slices.Equal(got, w) {
			t.Errorf("row %d = %q, want %q", i, got, w)
		}
	}
}

func TestJSON(t *testing.T) {
	before := time.Now()
	r := get(t, resdebug.Handler(known(t)), http.MethodGet, "/debug/rescoord?format=json")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, content type %q", r.StatusCode, r.Header.Get("Content-Type"))
	}
	text := body(t, r)
	var page map[string]any
	if err := json.Unmarshal([]byte(text), &page); err != nil {
		t.Fatalf("%v:\n%s", err, text)
	}
	keys := func(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
	if got := keys(page); !slices.Equal(got, []string{"components", "service"}) || page["service"] != "known" {
		t.Fatalf("page = %v", page)
	}
	comps := page["components"].([]any)
	if len(comps) != 2 {
		t.Fatalf("components = %v", comps)
	}
	c0, c1 := comps[0].(map[string]any), comps[1].(map[string]any)
	if got := keys(c0); !slices.Equal(got, []string{"id", "resources", "type"}) || c0["id"] != "CopyVerifyController_1" || c0["type"] != "controller" {
		t.Errorf("component 0 = %v", c0)
	}
	if c1["id"] != "Browser_2" || c1["resources"] == nil || len(c1["resources"].([]any)) != 0 {
		t.Errorf("component 1 = %v; want an empty list of resources, not null", c1)
	}
	res := c0["resources"].([]any)
	if len(res) != 3 {
		t.Fatalf("resources = %v", res)
	}
	w, done, buf := res[0].(map[string]any), res[1].(map[string]any), res[2].(map[string]any)
	if got := keys(w); !slices.Equal(got, []string{"age_ms", "id", "kind", "name", "origin", "running"}) {
		t.Errorf("keys of a running worker = %v", got)
	}
	maxAge := float64(time.Since(before).Milliseconds() + 2000)
	if w["id"] != workerID.String() || w["kind"] != "worker" || w["name"] != "CopyVerify 15:04:05" ||
		w["origin"] != "copy.go:42 tabs.(*Tab).start" || w["running"] != true ||
		w["age_ms"].(float64) < 2000 || w["age_ms"].(float64) > maxAge {
		t.Errorf("running worker = %v", w)
	}
	if got := keys(done); !slices.Equal(got, []string{"age_ms", "id", "kind", "name", "origin"}) || done["name"] != "scan" {
		t.Errorf("finished worker = %v; want no running key", done)
	}
	if buf["kind"] != "memory" || buf["name"] != "" || buf["age_ms"] != nil || buf["origin"] != "" {
		t.Errorf("buffer = %v; want age_ms null and empty name and origin", buf)
	}
}

// A real service with origins on: what coordinators report reaches the page.
func TestLiveService(t *testing.T) {
	svc := resource.NewManager(resource.WithOrigins(true), resource.WithLogger(nil))
	defer svc.Shutdown(context.Background())
	c := coord.New("Thumbnails_1", coord.WithService(svc))
	c.Track("cat.png", resource.Thumbnail, coord.Name("cat.png"))
	w := coord.NewWorkers("Loader_2", coord.WithService(svc))
	w.Go("load", func(ctx context.Context) error { <-ctx.Done(); return nil })

	text := body(t, get(t, resdebug.Handler(svc), http.MethodGet, "/?format=text"))
	for _, want := range []string{
		`rescoord service "*resource.Manager": 2 components, 2 live resources, 1 active worker`,
		"component Thumbnails_1 (coordinator): 1 live resource, 0 active workers",
		"component Loader_2 (workers): 1 live resource, 1 active worker",
		`"cat.png"`, `"load"`, "running", "resdebug_test.go:", "TestLiveService",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}
}

func TestRequests(t *testing.T) {
	h := resdebug.Handler(known(t))
	if r := get(t, h, http.MethodPost, "/"); r.StatusCode != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q", r.StatusCode, r.Header.Get("Allow"))
	}
	if r := get(t, h, http.MethodGet, "/?format=xml"); r.StatusCode != http.StatusBadRequest || !strings.Contains(body(t, r), `"xml"`) {
		t.Errorf("format=xml: status %d", r.StatusCode)
	}
	if r := get(t, h, http.MethodHead, "/"); r.StatusCode != http.StatusOK {
		t.Errorf("HEAD: status %d", r.StatusCode)
	}

	// A nil service is the default service, as it is at each request.
	m := resource.NewManager(resource.WithName("swapped in"))
	resource.SetDefault(m)
	defer resource.SetDefault(nil)
	if text := body(t, get(t, resdebug.Handler(nil), http.MethodGet, "/")); !strings.HasPrefix(text, `rescoord service "swapped in": 0 components`) {
		t.Errorf("Handler(nil) page:\n%s", text)
	}
}

func ExampleHandler() {
	svc := resource.NewManager(resource.WithName("app"))
	thumbs := coord.New("Thumbnails_1", coord.WithService(svc))
	thumbs.Track("a decoded image", resource.Thumbnail, coord.Name("cat.png"))

	mux := http.NewServeMux()
	mux.Handle("/debug/rescoord", resdebug.Handler(svc))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/debug/rescoord?format=json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var page struct {
		Service    string
		Components []struct {
			ID, Type  string
			Resources []struct{ Kind, Name string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range page.Components {
		fmt.Println(page.Service, c.ID, c.Type, c.Resources)
	}
	// Output:
	// app Thumbnails_1 coordinator [{thumbnail cat.png}]
}
