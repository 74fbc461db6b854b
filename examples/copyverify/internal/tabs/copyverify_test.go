package tabs_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/copyverify"
	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/examples/copyverify/internal/tabs"
	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
)

// copyTab is a CopyVerify tab in a test window, with its widgets.
type copyTab struct {
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
	w := show(t, widget.NewLabel(""))
	ct.tab = tabs.NewCopyVerify(ctrl, w)
	w.SetContent(ct.tab.Content())
	t.Cleanup(func() {
		if err := ct.tab.Cleanup(); err != nil {
			t.Errorf("tab Cleanup: %v", err)
		}
	})
	root := ct.tab.Content()
	ct.src = entry(t, root, "Folder to copy")
	ct.dst = entry(t, root, "Folder to copy into")
	ct.start = button(t, root, "Start")
	ct.cancel = button(t, root, "Cancel")
	ct.bar = find[*widget.ProgressBar](t, root, "progress bar", nil)
	ct.list = find[*widget.List](t, root, "result list", nil)
	return ct
}

// ended reports whether the controller's run is over and its worker
// released.
func (ct *copyTab) ended() bool {
	return !ct.ctrl.CopyVerifyRunning() && len(ct.ctrl.Workers().Live()) == 0 &&
		len(ct.ctrl.Workers().ActiveWorkers()) == 0
}

func (ct *copyTab) status() string { return labels(ct.tab.Content()) }

func hexSum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// The guide's checks 1 and 2 through the tab: Start → worker tracked, and
// the copy's progress and results shown; finish → released.
func TestCopyVerifyTabCopies(t *testing.T) {
	files := map[string]string{"a.txt": "alpha", "sub/b.txt": "bravo", "sub/c/d.txt": strings.Repeat("d", 100000)}
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeTree(t, src, files)
	ct := newCopyTab(t)
	if ct.cancel.Disabled() == false || ct.start.Disabled() {
		t.Fatal("a new tab should offer Start, not Cancel")
	}
	test.Type(ct.src, src)
	test.Type(ct.dst, dst)
	test.Tap(ct.start)

	guidetest.Eventually(t, "the run ends and its worker is released", ct.ended)
	if n := ct.log.Count(guidetest.Tracked); n != 1 {
		t.Errorf("%d workers tracked, want 1:\n%s", n, ct.log)
	}
	if n := ct.log.Count(guidetest.Released); n != 1 {
		t.Errorf("%d resources released, want 1:\n%s", n, ct.log)
	}
	guidetest.NoLeaks(t, ct.svc)

	if ct.bar.Value != 1 {
		t.Errorf("progress bar at %v, want 1", ct.bar.Value)
	}
	rows := ct.list.Length()
	if rows != len(files) {
		t.Fatalf("%d result rows, want %d", rows, len(files))
	}
	text := strings.Join(listRows(ct.list), "\n")
	for name, data := range files {
		if !strings.Contains(text, name+" — ") || !strings.Contains(text, "sha256 "+hexSum(data)) {
			t.Errorf("results lack %s with its checksum:\n%s", name, text)
		}
		got, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name)))
		if err != nil || string(got) != data {
			t.Errorf("copy of %s: %v", name, err)
		}
	}
	if s := ct.status(); !strings.Contains(s, "3 verified") {
		t.Errorf("status does not report the run:\n%s", s)
	}
	if ct.start.Disabled() || !ct.cancel.Disabled() {
		t.Error("after the run, Start should be on and Cancel off")
	}
}

// Start → worker tracked, then the guide's check 3: cancel → cleaned up,
// promptly.
func TestCopyVerifyTabCancel(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"big": strings.Repeat("x", 2<<20)})
	ct := newCopyTab(t)
	ct.ctrl.SetRateLimit(256 << 10) // 16 s without cancel
	test.Type(ct.src, src)
	test.Type(ct.dst, t.TempDir())
	test.Tap(ct.start)

	live := ct.ctrl.Workers().Live()
	if len(live) != 1 || live[0].Kind != resource.Worker || !ct.ctrl.CopyVerifyRunning() {
		t.Fatalf("after Start: live %v", live)
	}
	if !ct.start.Disabled() || ct.cancel.Disabled() {
		t.Error("while running, Start should be off and Cancel on")
	}
	time.Sleep(200 * time.Millisecond) // well into the file

	tapped := time.Now()
	test.Tap(ct.cancel)
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
	if s := ct.status(); !strings.Contains(s, "Cancelled") {
		t.Errorf("status does not say cancelled:\n%s", s)
	}
	if ct.start.Disabled() || !ct.cancel.Disabled() {
		t.Error("after Cancel, Start should be on and Cancel off")
	}
	if v := ct.bar.Value; v <= 0 || v >= 1 {
		t.Errorf("progress bar at %v after cancelling in the middle", v)
	}
}

// Files that fail are listed with their error, and the run goes on.
func TestCopyVerifyTabErrors(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"good": "g", "sub/x": "x"})
	if err := os.Symlink("nowhere", filepath.Join(src, "link")); err != nil {
		t.Fatal(err)
	}
	// The copy of sub/x fails even for root: its folder cannot be made.
	writeTree(t, dst, map[string]string{"sub": "a file, not a folder"})
	ct := newCopyTab(t)
	test.Type(ct.src, src)
	test.Type(ct.dst, dst)
	test.Tap(ct.start)
	guidetest.Eventually(t, "the run ends", ct.ended)

	rows := strings.Join(listRows(ct.list), "\n")
	for _, want := range []string{"good — 1 B — sha256 ", "sub/x — failed: ", "not a directory", "link — skipped: not a regular file"} {
		if !strings.Contains(rows, want) {
			t.Errorf("results lack %q:\n%s", want, rows)
		}
	}
	if s := ct.status(); !strings.Contains(s, "1 verified") || !strings.Contains(s, "1 failed") || !strings.Contains(s, "1 skipped") {
		t.Errorf("status:\n%s", s)
	}
}

// A run that cannot start says why.
func TestCopyVerifyTabBadFolders(t *testing.T) {
	ct := newCopyTab(t)
	test.Type(ct.src, filepath.Join(t.TempDir(), "missing"))
	test.Type(ct.dst, t.TempDir())
	test.Tap(ct.start)
	guidetest.Eventually(t, "the run ends", ct.ended)
	if s := ct.status(); !strings.Contains(s, "Stopped: ") || !strings.Contains(s, "no such file") {
		t.Errorf("status:\n%s", s)
	}
	if ct.start.Disabled() {
		t.Error("Start is off after a failed run")
	}
}

// The tab's Cleanup, what closing the window calls, stops a run in
// progress and leaves nothing behind.
func TestCopyVerifyTabCleanup(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"big": strings.Repeat("x", 1<<20)})
	ct := newCopyTab(t)
	ct.ctrl.SetRateLimit(64 << 10)
	ct.tab.SetFolders(src, t.TempDir())
	ct.tab.Start()
	if len(ct.ctrl.Workers().ActiveWorkers()) != 1 {
		t.Fatal("not running")
	}
	if err := ct.tab.Cleanup(); err != nil {
		t.Fatal(err)
	}
	if !ct.ended() {
		t.Error("the run outlived the tab's Cleanup")
	}
	guidetest.NoLeaks(t, ct.svc)
}
