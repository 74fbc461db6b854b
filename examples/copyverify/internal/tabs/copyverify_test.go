package tabs_test

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

	"github.com/rescoord/rescoord/examples/copyverify/internal/copyverify"
	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/examples/copyverify/internal/tabs"
	"github.com/rescoord/rescoord/examples/copyverify/internal/uitest"
	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
)

// copyTab is a CopyVerify tab in a test window, with its widgets.
type copyTab struct {
	ui            *uitest.App
	tab           *tabs.CopyVerify
	ctrl          *copyverify.Controller
	svc           *resource.Manager
	log           *guidetest.Log
	src, dst      *widget.Entry
	start, cancel *widget.Button
	bar           *widget.ProgressBar
	list          *widget.List
}

func newCopyTab(t *testing.T) *copyTab {
	t.Helper()
	svc, log := guidetest.Service(t)
	ctrl := copyverify.NewController(controller.WithService(svc))
	ct := &copyTab{ctrl: ctrl, svc: svc, log: log}
	ct.ui = uitest.Show(t, func(w fyne.Window) fyne.CanvasObject {
		ct.tab = tabs.NewCopyVerify(ctrl, w)
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

// ended reports whether the controller's run is over and its worker
// released.
func (ct *copyTab) ended() bool {
	return !ct.ctrl.CopyVerifyRunning() && len(ct.ctrl.Workers().Live()) == 0 &&
		len(ct.ctrl.Workers().ActiveWorkers()) == 0
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
	ct.folders(src, dst)
	ct.tap(ct.start)

	guidetest.Eventually(t, "the run ends and its worker is released", ct.ended)
	if n := ct.log.Count(guidetest.Tracked); n != 1 {
		t.Errorf("%d workers tracked, want 1:\n%s", n, ct.log)
	}
	if n := ct.log.Count(guidetest.Released); n != 1 {
		t.Errorf("%d resources released, want 1:\n%s", n, ct.log)
	}
	guidetest.NoLeaks(t, ct.svc)

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
	ct.ctrl.SetRateLimit(256 << 10) // 16 s without cancel
	ct.folders(src, t.TempDir())
	ct.tap(ct.start)

	live := ct.ctrl.Workers().Live()
	if len(live) != 1 || live[0].Kind != resource.Worker || !ct.ctrl.CopyVerifyRunning() {
		t.Fatalf("after Start: live %v", live)
	}
	if v := ct.view(); v.start || !v.cancel {
		t.Error("while running, Start should be off and Cancel on")
	}
	guidetest.Eventually(t, "the progress bar moves", func() bool { return ct.view().progress > 0 })

	tapped := time.Now()
	ct.tap(ct.cancel)
	if ct.ctrl.CopyVerifyRunning() || len(ct.ctrl.Workers().Live()) != 0 {
		t.Error("the run is still tracked after Cancel")
	}
	guidetest.Eventually(t, "the cancelled worker stops", ct.ended)
	if d := time.Since(tapped); d > time.Second {
		t.Errorf("the worker took %s to stop", d)
	}
	if n := ct.log.Count(guidetest.Released); n != 1 {
		t.Errorf("%d resources released, want 1:\n%s", n, ct.log)
	}
	guidetest.NoLeaks(t, ct.svc)
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
// progress and leaves nothing behind.
func TestCopyVerifyTabCleanup(t *testing.T) {
	src := t.TempDir()
	guidetest.WriteTree(t, src, map[string]string{"big": strings.Repeat("x", 1<<20)})
	ct := newCopyTab(t)
	ct.ctrl.SetRateLimit(64 << 10)
	dst := t.TempDir()
	ct.ui.Do(func() {
		ct.tab.SetFolders(src, dst)
		ct.tab.Start()
	})
	if len(ct.ctrl.Workers().ActiveWorkers()) != 1 {
		t.Fatal("not running")
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
}
