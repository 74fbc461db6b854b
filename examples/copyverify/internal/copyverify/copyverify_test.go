package copyverify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
)

// tree writes files (slash-separated path → content) under a new temporary
// folder and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// recorder collects the events of runs.
type recorder struct {
	mu       sync.Mutex
	progress []Progress
	results  []Result
	done     chan Summary
	// gate, when set, holds the run in its first Progress event until it
	// is closed, so that a test can look at a run in progress.
	gate    chan struct{}
	waiting chan struct{} // closed when the run reaches the gate
	once    sync.Once
}

func newRecorder(gated bool) *recorder {
	r := &recorder{done: make(chan Summary, 1), waiting: make(chan struct{})}
	if gated {
		r.gate = make(chan struct{})
	}
	return r
}

func (r *recorder) events() Events {
	return Events{
		Progress: func(p Progress) {
			r.mu.Lock()
			r.progress = append(r.progress, p)
			r.mu.Unlock()
			r.once.Do(func() {
				close(r.waiting)
				if r.gate != nil {
					<-r.gate
				}
			})
		},
		Result: func(res Result) {
			r.mu.Lock()
			r.results = append(r.results, res)
			r.mu.Unlock()
		},
		Done: func(s Summary) { r.done <- s },
	}
}

func (r *recorder) wait(t *testing.T) Summary {
	t.Helper()
	select {
	case s := <-r.done:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("the run did not end")
		return Summary{}
	}
}

func (r *recorder) byPath() map[string]Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := map[string]Result{}
	for _, res := range r.results {
		m[res.Path] = res
	}
	return m
}

// ended reports whether c's run is over: the operation is not running and
// its worker has stopped and been released. (The operation stops counting
// as running as soon as its method returns, a moment before the worker is
// released.)
func ended(c *Controller) func() bool {
	return func() bool {
		return !c.CopyVerifyRunning() && len(c.Workers().Live()) == 0 && len(c.Workers().ActiveWorkers()) == 0
	}
}

func newController(t *testing.T) (*Controller, *resource.Manager, *guidetest.Log) {
	t.Helper()
	return guidetest.Controller(t, NewController)
}

// The guide's checks 1 and 2: start → worker tracked, finish → released;
// and the copy is real and verified.
func TestCopyVerify(t *testing.T) {
	big := string(bytes.Repeat([]byte("0123456789abcdef"), 3*chunkSize/16+7)) // several chunks
	files := map[string]string{
		"a.txt":         "alpha",
		"empty":         "",
		"sub/b.bin":     big,
		"sub/deep/c.md": "# c\n",
	}
	src := tree(t, files)
	dst := filepath.Join(t.TempDir(), "copy")
	c, svc, log := newController(t)
	rec := newRecorder(true)
	c.SetEvents(rec.events())

	id, err := c.StartCopyVerify(Params{Src: src, Dst: dst})
	if err != nil {
		t.Fatal(err)
	}
	<-rec.waiting
	// Start → worker tracked.
	live := c.Workers().Live()
	if len(live) != 1 || live[0].ID != id || live[0].Kind != resource.Worker || !live[0].Running {
		t.Fatalf("live resources while running: %v", live)
	}
	if _, ok := c.Workers().ActiveWorkers()[id]; !ok || !c.CopyVerifyRunning() {
		t.Fatal("the run is not an active worker")
	}
	if log.Count(guidetest.Tracked+" "+id.String()) != 1 {
		t.Errorf("log lacks %q for %s:\n%s", guidetest.Tracked, id, log)
	}
	if _, err := c.StartCopyVerify(Params{Src: src, Dst: dst}); !errors.Is(err, controller.ErrBusy) {
		t.Errorf("second start: %v, want ErrBusy", err)
	}
	close(rec.gate)

	s := rec.wait(t)
	if s.Err != nil || s.OK != len(files) || s.Failed+s.Mismatched+s.Skipped != 0 {
		t.Fatalf("summary %+v", s)
	}
	if want := int64(5 + len(big) + 4); s.Bytes != want {
		t.Errorf("summary bytes %d, want %d", s.Bytes, want)
	}
	// Finish → released.
	guidetest.Eventually(t, "the worker is released", ended(c))
	if log.Count(guidetest.Released+" "+id.String()) != 1 {
		t.Errorf("log lacks %q for %s:\n%s", guidetest.Released, id, log)
	}
	guidetest.NoLeaks(t, svc)

	got := rec.byPath()
	for name, data := range files {
		res := got[name]
		if res.Status != OK || res.Sum != sum(data) || res.Size != int64(len(data)) || res.Err != nil {
			t.Errorf("result for %s: %+v", name, res)
		}
		copied, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name)))
		if err != nil || string(copied) != data {
			t.Errorf("copy of %s: %d bytes, %v", name, len(copied), err)
		}
	}
	last := rec.progress[len(rec.progress)-1]
	if last.Files != len(files) || last.TotalFiles != len(files) || last.Fraction() != 1 {
		t.Errorf("last progress %+v", last)
	}
	for i := 1; i < len(rec.progress); i++ {
		if rec.progress[i].Bytes < rec.progress[i-1].Bytes {
			t.Fatalf("progress went back: %+v after %+v", rec.progress[i], rec.progress[i-1])
		}
	}

	// The controller runs again after a run, and a finished run leaves
	// nothing to cancel.
	if err := c.CancelCopyVerify(); err != nil {
		t.Errorf("cancel after the end: %v", err)
	}
	rec2 := newRecorder(false)
	c.SetEvents(rec2.events())
	if _, err := c.StartCopyVerify(Params{Src: src, Dst: dst}); err != nil {
		t.Fatal(err)
	}
	if s := rec2.wait(t); s.Err != nil || s.OK != len(files) {
		t.Errorf("second run: %+v", s)
	}
}

