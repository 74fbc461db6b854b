package browser

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

// writeImage writes a w×h image at path, encoded after its extension.
func writeImage(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	switch filepath.Ext(path) {
	case ".png":
		err = png.Encode(f, img)
	case ".jpg":
		err = jpeg.Encode(f, img, nil)
	case ".gif":
		err = gif.Encode(f, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// folder makes a folder with images, text, other files and a subfolder.
func folder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeImage(t, filepath.Join(dir, "wide.png"), 300, 150)
	writeImage(t, filepath.Join(dir, "Small.jpg"), 50, 80)
	var lines []string
	for i := range 20 {
		lines = append(lines, fmt.Sprintf("line %d\tend", i))
	}
	write(t, filepath.Join(dir, "notes.txt"), strings.Join(lines, "\n"))
	write(t, filepath.Join(dir, "data.bin"), "\x00\x01\x02")
	write(t, filepath.Join(dir, "broken.png"), "not a PNG")
	write(t, filepath.Join(dir, ".hidden"), "h")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeImage(t, filepath.Join(dir, "sub", "pic.gif"), 20, 20)
	return dir
}

// loadRec collects the events of loads.
type loadRec struct {
	listed  chan []Entry
	gate    chan struct{} // when set, Listed waits for it
	preview chan string
	done    chan error
}

func newLoadRec() *loadRec {
	return &loadRec{listed: make(chan []Entry, 10), preview: make(chan string, 100), done: make(chan error, 10)}
}

func (r *loadRec) events() Events {
	return Events{
		Listed: func(_ string, es []Entry) {
			r.listed <- es
			if r.gate != nil {
				<-r.gate
			}
		},
		Preview: func(p string) { r.preview <- p },
		Done:    func(_ string, err error) { r.done <- err },
	}
}

func (r *loadRec) wait(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the load did not end")
		return nil
	}
}

func newController(t *testing.T) (*Controller, *resource.Manager, *guidetest.Log) {
	t.Helper()
	return guidetest.Controller(t, NewController)
}

// previews returns the live previews of c by name, and whether c runs a
// worker.
func previews(c *Controller) (map[string]resource.Info, bool) {
	m := map[string]resource.Info{}
	worker := false
	for _, r := range c.Resources().Live() {
		if r.Kind == resource.Worker {
			worker = true
			continue
		}
		m[r.Name] = r
	}
	return m, worker
}

func ended(c *Controller) func() bool {
	return func() bool {
		_, worker := previews(c)
		return !c.LoadRunning() && !worker && len(c.Workers().ActiveWorkers()) == 0
	}
}

func TestLoad(t *testing.T) {
	dir := folder(t)
	c, svc, log := newController(t)
	rec := newLoadRec()
	c.SetEvents(rec.events())
	if _, err := c.StartLoad(dir); err != nil {
		t.Fatal(err)
	}
	if err := rec.wait(t); err != nil {
		t.Fatal(err)
	}
	guidetest.Eventually(t, "the load's worker is released", ended(c))
	if c.Dir() != dir {
		t.Errorf("Dir() = %q", c.Dir())
	}

	entries := <-rec.listed
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprintf("%s:%d", e.Name, e.Kind))
	}
	want := fmt.Sprintf("sub:%d broken.png:%d data.bin:%d notes.txt:%d Small.jpg:%d wide.png:%d", Folder, Image, Other, Text, Image, Image)
	if strings.Join(got, " ") != want {
		t.Errorf("entries %v, want %s", got, want)
	}

	wide, ok := c.Preview(filepath.Join(dir, "wide.png"))
	if !ok || wide.Err != nil || wide.Thumb.Bounds().Dx() != ThumbSize || wide.Thumb.Bounds().Dy() != ThumbSize/2 {
		t.Errorf("wide.png preview: %+v", wide)
	}
	small, ok := c.Preview(filepath.Join(dir, "Small.jpg"))
	if !ok || small.Thumb == nil || small.Thumb.Bounds().Size() != image.Pt(50, 80) {
		t.Errorf("Small.jpg preview: %+v", small)
	}
	notes, ok := c.Preview(filepath.Join(dir, "notes.txt"))
	if !ok || strings.Count(notes.Text, "\n") != TextLines-1 || !strings.HasPrefix(notes.Text, "line 0    end\n") {
		t.Errorf("notes.txt preview: %q", notes.Text)
	}
	if p, ok := c.Preview(filepath.Join(dir, "broken.png")); !ok || p.Err == nil || p.Thumb != nil {
		t.Errorf("broken.png preview: %+v", p)
	}
	if _, ok := c.Preview(filepath.Join(dir, "data.bin")); ok {
		t.Error("data.bin has a preview")
	}
	if n := len(rec.preview); n != 4 || c.Previews() != 4 {
		t.Errorf("%d preview events, %d previews, want 4", n, c.Previews())
	}

	// The previews are the controller's resources, of their own kinds.
	live, _ := previews(c)
	for name, kind := range map[string]resource.Kind{
		"wide.png": resource.Thumbnail, "Small.jpg": resource.Thumbnail,
		"notes.txt": resource.Memory, "broken.png": resource.Memory,
	} {
		if r, ok := live[name]; !ok || r.Kind != kind {
			t.Errorf("%s: live %+v, want a %s", name, r, kind)
		}
	}
	if b := live["wide.png"].Meta["bytes"]; b != int64(4*ThumbSize*ThumbSize/2) {
		t.Errorf("wide.png bytes %v", b)
	}

	// Opening another folder releases the previews of the first.
	old := live
	if _, err := c.StartLoad(filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	if err := rec.wait(t); err != nil {
		t.Fatal(err)
	}
	guidetest.Eventually(t, "the second load's worker is released", ended(c))
	for name, r := range old {
		if log.Count(guidetest.Released+" "+r.ID.String()) != 1 {
			t.Errorf("the preview of %s was not released", name)
		}
	}
	if live, _ := previews(c); len(live) != 1 || live["pic.gif"].Kind != resource.Thumbnail || c.Previews() != 1 {
		t.Errorf("after opening sub: live %v, %d previews", live, c.Previews())
	}
	if _, ok := c.Preview(filepath.Join(dir, "wide.png")); ok {
		t.Error("a preview of the first folder is still served")
	}

	if err := c.Clear(); err != nil {
		t.Fatal(err)
	}
	if c.Previews() != 0 {
		t.Errorf("%d previews after Clear", c.Previews())
	}
	guidetest.NoLeaks(t, svc)
}

