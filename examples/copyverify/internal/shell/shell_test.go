package shell_test

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/examples/copyverify/internal/legacytab"
	"github.com/rescoord/rescoord/examples/copyverify/internal/shell"
	"github.com/rescoord/rescoord/examples/copyverify/internal/uitest"
	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

func folders(t *testing.T) (src, pics string) {
	t.Helper()
	src, pics = t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "big"), make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(pics, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 300, 200))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pics, "n.txt"), []byte("note"), 0o644); err != nil {
		t.Fatal(err)
	}
	return src, pics
}

// live returns svc's live resources by kind.
func live(svc resource.Service) map[resource.Kind]int {
	m := map[resource.Kind]int{}
	for _, r := range restest.Leaks(svc) {
		m[r.Kind]++
	}
	return m
}

// The guide's check 4: closing the app leaves every component cleaned up
// and no warning, even with a copy running in each CopyVerify tab, the
// refactored and the legacy one, and previews held.
func TestCloseWindow(t *testing.T) {
	svc, log := guidetest.Service(t)
	src, pics := folders(t)
	ui := uitest.NewApp(t)
	o := shell.Options{
		Src: src, Dst: t.TempDir(), Browse: pics,
		RateLimit: 64 << 10, // 32 s: still running when the window closes
		Start:     true,
	}
	var s *shell.Shell
	ui.Do(func() {
		s = shell.New(ui, svc, o)
		s.Window().Show()
	})

	items := s.Tabs().Items
	if len(items) != 3 || items[0].Text != "CopyVerify" || items[1].Text != "Browser" || items[2].Text != "CopyVerify (legacy)" {
		t.Fatalf("tabs: %d", len(items))
	}
	comps := svc.Components()
	if len(comps) != 4 || !strings.HasPrefix(comps[0].ID, "CopyVerify_") || !strings.HasPrefix(comps[1].ID, "Browser_") ||
		comps[0].Type != "controller" || comps[1].Type != "controller" ||
		comps[2].ID != legacytab.ComponentID+"_workers" || comps[3].ID != legacytab.ComponentID || comps[3].Type != "tab" {
		t.Fatalf("components: %+v", comps)
	}
	// The legacy tab has the same folders: it copies into another one.
	legacy := items[2].Content
	dst := uitest.Entry(t, ui, legacy, "Folder to copy into")
	start := uitest.Button(t, ui, legacy, "Start")
	ui.Do(func() {
		dst.SetText(t.TempDir())
		test.Tap(start)
	})
	// Workers: a copy in each CopyVerify tab; thumbnails: the Browser's
	// preview of p.png and the legacy tab's 3 icons; memory: the preview
	// of n.txt.
	guidetest.Eventually(t, "the copies run and the previews are made", func() bool {
		k := live(svc)
		return k[resource.Worker] == 2 && k[resource.Thumbnail] == 4 && k[resource.Memory] == 1
	})
	before := restest.Leaks(svc)

	ui.Do(s.Window().Close)

	guidetest.NoLeaks(t, svc)
	if comps := svc.Components(); len(comps) != 0 {
		t.Errorf("components left after closing: %+v", comps)
	}
	if resource.Default() == resource.Service(svc) {
		t.Error("the closed service is still the process default")
	}
	for _, r := range before {
		if log.Count(guidetest.Released+" "+r.ID.String()) != 1 {
			t.Errorf("%s was not released", r)
		}
	}
	if err := s.Close(); err != nil { // again, as main does after the app quits
		t.Errorf("second Close: %v", err)
	}
	// The controllers and tabs are garbage now: give the collector's
	// safety net its chance to complain.
	s = nil
	for range 3 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
	if n := log.Count(guidetest.Collected); n != 0 {
		t.Errorf("%d components collected with active resources:\n%s", n, log)
	}
	if strings.Contains(log.String(), "level=WARN") || strings.Contains(log.String(), "level=ERROR") {
		t.Errorf("warnings logged:\n%s", log)
	}
}

// The check above would see the bad sign: a controller dropped with a live
// resource is reported by the collector.
func TestCollectedWarningIsSeen(t *testing.T) {
	svc, log := guidetest.Service(t)
	func() {
		c := &struct{ controller.Base }{}
		c.Init(c, controller.Plain, controller.WithService(svc))
		c.Resources().Track("leaked", resource.Memory)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for log.Count(guidetest.Collected) == 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if log.Count(guidetest.Collected) != 1 {
		t.Fatalf("no %q warning:\n%s", guidetest.Collected, log)
	}
}

// Closing with nothing running is clean too.
func TestCloseIdle(t *testing.T) {
	svc, log := guidetest.Service(t)
	ui := uitest.NewApp(t)
	var s *shell.Shell
	selected := 0
	ui.Do(func() {
		s = shell.New(ui, svc, shell.Options{Tab: "browse"})
		selected = s.Tabs().SelectedIndex()
	})
	if selected != 1 {
		t.Error("the Browser tab is not shown first")
	}
	ui.Do(s.Window().Close)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	guidetest.NoLeaks(t, svc)
	if len(svc.Components()) != 0 || log.Count(guidetest.Collected) != 0 {
		t.Errorf("after closing: %+v\n%s", svc.Components(), log)
	}
}
