package legacytab

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/examples/copyverify/internal/uitest"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

// The tests are those of package tabs' CopyVerify tab, driving the widgets
// the same way. Where the refactored tab's tests ask its controller, these
// ask the resource service, and the tab's own fields on the UI goroutine.

// copyTab is a legacy CopyVerify tab in a test window, with its widgets.
type copyTab struct {
	ui            *uitest.App
	tab           *CopyVerify
	svc           *resource.Manager
	log           *guidetest.Log
	src, dst      *widget.Entry
	start, cancel *widget.Button
	bar           *widget.ProgressBar
	list          *widget.List
}

// newCopyTab shows a new tab, which finds the test's service as the
// process default, as the old code found its service.
func newCopyTab(t *testing.T) *copyTab {
	t.Helper()
	svc, log := guidetest.Service(t)
	resource.SetDefault(svc)
	t.Cleanup(func() { resource.SetDefault(nil) })
	ct := &copyTab{svc: svc, log: log}
	ct.ui = uitest.Show(t, func(w fyne.Window) fyne.CanvasObject {
		ct.tab = NewCopyVerify(w)
		return ct.tab.Content()
	})
	t.Cleanup(func() {
		var err error
		ct.ui.Do(func() { err = ct.tab.Cleanup() })
		if err != nil {
			t.Errorf("tab Cleanup: %v", err)
		}
	})
	root := ct.tab.Content()
	ct.src = uitest.Entry(t, ct.ui, root, "Folder to copy")
	ct.dst = uitest.Entry(t, ct.ui, root, "Folder to copy into")
	ct.start = uitest.Button(t, ct.ui, root, "Start")
	ct.cancel = uitest.Button(t, ct.ui, root, "Cancel")
	ct.bar = uitest.Find[*widget.ProgressBar](t, ct.ui, root, "progress bar", nil)
	ct.list = uitest.Find[*widget.List](t, ct.ui, root, "result list", nil)
	return ct
}

// folders types the folders into the tab's fields.
func (ct *copyTab) folders(src, dst string) {
	ct.ui.Do(func() {
		test.Type(ct.src, src)
		test.Type(ct.dst, dst)
	})
}

func (ct *copyTab) tap(b *widget.Button) { ct.ui.Do(func() { test.Tap(b) }) }

// live returns the service's live resources of kind k.
func (ct *copyTab) live(k resource.Kind) []resource.Info {
	var out []resource.Info
	for _, r := range restest.Leaks(ct.svc) {
		if r.Kind == k {
			out = append(out, r)
		}
	}
	return out
}

// ended reports whether the copy is over: its goroutine has returned, the
// tab has seen it end, and its worker is released.
func (ct *copyTab) ended() bool {
	var seen bool
	ct.ui.Do(func() { seen = ct.tab.worker == nil && ct.tab.workerResourceID.IsZero() })
	return seen && len(ct.live(resource.Worker)) == 0
}

// view is what the tab shows.
type view struct {
	labels        string
	rows          []string
	progress      float64
	start, cancel bool // enabled
}

func (ct *copyTab) view() view {
	var v view
	ct.ui.Do(func() {
		v = view{uitest.Labels(ct.tab.Content()), uitest.ListRows(ct.list), ct.bar.Value, !ct.start.Disabled(), !ct.cancel.Disabled()}
	})
	return v
}

func hexSum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// The guide's checks 1 and 2 through the tab: Start → worker tracked, and
// the copy's progress and results shown; finish → released.
func TestCopyVerifyTabCopies(t *testing.T) {
	files := map[string]string{"a.txt": "alpha", "sub/b.txt": "bravo", "sub/c/d.txt": strings.Repeat("d", 100000)}
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	guidetest.WriteTree(t, src, files)
	ct := newCopyTab(t)
	if v := ct.view(); !v.start || v.cancel {
		t.Fatal("a new tab should offer Start, not Cancel")
	}
	if n := len(ct.live(resource.Thumbnail)); n != 3 {
		t.Errorf("%d icons tracked, want 3", n)
	}
	ct.folders(src, dst)
	ct.tap(ct.start)

	guidetest.Eventually(t, "the run ends and its worker is released", ct.ended)
	if n := ct.log.Count(guidetest.Tracked); n != 1 {
		t.Errorf("%d workers tracked, want 1:\n%s", n, ct.log)
	}
	if n := ct.log.Count(guidetest.Released); n != 1 {
		t.Errorf("%d resources released, want 1:\n%s", n, ct.log)
	}

	v := ct.view()
	if v.progress != 1 {
		t.Errorf("progress bar at %v, want 1", v.progress)
	}
	if len(v.rows) != len(files) {
		t.Fatalf("%d result rows, want %d", len(v.rows), len(files))
	}
	text := strings.Join(v.rows, "\n")
	for name, data := range files {
		if !strings.Contains(text, name+" — ") || !strings.Contains(text, "sha256 "+hexSum(data)) {
			t.Errorf("results lack %s with its checksum:\n%s", name, text)
		}
		got, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name)))
		if err != nil || string(got) != data {
			t.Errorf("copy of %s: %v", name, err)
		}
	}
	if !strings.Contains(v.labels, "3 verified") {
		t.Errorf("status does not report the run:\n%s", v.labels)
	}
	if !v.start || v.cancel {
		t.Error("after the run, Start should be on and Cancel off")
	}
}

