package restest

import (
	"bytes"
	"context"
	"fmt"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/pprof/profile"

	"github.com/rescoord/rescoord/runtime/internal/labels"
)

// DefaultGoroutineGrace is how long the goroutine check at the end of a test
// waits, by default, for goroutines that are still finishing (a worker's
// child that has seen its context cancelled and is on its way out) before
// it reports them. Like goleak's retries, it is only spent when a goroutine
// is there to wait for: a test that leaves none pays one look at the
// goroutine profile. [SetGoroutineGrace] changes it for one test.
const DefaultGoroutineGrace = time.Second

// SkipGoroutineCheck turns off the goroutine check of every service
// [NewService] makes for t, for a test that means to leave a goroutine
// running. Resource leaks are still reported. It may be called before or
// after NewService.
func SkipGoroutineCheck(t testing.TB) {
	s := settingsOf(t)
	s.mu.Lock()
	s.skip = true
	s.mu.Unlock()
}

// SetGoroutineGrace sets how long the goroutine check of t waits for
// goroutines that are finishing; the default is [DefaultGoroutineGrace]. With
// 0 the check looks once. It may be called before or after [NewService].
func SetGoroutineGrace(t testing.TB, d time.Duration) {
	s := settingsOf(t)
	s.mu.Lock()
	s.grace = max(d, 0)
	s.mu.Unlock()
}

// settings is the goroutine check's configuration for one test.
type settings struct {
	mu    sync.Mutex
	skip  bool
	grace time.Duration
}

// perTest maps each testing.TB that has settings to them, until it ends.
var perTest sync.Map

func settingsOf(t testing.TB) *settings {
	if s, ok := perTest.Load(t); ok {
		return s.(*settings)
	}
	s := &settings{grace: DefaultGoroutineGrace}
	if prev, loaded := perTest.LoadOrStore(t, s); loaded {
		return prev.(*settings)
	}
	t.Cleanup(func() { perTest.CompareAndDelete(t, s) })
	return s
}

func (s *settings) get() (skip bool, grace time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.skip, s.grace
}

// tests numbers the services NewService makes, so that each test's label
// is unique even when tests share a name (-count, fakes).
var tests atomic.Uint64

// testLabel returns the value of the rescoord.test label, and the service
// name, for a new service of t.
func testLabel(t testing.TB) string {
	return fmt.Sprintf("%s (%d)", t.Name(), tests.Add(1))
}

// labelTest gives the calling goroutine, the test's, the label test alone:
// every goroutine it starts from now on inherits it.
func labelTest(test string) {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels(labels.Test, test)))
}

// unlabel takes the labels off the calling goroutine, so that neither it
// nor what it starts from now on counts as the test's.
func unlabel() { pprof.SetGoroutineLabels(context.Background()) }

// goroutineCheck finds the goroutines of one test: those that carry its
// test label or its service's name.
type goroutineCheck struct {
	test    string // the value of the rescoord.test label
	service string // the value of the rescoord.service label
}

// A stray is a group of goroutines of the test still running: the
// goroutine profile groups those with the same stack and labels.
type stray struct {
	count     int64
	top       string   // the first function outside package runtime; "" if it has not started
	stack     []string // its frames, "function\n\tfile:line", innermost first from top
	component string   // the rescoord labels, where the goroutine has them
	worker    string
	fromTest  bool // it descends from the test's goroutine
}