// Cleanup releases the previews: what closing the tab does.
func TestCleanupReleasesPreviews(t *testing.T) {
	c, svc, _ := newController(t)
	rec := newLoadRec()
	c.SetEvents(rec.events())
	if _, err := c.StartLoad(folder(t)); err != nil {
		t.Fatal(err)
	}
	rec.wait(t)
	guidetest.Eventually(t, "the load ends", ended(c))
	if len(restest.Leaks(svc)) == 0 {
		t.Fatal("no previews tracked")
	}
	if err := c.Cleanup(); err != nil {
		t.Fatal(err)
	}
	guidetest.NoLeaks(t, svc)
	if c.Previews() != 0 {
		t.Errorf("%d previews served after Cleanup", c.Previews())
	}
	if err := c.Clear(); err != nil { // the released IDs are not tracked any more
		t.Errorf("Clear after Cleanup: %v", err)
	}
}

// A cancelled load stops and keeps no preview.
func TestCancelLoad(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		writeImage(t, filepath.Join(dir, fmt.Sprintf("img%02d.png", i)), 64, 64)
	}
	c, svc, _ := newController(t)
	rec := newLoadRec()
	rec.gate = make(chan struct{})
	c.SetEvents(rec.events())
	if _, err := c.StartLoad(dir); err != nil {
		t.Fatal(err)
	}
	if es := <-rec.listed; len(es) != 50 {
		t.Fatalf("%d entries", len(es))
	}
	if len(c.Workers().ActiveWorkers()) != 1 {
		t.Fatal("the load is not an active worker")
	}
	if err := c.CancelLoad(); err != nil {
		t.Fatal(err)
	}
	close(rec.gate)
	if err := rec.wait(t); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled load ended with %v", err)
	}
	guidetest.Eventually(t, "the load ends", ended(c))
	if c.Previews() != 0 || len(rec.preview) != 0 {
		t.Errorf("a cancelled load kept %d previews", c.Previews())
	}
	guidetest.NoLeaks(t, svc)
}

func TestLoadMissingFolder(t *testing.T) {
	c, _, _ := newController(t)
	rec := newLoadRec()
	c.SetEvents(rec.events())
	if _, err := c.StartLoad(filepath.Join(t.TempDir(), "missing")); err != nil {
		t.Fatal(err)
	}
	if err := rec.wait(t); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("load of a missing folder: %v", err)
	}
	if len(rec.listed) != 0 {
		t.Error("a missing folder was listed")
	}
	guidetest.Eventually(t, "the load ends", ended(c))
}

func TestScale(t *testing.T) {
	for _, tc := range []struct{ w, h, ww, wh int }{
		{300, 150, 128, 64}, {150, 300, 64, 128}, {50, 80, 50, 80}, {1000, 1, 128, 1}, {128, 128, 128, 128},
	} {
		got := scale(image.NewRGBA(image.Rect(0, 0, tc.w, tc.h)), ThumbSize).Bounds().Size()
		if got != image.Pt(tc.ww, tc.wh) {
			t.Errorf("%d×%d → %v, want %d×%d", tc.w, tc.h, got, tc.ww, tc.wh)
		}
	}
}

func TestTextPreview(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("é", textBytes) // cut in the middle of a character
	write(t, filepath.Join(dir, "long.txt"), long)
	got, err := textPreview(filepath.Join(dir, "long.txt"))
	if err != nil || !strings.HasPrefix(long, got) || len(got) < textBytes-2 {
		t.Errorf("long line: %d bytes, %v", len(got), err)
	}
	write(t, filepath.Join(dir, "bin.txt"), "\x00\x00\x00\x01binary")
	if _, err := textPreview(filepath.Join(dir, "bin.txt")); err == nil {
		t.Error("binary file previewed as text")
	}
}
