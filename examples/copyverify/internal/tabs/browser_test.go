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
	"github.com/rescoord/rescoord/examples/copyverify/internal/uitest"
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

// browserTab is a Browser tab in a test window, with its widgets.
type browserTab struct {
	ui   *uitest.App
	tab  *tabs.Browser
	ctrl *browser.Controller
	svc  *resource.Manager
	log  *guidetest.Log
	path *widget.Entry
	grid *widget.GridWrap
}

func newBrowserTab(t *testing.T) *browserTab {
	t.Helper()
	svc, log := guidetest.Service(t)
	bt := &browserTab{ctrl: browser.NewController(controller.WithService(svc)), svc: svc, log: log}
	bt.ui = uitest.Show(t, func(fyne.Window) fyne.CanvasObject {
		bt.tab = tabs.NewBrowser(bt.ctrl)
		return bt.tab.Content()
	})
	t.Cleanup(func() {
		var err error
		bt.ui.Do(func() { err = bt.tab.Cleanup() })
		if err != nil {
			t.Errorf("tab Cleanup: %v", err)
		}
	})
	bt.path = uitest.Entry(t, bt.ui, bt.tab.Content(), "Folder")
	bt.grid = uitest.Find[*widget.GridWrap](t, bt.ui, bt.tab.Content(), "grid", nil)
	return bt
}

// loaded reports whether no load runs.
func (bt *browserTab) loaded() bool {
	return !bt.ctrl.LoadRunning() && len(bt.ctrl.Workers().ActiveWorkers()) == 0 && liveKinds(bt.ctrl)[resource.Worker] == 0
}

// cell is a cell of the grid, as shown.
type cell struct {
	name  string
	thumb image.Image
}

// view is what the tab shows.
type browserView struct {
	path   string
	cells  []cell
	labels string
}

func (bt *browserTab) view() browserView {
	var v browserView
	bt.ui.Do(func() {
		v.path = bt.path.Text
		for i := range bt.grid.Length() {
			o := bt.grid.CreateItem()
			bt.grid.UpdateItem(i, o)
			c := o.(*fyne.Container)
			v.cells = append(v.cells, cell{c.Objects[1].(*widget.Label).Text, c.Objects[0].(*canvas.Image).Image})
		}
		v.labels = uitest.Labels(bt.tab.Content())
	})
	return v
}

// The Browser tab: opening a folder shows its previews, which are the
// controller's resources; opening another releases them; the tab's Cleanup
// releases the rest.
func TestBrowserTab(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, "b.png"), 400, 200)
	writePNG(t, filepath.Join(dir, "a.png"), 30, 30)
	guidetest.WriteTree(t, dir, map[string]string{"readme.md": "# Title\nbody\n", "z.bin": "\x00", "sub/c.txt": "c"})
	bt := newBrowserTab(t)
	open := uitest.Button(t, bt.ui, bt.tab.Content(), "Open")
	bt.ui.Do(func() {
		test.Type(bt.path, dir)
		test.Tap(open)
	})
	guidetest.Eventually(t, "the folder is loaded", bt.loaded)

	v := bt.view()
	var names []string
	for _, c := range v.cells {
		names = append(names, c.name)
		if strings.HasSuffix(c.name, ".png") != (c.thumb != nil) {
			t.Errorf("cell %s: thumbnail %v", c.name, c.thumb != nil)
		}
		if c.name == "b.png" && c.thumb.Bounds().Dx() != browser.ThumbSize {
			t.Errorf("b.png thumbnail is %v", c.thumb.Bounds())
		}
	}
	if got := strings.Join(names, " "); got != "sub a.png b.png readme.md z.bin" {
		t.Errorf("cells %s", got)
	}
	if k := liveKinds(bt.ctrl); k[resource.Thumbnail] != 2 || k[resource.Memory] != 1 {
		t.Errorf("live previews by kind: %v", k)
	}
	if !strings.Contains(v.labels, "5 entries, 3 previews") {
		t.Errorf("status:\n%s", v.labels)
	}

	// Selecting a text file shows its first lines beside the grid.
	bt.ui.Do(func() { bt.grid.Select(3) })
	if s := bt.view().labels; !strings.Contains(s, "# Title\nbody") || !strings.Contains(s, "readme.md (") {
		t.Errorf("selected readme.md, shown:\n%s", s)
	}

	// Selecting a folder opens it, and the first folder's previews go.
	released := bt.log.Count(guidetest.Released)
	bt.ui.Do(func() { bt.grid.Select(0) })
	guidetest.Eventually(t, "sub is loaded", bt.loaded)
	if v := bt.view(); v.path != filepath.Join(dir, "sub") || len(v.cells) != 1 {
		t.Errorf("after selecting sub: path %q, %d cells", v.path, len(v.cells))
	}
	// Three previews and the worker of the second load.
	if n := bt.log.Count(guidetest.Released) - released; n != 4 {
		t.Errorf("%d releases on opening sub, want 4:\n%s", n, bt.log)
	}
	if k := liveKinds(bt.ctrl); k[resource.Memory] != 1 || k[resource.Thumbnail] != 0 {
		t.Errorf("live previews in sub: %v", k)
	}

	// Up goes back.
	up := uitest.Find(t, bt.ui, bt.tab.Content(), "up button", func(b *widget.Button) bool { return b.Text == "" && b.Icon != nil })
	bt.ui.Do(func() { test.Tap(up) })
	guidetest.Eventually(t, "the parent is loaded", bt.loaded)
	if v := bt.view(); v.path != dir || len(v.cells) != 5 {
		t.Errorf("after Up: path %q, %d cells", v.path, len(v.cells))
	}

	var err error
	bt.ui.Do(func() { err = bt.tab.Cleanup() })
	if err != nil {
		t.Fatal(err)
	}
	guidetest.NoLeaks(t, bt.svc)
	if v := bt.view(); len(v.cells) != 0 || bt.ctrl.Previews() != 0 {
		t.Errorf("after Cleanup: %d cells, %d previews", len(v.cells), bt.ctrl.Previews())
	}
}

// Opening a folder while another loads cancels the first load.
func TestBrowserTabOpenWhileLoading(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	for _, n := range []string{"1.png", "2.png", "3.png", "4.png", "5.png", "6.png", "7.png", "8.png"} {
		writePNG(t, filepath.Join(first, n), 600, 600)
	}
	guidetest.WriteTree(t, second, map[string]string{"only.txt": "only"})
	bt := newBrowserTab(t)
	bt.ui.Do(func() {
		bt.tab.Open(first)
		bt.tab.Open(second)
	})
	guidetest.Eventually(t, "the loads end", bt.loaded)
	if bt.ctrl.Dir() != second || bt.ctrl.Previews() != 1 {
		t.Errorf("shown %s with %d previews", bt.ctrl.Dir(), bt.ctrl.Previews())
	}
	if k := liveKinds(bt.ctrl); k[resource.Thumbnail] != 0 || k[resource.Memory] != 1 {
		t.Errorf("live: %v", k)
	}
	if v := bt.view(); len(v.cells) != 1 || v.cells[0].name != "only.txt" || v.path != second {
		t.Errorf("shown %q: %+v", v.path, v.cells)
	}
}