// The guide's check 3: cancel → cleaned up, promptly, and the partial copy
// removed.
func TestCancel(t *testing.T) {
	src := tree(t, map[string]string{"big": string(make([]byte, 4<<20))})
	dst := t.TempDir()
	c, svc, log := newController(t)
	c.SetRateLimit(256 << 10) // 32 s for the whole run
	rec := newRecorder(false)
	c.SetEvents(rec.events())
	id, err := c.StartCopyVerify(Params{Src: src, Dst: dst})
	if err != nil {
		t.Fatal(err)
	}
	<-rec.waiting
	time.Sleep(100 * time.Millisecond) // into the file
	start := time.Now()
	if err := c.CancelCopyVerify(); err != nil {
		t.Fatal(err)
	}
	if c.CopyVerifyRunning() {
		t.Error("running after cancel")
	}
	if live := c.Workers().Live(); len(live) != 0 {
		t.Errorf("still tracked after cancel: %v", live)
	}
	s := rec.wait(t)
	guidetest.Eventually(t, "the cancelled worker stops", func() bool { return len(c.Workers().ActiveWorkers()) == 0 })
	if d := time.Since(start); d > time.Second {
		t.Errorf("the run took %s to stop after cancel", d)
	}
	if !errors.Is(s.Err, context.Canceled) || s.OK != 0 {
		t.Errorf("summary after cancel: %+v", s)
	}
	if _, err := os.Stat(filepath.Join(dst, "big")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("partial copy left behind: %v", err)
	}
	if log.Count(guidetest.Released+" "+id.String()) != 1 {
		t.Errorf("log lacks %q for %s:\n%s", guidetest.Released, id, log)
	}
	guidetest.NoLeaks(t, svc)
}