// run reports to t, after waiting up to grace for them to end, the
// goroutines of the test still running.
func (c goroutineCheck) run(t testing.TB, grace time.Duration) {
	t.Helper()
	start := time.Now()
	deadline := start.Add(grace)
	pause := time.Millisecond
	for {
		strays, err := c.strays()
		if err != nil {
			t.Errorf("restest: cannot check for stray goroutines: %v", err)
			return
		}
		if len(strays) == 0 {
			return
		}
		left := time.Until(deadline)
		if left <= 0 && notStarted(strays) && -left < startWait {
			// A goroutine the scheduler has not run yet has no function
			// to name: give it a moment to start, so the report can.
			left = startWait + left
		}
		if left <= 0 {
			t.Errorf("restest: %s still running %s after the test:\n%s",
				plural(total(strays), "goroutine"), time.Since(start).Round(time.Millisecond), formatStrays(strays))
			return
		}
		time.Sleep(min(pause, left))
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// startWait bounds how long past the grace period the check waits for
// goroutines that have not started yet.
const startWait = 100 * time.Millisecond

// notStarted reports whether some of strays have not started running.
func notStarted(strays []stray) bool {
	return slices.ContainsFunc(strays, func(s stray) bool { return s.top == "" })
}

// strays reads the goroutine profile and returns the test's goroutines.
//
// The profile is read in its protocol buffer form (runtime/pprof's debug=0,
// the format go tool pprof reads) with github.com/google/pprof/profile: it
// is the form whose labels are part of the documented format, and the
// library resolves inlined frames into functions, files and lines.
func (c goroutineCheck) strays() ([]stray, error) {
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 0); err != nil {
		return nil, err
	}
	p, err := profile.Parse(&buf)
	if err != nil {
		return nil, err
	}
	var out []stray
	index := make(map[string]int) // the profile may split a group: merge it
	for _, s := range p.Sample {
		fromTest := slices.Contains(s.Label[labels.Test], c.test)
		if !fromTest && !slices.Contains(s.Label[labels.Service], c.service) {
			continue
		}
		st := stray{count: 1, fromTest: fromTest}
		if len(s.Value) > 0 {
			st.count = s.Value[0]
		}
		st.component = first(s.Label[labels.Component])
		st.worker = first(s.Label[labels.Worker])
		var frames []profile.Line
		for _, loc := range s.Location {
			frames = append(frames, loc.Line...) // innermost first, inlined calls included
		}
		skip := 0
		for skip < len(frames) && isRuntime(frames[skip]) {
			skip++
		}
		if skip == len(frames) {
			skip = 0
		}
		for _, f := range frames[skip:] {
			name, file := "?", "?"
			if f.Function != nil {
				name, file = f.Function.Name, f.Function.Filename
			}
			st.stack = append(st.stack, fmt.Sprintf("%s\n\t%s:%d", name, file, f.Line))
			if st.top == "" {
				st.top = name
			}
		}
		key := fmt.Sprint(st.component, "\x00", st.worker, "\x00", st.fromTest, "\x00", st.stack)
		if i, ok := index[key]; ok {
			out[i].count += st.count
			continue
		}
		index[key] = len(out)
		out = append(out, st)
	}
	return out, nil
}

// isRuntime reports whether f is in package runtime, whose frames (gopark,
// chanrecv, ...) say how a goroutine waits, not what it is.
func isRuntime(f profile.Line) bool {
	return f.Function != nil && strings.HasPrefix(f.Function.Name, "runtime.")
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func total(ss []stray) int64 {
	var n int64
	for _, s := range ss {
		n += s.count
	}
	return n
}

func plural(n int64, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// formatStrays lists the strays, each with its top function, whose it is
// and its stack.
func formatStrays(ss []stray) string {
	var b strings.Builder
	for _, s := range ss {
		if s.top != "" {
			fmt.Fprintf(&b, "\t%s in %s", plural(s.count, "goroutine"), s.top)
		} else {
			fmt.Fprintf(&b, "\t%s not started yet", plural(s.count, "goroutine"))
		}
		switch {
		case s.component != "" && s.worker != "":
			fmt.Fprintf(&b, ", of worker %q of component %s", s.worker, s.component)
		case s.component != "":
			fmt.Fprintf(&b, ", of component %s", s.component)
		case s.fromTest:
			b.WriteString(", started by the test")
		}
		b.WriteString(":\n")
		for _, f := range s.stack {
			fmt.Fprintf(&b, "\t\t%s\n", strings.ReplaceAll(f, "\n", "\n\t\t"))
		}
	}
	return b.String()
}
