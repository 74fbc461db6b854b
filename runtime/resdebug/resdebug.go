// Package resdebug serves a debug page that shows what a resource service
// holds, in the manner of net/http/pprof and expvar: every component (its
// ID and type), its live resources (ID, kind, name, age and, when the
// service records origins, where each was tracked) and its active workers.
//
// Mount it where the application serves its other debug pages, on a
// listener that only operators can reach:
//
//	mux.Handle("/debug/rescoord", resdebug.Handler(svc))
//
// The page is plain text by default and JSON with ?format=json:
//
//	{"service": "default",
//	 "components": [{"id": "CopyVerifyController_1", "type": "controller",
//	   "resources": [{"id": "…", "kind": "worker", "name": "CopyVerify 15:04:05",
//	     "age_ms": 2100, "origin": "copy.go:42 tabs.(*Tab).start", "running": true}]}]}
//
// age_ms is null when the age is not known (resources other than workers
// record when they were tracked only when the service records origins),
// origin is "" when the service does not record origins, and running is
// present, and true, for workers that have not returned.
//
// It is a package of its own so that the runtime's core does not import
// net/http. Together with the goroutine profile of net/http/pprof, whose
// goroutines the runtime labels with their service, component and worker,
// it is how to find a leak in a running program; see docs/runtime.md.
package resdebug

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rescoord/rescoord/runtime/internal/labels"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Handler returns a handler that serves the debug page of s, or of
// [resource.Default] (as it is at each request) if s is nil. It answers GET
// and HEAD requests; the query parameter format selects "text" (the
// default) or "json".
func Handler(s resource.Service) http.Handler {
	return handler{s}
}

type handler struct{ s resource.Service }

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "resdebug: method not allowed", http.StatusMethodNotAllowed)
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "text" && format != "json" {
		http.Error(w, fmt.Sprintf("resdebug: unknown format %q (want text or json)", format), http.StatusBadRequest)
		return
	}
	s := h.s
	if s == nil {
		s = resource.Default()
	}
	p := snapshot(s, time.Now())
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	if format == "json" {
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(p) // an error here is the client's going away
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	p.writeText(w)
}

// page is what the page shows, in the shape of its JSON form.
type page struct {
	Service    string      `json:"service"`
	Components []component `json:"components"`
}

type component struct {
	ID        string `json:"id"`
	Type      string `json:"type"`
	Resources []live `json:"resources"`
}

type live struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	AgeMS   *int64 `json:"age_ms"` // nil: not known
	Origin  string `json:"origin"`
	Running bool   `json:"running,omitempty"`
}

func snapshot(s resource.Service, now time.Time) page {
	p := page{Service: labels.ServiceName(s), Components: []component{}}
	for _, c := range s.Components() {
		pc := component{ID: c.ID, Type: c.Type, Resources: make([]live, 0, len(c.Live))}
		for _, i := range c.Live {
			l := live{ID: i.ID.String(), Kind: i.Kind.String(), Name: i.Name, Origin: i.Origin, Running: i.Running}
			if !i.Tracked.IsZero() {
				ms := max(now.Sub(i.Tracked), 0).Milliseconds()
				l.AgeMS = &ms
			}
			pc.Resources = append(pc.Resources, l)
		}
		p.Components = append(p.Components, pc)
	}
	return p
}

func (p page) writeText(w io.Writer) {
	var resources, workers int
	for _, c := range p.Components {
		resources += len(c.Resources)
		workers += c.running()
	}
	fmt.Fprintf(w, "rescoord service %q: %s, %s, %s\n", p.Service,
		count(len(p.Components), "component"), count(resources, "live resource"), count(workers, "active worker"))
	for _, c := range p.Components {
		fmt.Fprintf(w, "\ncomponent %s (%s): ", c.ID, c.Type)
		if len(c.Resources) == 0 {
			fmt.Fprintln(w, "no live resources")
			continue
		}
		fmt.Fprintf(w, "%s, %s\n", count(len(c.Resources), "live resource"), count(c.running(), "active worker"))
		var table bytes.Buffer
		tw := tabwriter.NewWriter(&table, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tNAME\tAGE\tSTATE\tORIGIN")
		for _, l := range c.Resources {
			age, state := "-", ""
			if l.AgeMS != nil {
				age = (time.Duration(*l.AgeMS) * time.Millisecond).String()
			}
			switch {
			case l.Running:
				state = "running"
			case l.Kind == resource.Worker.String():
				state = "finished" // and not released yet
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.ID, l.Kind, quote(l.Name), age, state, l.Origin)
		}
		tw.Flush()
		for line := range strings.Lines(table.String()) {
			fmt.Fprintf(w, "\t%s", strings.TrimRight(line, " \n")+"\n")
		}
	}
}

func (c component) running() int {
	n := 0
	for _, l := range c.Resources {
		if l.Running {
			n++
		}
	}
	return n
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// quote quotes a name for the text table, where it may hold spaces; an
// empty name is "-".
func quote(name string) string {
	if name == "" {
		return "-"
	}
	return fmt.Sprintf("%q", name)
}