// Start → worker tracked, then the guide's check 3: cancel → cleaned up,
// promptly.
func TestCopyVerifyTabCancel(t *testing.T) {
	src := t.TempDir()
	guidetest.WriteTree(t, src, map[string]string{"big": strings.Repeat("x", 2<<20)})
	ct := newCopyTab(t)
	ct.ui.Do(func() { ct.tab.SetRateLimit(256 << 10) }) // 16 s without cancel
	ct.folders(src, t.TempDir())
	ct.tap(ct.start)

	live := ct.live(resource.Worker)
	if len(live) != 1 || !live[0].Running || live[0].Component != ComponentID+"_workers" {
		t.Fatalf("after Start: live workers %v", live)
	}
	if v := ct.view(); v.start || !v.cancel {
		t.Error("while running, Start should be off and Cancel on")
	}
	guidetest.Eventually(t, "the progress bar moves", func() bool { return ct.view().progress > 0 })

	tapped := time.Now()
	ct.tap(ct.cancel)
	if n := len(ct.live(resource.Worker)); n != 0 {
		t.Errorf("%d workers still tracked after Cancel", n)
	}
	guidetest.Eventually(t, "the cancelled worker stops", ct.ended)
	if d := time.Since(tapped); d > time.Second {
		t.Errorf("the worker took %s to stop", d)
	}
	if n := ct.log.Count(guidetest.Released); n != 1 {
		t.Errorf("%d resources released, want 1:\n%s", n, ct.log)
	}
	v := ct.view()
	if !strings.Contains(v.labels, "Cancelled") {
		t.Errorf("status does not say cancelled:\n%s", v.labels)
	}
	if !v.start || v.cancel {
		t.Error("after Cancel, Start should be on and Cancel off")
	}
	if v.progress <= 0 || v.progress >= 1 {
		t.Errorf("progress bar at %v after cancelling in the middle", v.progress)
	}
}

// Files that fail are listed with their error, and the run goes on.
func TestCopyVerifyTabErrors(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	guidetest.WriteTree(t, src, map[string]string{"good": "g", "sub/x": "x"})
	if err := os.Symlink("nowhere", filepath.Join(src, "link")); err != nil {
		t.Fatal(err)
	}
	// The copy of sub/x fails even for root: its folder cannot be made.
	guidetest.WriteTree(t, dst, map[string]string{"sub": "a file, not a folder"})
	ct := newCopyTab(t)
	ct.folders(src, dst)
	ct.tap(ct.start)
	guidetest.Eventually(t, "the run ends", ct.ended)

	v := ct.view()
	rows := strings.Join(v.rows, "\n")
	for _, want := range []string{"good — 1 B — sha256 ", "sub/x — failed: ", "not a directory", "link — skipped: not a regular file"} {
		if !strings.Contains(rows, want) {
			t.Errorf("results lack %q:\n%s", want, rows)
		}
	}
	if s := v.labels; !strings.Contains(s, "1 verified") || !strings.Contains(s, "1 failed") || !strings.Contains(s, "1 skipped") {
		t.Errorf("status:\n%s", s)
	}
}

// A run that cannot start says why.
func TestCopyVerifyTabBadFolders(t *testing.T) {
	ct := newCopyTab(t)
	ct.folders(filepath.Join(t.TempDir(), "missing"), t.TempDir())
	ct.tap(ct.start)
	guidetest.Eventually(t, "the run ends", ct.ended)
	v := ct.view()
	if !strings.Contains(v.labels, "Stopped: ") || !strings.Contains(v.labels, "no such file") {
		t.Errorf("status:\n%s", v.labels)
	}
	if !v.start {
		t.Error("Start is off after a failed run")
	}
}

// The tab's Cleanup, what closing the window calls, stops a run in
// progress, releases its icons, unregisters the tab and its coordinator,
// and leaves nothing behind.
func TestCopyVerifyTabCleanup(t *testing.T) {
	src := t.TempDir()
	guidetest.WriteTree(t, src, map[string]string{"big": strings.Repeat("x", 1<<20)})
	ct := newCopyTab(t)
	dst := t.TempDir()
	ct.ui.Do(func() {
		ct.tab.SetRateLimit(64 << 10)
		ct.tab.SetFolders(src, dst)
		ct.tab.Start()
	})
	if n := len(ct.live(resource.Worker)); n != 1 {
		t.Fatalf("%d workers running, want 1", n)
	}
	if n := len(ct.svc.Components()); n != 2 {
		t.Errorf("%d components registered, want the tab and its coordinator", n)
	}
	var err error
	ct.ui.Do(func() { err = ct.tab.Cleanup() })
	if err != nil {
		t.Fatal(err)
	}
	if !ct.ended() {
		t.Error("the run outlived the tab's Cleanup")
	}
	guidetest.NoLeaks(t, ct.svc)
	if comps := ct.svc.Components(); len(comps) != 0 {
		t.Errorf("components left after Cleanup: %+v", comps)
	}
	if n := ct.log.Count(guidetest.Released); n != 4 {
		t.Errorf("%d resources released, want the worker and 3 icons:\n%s", n, ct.log)
	}
}

// If the tab does not clean up, the service's shutdown runs the cleanup it
// registered: the old code's safety net.
func TestCopyVerifyTabShutdown(t *testing.T) {
	src := t.TempDir()
	guidetest.WriteTree(t, src, map[string]string{"big": strings.Repeat("x", 1<<20)})
	ct := newCopyTab(t)
	ct.ui.Do(func() {
		ct.tab.SetRateLimit(64 << 10)
		ct.tab.SetFolders(src, t.TempDir())
		ct.tab.Start()
	})
	var err error
	ct.ui.Do(func() { err = ct.svc.Shutdown(t.Context()) })
	if err != nil {
		t.Fatal(err)
	}
	if !ct.ended() {
		t.Error("the run outlived the service's shutdown")
	}
	guidetest.NoLeaks(t, ct.svc)
}