// Cleanup with a run in progress cancels it, waits for it and releases
// everything: what closing a tab does.
func TestCleanupStopsTheRun(t *testing.T) {
	src := tree(t, map[string]string{"big": string(make([]byte, 1<<20))})
	c, svc, _ := newController(t)
	c.SetRateLimit(64 << 10)
	rec := newRecorder(false)
	c.SetEvents(rec.events())
	if _, err := c.StartCopyVerify(Params{Src: src, Dst: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	<-rec.waiting
	if err := c.Cleanup(); err != nil {
		t.Fatal(err)
	}
	if n := len(c.Workers().ActiveWorkers()); n != 0 {
		t.Errorf("%d workers still running after Cleanup", n)
	}
	if c.CopyVerifyRunning() {
		t.Error("the operation still counts as running after Cleanup")
	}
	guidetest.NoLeaks(t, svc)
	if s := rec.wait(t); !errors.Is(s.Err, context.Canceled) {
		t.Errorf("summary: %+v", s)
	}
}

// Files that cannot be read are reported in the results, and the run goes
// on with the others.
func TestErrorsAreReported(t *testing.T) {
	src := tree(t, map[string]string{"a/first": "1", "b/gone": "2", "c/last": "3"})
	if err := os.Symlink("nowhere", filepath.Join(src, "link")); err != nil {
		t.Fatal(err)
	}
	fifo := mkfifo(filepath.Join(src, "fifo")) == nil
	unreadable := false
	if os.Geteuid() != 0 && runtime.GOOS != "windows" { // root reads anything
		os.WriteFile(filepath.Join(src, "secret"), []byte("s"), 0o000)
		unreadable = true
	}
	c, _, _ := newController(t)
	rec := newRecorder(true)
	c.SetEvents(rec.events())
	if _, err := c.StartCopyVerify(Params{Src: src, Dst: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	<-rec.waiting // scanned, not copied yet: make one file vanish
	if err := os.Remove(filepath.Join(src, "b", "gone")); err != nil {
		t.Fatal(err)
	}
	close(rec.gate)
	s := rec.wait(t)
	if s.Err != nil || s.OK != 2 {
		t.Errorf("summary %+v", s)
	}
	got := rec.byPath()
	if r := got["b/gone"]; r.Status != Failed || !errors.Is(r.Err, fs.ErrNotExist) {
		t.Errorf("vanished file: %+v", r)
	}
	if r := got["link"]; r.Status != Skipped || r.Err == nil {
		t.Errorf("symbolic link: %+v", r)
	}
	if r, ok := got["fifo"]; fifo && (!ok || r.Status != Skipped) {
		t.Errorf("named pipe: %+v", r)
	}
	if r := got["secret"]; unreadable && (r.Status != Failed || !errors.Is(r.Err, fs.ErrPermission)) {
		t.Errorf("unreadable file: %+v", r)
	}
	var paths []string
	for p, r := range got {
		if r.Status == OK {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	if len(paths) != 2 || paths[0] != "a/first" || paths[1] != "c/last" {
		t.Errorf("copied %v", paths)
	}
	guidetest.Eventually(t, "the run ends", ended(c))
}

// Runs that cannot start report why in their summary.
func TestBadParams(t *testing.T) {
	src := tree(t, map[string]string{"f": "x"})
	for _, tc := range []struct {
		name string
		p    Params
	}{
		{"no source", Params{Dst: t.TempDir()}},
		{"missing source", Params{Src: filepath.Join(src, "missing"), Dst: t.TempDir()}},
		{"source is a file", Params{Src: filepath.Join(src, "f"), Dst: t.TempDir()}},
		{"destination inside the source", Params{Src: src, Dst: filepath.Join(src, "copy")}},
		{"destination is the source", Params{Src: src, Dst: src}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, svc, _ := newController(t)
			rec := newRecorder(false)
			c.SetEvents(rec.events())
			if _, err := c.StartCopyVerify(tc.p); err != nil {
				t.Fatal(err)
			}
			if s := rec.wait(t); s.Err == nil || s.OK != 0 {
				t.Errorf("summary %+v", s)
			}
			guidetest.Eventually(t, "the run ends", ended(c))
			guidetest.NoLeaks(t, svc)
		})
	}
	if _, err := os.Stat(filepath.Join(src, "copy")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a copy into the source was started")
	}
}

// A copy over the source's own ancestor is fine: the destination is not
// inside the source.
func TestCheckParams(t *testing.T) {
	for _, tc := range []struct {
		src, dst string
		ok       bool
	}{
		{"/a/b", "/a/c", true},
		{"/a/b", "/a", true},
		{"/a/b", "/a/b..c", true},
		{"/a/b", "/a/b/..c", false},
		{"/a/b", "/a/b/c", false},
		{"/a/b", "/a/b", false},
	} {
		rel, err := filepath.Rel(tc.src, tc.dst)
		if err != nil {
			t.Fatal(err)
		}
		inside := insideOrSame(rel)
		if inside == tc.ok {
			t.Errorf("%s → %s: inside=%v", tc.src, tc.dst, inside)
		}
	}
}

func TestStatusString(t *testing.T) {
	for s, want := range map[Status]string{OK: "ok", Mismatch: "mismatch", Failed: "failed", Skipped: "skipped", 9: "Status(9)"} {
		if s.String() != want {
			t.Errorf("%d: %q", int(s), s.String())
		}
	}
}

func TestProgressFraction(t *testing.T) {
	for _, tc := range []struct {
		p    Progress
		want float64
	}{
		{Progress{}, 1},
		{Progress{TotalFiles: 2, Files: 1}, 0.5},
		{Progress{TotalBytes: 4, Bytes: 1, TotalFiles: 1}, 0.25},
	} {
		if got := tc.p.Fraction(); got != tc.want {
			t.Errorf("%+v: %v, want %v", tc.p, got, tc.want)
		}
	}
}
