package tabs_test

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/browser"
	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/examples/copyverify/internal/tabs"
	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
)

func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x*h/w, color.Black)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// liveKinds counts the controller's live resources by kind.
func liveKinds(c *browser.Controller) map[resource.Kind]int {
	m := map[resource.Kind]int{}
	for _, r := range c.Resources().Live() {
		m[r.Kind]++
	}
	return m
}

// cell renders the grid's cell i and returns its picture and name.
func cell(g *widget.GridWrap, i int) (*canvas.Image, string) {
	o := g.CreateItem()
	g.UpdateItem(i, o)
	c := o.(*fyne.Container)
	return c.Objects[0].(*canvas.Image), c.Objects[1].(*widget.Label).Text
}

// The Browser tab: opening a folder shows its previews, which are the
// controller's resources; opening another releases them; the tab's Cleanup
// releases the rest.
func TestBrowserTab(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, "b.png"), 400, 200)
	writePNG(t, filepath.Join(dir, "a.png"), 30, 30)
	writeTree(t, dir, map[string]string{"readme.md": "# Title\nbody\n", "z.bin": "\x00", "sub/c.txt": "c"})

	svc, log := guidetest.Service(t)
	ctrl := browser.NewController(controller.WithService(svc))
	tab := tabs.NewBrowser(ctrl)
	show(t, tab.Content())
	root := tab.Content()
	path := entry(t, root, "Folder")
	grid := find[*widget.GridWrap](t, root, "grid", nil)
	ended := func() bool { return !ctrl.LoadRunning() && liveKinds(ctrl)[resource.Worker] == 0 }

	test.Type(path, dir)
	test.Tap(button(t, root, "Open"))
	guidetest.Eventually(t, "the folder is loaded", ended)

	if n := grid.Length(); n != 5 {
		t.Fatalf("%d cells, want 5", n)
	}
	var names []string
	for i := range grid.Length() {
		img, name := cell(grid, i)
		names = append(names, name)
		if strings.HasSuffix(name, ".png") != (img.Image != nil) {
			t.Errorf("cell %s: thumbnail %v", name, img.Image != nil)
		}
		if name == "b.png" && img.Image.Bounds().Dx() != browser.ThumbSize {
			t.Errorf("b.png thumbnail is %v", img.Image.Bounds())
		}
	}
	if got := strings.Join(names, " "); got != "sub a.png b.png readme.md z.bin" {
		t.Errorf("cells %s", got)
	}
	if k := liveKinds(ctrl); k[resource.Thumbnail] != 2 || k[resource.Memory] != 1 {
		t.Errorf("live previews by kind: %v", k)
	}
	if s := labels(root); !strings.Contains(s, "5 entries, 3 previews") {
		t.Errorf("status:\n%s", s)
	}

	// Selecting a text file shows its first lines beside the grid.
	grid.Select(3)
	if s := labels(root); !strings.Contains(s, "# Title\nbody") || !strings.Contains(s, "readme.md (") {
		t.Errorf("selected readme.md, shown:\n%s", s)
	}

	// Selecting a folder opens it, and the first folder's previews go.
	released := log.Count(guidetest.Released)
	grid.Select(0)
	guidetest.Eventually(t, "sub is loaded", ended)
	if path.Text != filepath.Join(dir, "sub") || grid.Length() != 1 {
		t.Errorf("after selecting sub: path %q, %d cells", path.Text, grid.Length())
	}
	// Three previews and the worker of the second load.
	if n := log.Count(guidetest.Released) - released; n != 4 {
		t.Errorf("%d releases on opening sub, want 4:\n%s", n, log)
	}
	if k := liveKinds(ctrl); k[resource.Memory] != 1 || k[resource.Thumbnail] != 0 {
		t.Errorf("live previews in sub: %v", k)
	}

	// Up goes back.
	test.Tap(find(t, root, "up button", func(b *widget.Button) bool { return b.Text == "" && b.Icon != nil }))
	guidetest.Eventually(t, "the parent is loaded", ended)
	if path.Text != dir || grid.Length() != 5 {
		t.Errorf("after Up: path %q, %d cells", path.Text, grid.Length())
	}

	if err := tab.Cleanup(); err != nil {
		t.Fatal(err)
	}
	guidetest.NoLeaks(t, svc)
	if grid.Length() != 0 || ctrl.Previews() != 0 {
		t.Errorf("after Cleanup: %d cells, %d previews", grid.Length(), ctrl.Previews())
	}
}

// Opening a folder while another loads cancels the first load.
func TestBrowserTabOpenWhileLoading(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	for _, n := range []string{"1.png", "2.png", "3.png", "4.png", "5.png", "6.png", "7.png", "8.png"} {
		writePNG(t, filepath.Join(first, n), 2000, 2000)
	}
	writeTree(t, second, map[string]string{"only.txt": "only"})
	svc, _ := guidetest.Service(t)
	ctrl := browser.NewController(controller.WithService(svc))
	tab := tabs.NewBrowser(ctrl)
	show(t, tab.Content())
	t.Cleanup(func() {
		if err := tab.Cleanup(); err != nil {
			t.Error(err)
		}
	})
	tab.Open(first)
	tab.Open(second)
	guidetest.Eventually(t, "the loads end", func() bool {
		return !ctrl.LoadRunning() && len(ctrl.Workers().ActiveWorkers()) == 0
	})
	if ctrl.Dir() != second || ctrl.Previews() != 1 {
		t.Errorf("shown %s with %d previews", ctrl.Dir(), ctrl.Previews())
	}
	if k := liveKinds(ctrl); k[resource.Thumbnail] != 0 || k[resource.Memory] != 1 {
		t.Errorf("live: %v", k)
	}
	if grid := find[*widget.GridWrap](t, tab.Content(), "grid", nil); grid.Length() != 1 {
		t.Errorf("%d cells, want 1", grid.Length())
	}
}
