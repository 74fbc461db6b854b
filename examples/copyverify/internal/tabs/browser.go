package tabs

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/browser"
)

// Browser is the tab that shows a folder as a grid of previews, with the
// selected file's preview beside it. Opening a folder lets the controller
// release the previews of the folder shown before.
type Browser struct {
	ctrl *browser.Controller

	path     *widget.Entry
	grid     *widget.GridWrap
	status   *widget.Label
	title    *widget.Label
	image    *canvas.Image
	text     *widget.Label
	entries  []browser.Entry
	index    map[string]int // entries by path
	selected string         // the path shown beside the grid
	run      int            // the load whose events the widgets show
	content  fyne.CanvasObject
}

// thumbSide is the side of a grid cell's picture.
const thumbSide = 96

// NewBrowser returns the Browser tab, driving ctrl.
func NewBrowser(ctrl *browser.Controller) *Browser {
	t := &Browser{ctrl: ctrl, index: map[string]int{}}
	t.path = widget.NewEntry()
	t.path.SetPlaceHolder("Folder")
	t.path.OnSubmitted = t.Open
	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), func() { t.Open(t.path.Text) })
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), t.Up)
	t.grid = widget.NewGridWrap(t.entryCount, newCell, t.showCell)
	t.grid.OnSelected = t.selectEntry
	t.status = widget.NewLabel("")
	t.title = widget.NewLabel("")
	t.title.TextStyle.Bold = true
	t.title.Truncation = fyne.TextTruncateEllipsis
	t.image = canvas.NewImageFromImage(nil)
	t.image.FillMode = canvas.ImageFillContain
	t.image.SetMinSize(fyne.NewSize(2*thumbSide, 2*thumbSide))
	t.text = widget.NewLabel("")
	t.text.TextStyle.Monospace = true

	detail := container.NewBorder(t.title, nil, nil, nil,
		container.NewVScroll(container.NewVBox(t.image, t.text)))
	split := container.NewHSplit(t.grid, detail)
	split.Offset = 0.62
	t.content = container.NewBorder(
		container.NewBorder(nil, nil, up, open, t.path),
		t.status, nil, nil, split)
	return t
}

// Content returns the tab's widgets.
func (t *Browser) Content() fyne.CanvasObject { return t.content }

// Open shows the folder dir, as the Open button does; a load still in
// progress is cancelled.
func (t *Browser) Open(dir string) {
	if dir == "" {
		return
	}
	t.run++
	run := t.run
	if err := t.ctrl.CancelLoad(); err != nil {
		t.status.SetText("Cancel: " + err.Error())
	}
	t.ctrl.SetEvents(browser.Events{
		Listed:  func(dir string, es []browser.Entry) { t.do(run, func() { t.listed(dir, es) }) },
		Preview: func(path string) { t.do(run, func() { t.previewReady(path) }) },
		Done:    func(dir string, err error) { t.do(run, func() { t.loaded(dir, err) }) },
	})
	if _, err := t.ctrl.StartLoad(dir); err != nil {
		t.status.SetText("Cannot open: " + err.Error())
		return
	}
	t.path.SetText(dir)
	t.status.SetText("Loading " + dir + "…")
}

// Up opens the parent of the folder shown.
func (t *Browser) Up() {
	if t.path.Text != "" {
		t.Open(filepath.Dir(t.path.Text))
	}
}

// Cleanup cancels the load in progress, empties the widgets and cleans the
// controller up, which releases every preview: the guide's tab cleanup.
func (t *Browser) Cleanup() error {
	t.run++
	err := errors.Join(t.ctrl.CancelLoad(), t.ctrl.Cleanup())
	t.entries, t.index, t.selected = nil, map[string]int{}, ""
	t.grid.Refresh()
	t.showSelected()
	return err
}

// do runs fn on the UI thread if the events of run are still the ones shown.
func (t *Browser) do(run int, fn func()) {
	fyne.Do(func() {
		if run == t.run {
			fn()
		}
	})
}

func (t *Browser) listed(dir string, entries []browser.Entry) {
	t.entries = entries
	t.index = make(map[string]int, len(entries))
	for i, e := range entries {
		t.index[e.Path] = i
	}
	t.selected = ""
	t.grid.UnselectAll()
	t.grid.Refresh()
	t.grid.ScrollToTop()
	t.showSelected()
}

func (t *Browser) previewReady(path string) {
	if i, ok := t.index[path]; ok {
		t.grid.RefreshItem(i)
	}
	if path == t.selected {
		t.showSelected()
	}
}

func (t *Browser) loaded(dir string, err error) {
	if err != nil {
		t.status.SetText(fmt.Sprintf("%s: %v", dir, err))
		return
	}
	t.status.SetText(fmt.Sprintf("%s: %d entries, %d previews", dir, len(t.entries), t.ctrl.Previews()))
}

func (t *Browser) selectEntry(i widget.GridWrapItemID) {
	e := t.entries[i]
	if e.Kind == browser.Folder {
		t.Open(e.Path)
		return
	}
	t.selected = e.Path
	t.showSelected()
}

// showSelected shows the selected entry beside the grid.
func (t *Browser) showSelected() {
	t.image.Image, t.image.Resource = nil, nil
	t.text.SetText("")
	i, ok := t.index[t.selected]
	if !ok {
		t.title.SetText("")
		t.image.Refresh()
		return
	}
	e := t.entries[i]
	t.title.SetText(fmt.Sprintf("%s (%s)", e.Name, size(e.Size)))
	p, ready := t.ctrl.Preview(e.Path)
	switch {
	case !ready:
		t.image.Resource = icon(e.Kind)
		if e.Kind == browser.Image || e.Kind == browser.Text {
			t.text.SetText("No preview yet.")
		}
	case p.Err != nil:
		t.image.Resource = icon(e.Kind)
		t.text.SetText("No preview: " + p.Err.Error())
	case p.Thumb != nil:
		t.image.Image = p.Thumb
	default:
		t.text.SetText(p.Text)
	}
	t.image.Refresh()
}

func (t *Browser) entryCount() int { return len(t.entries) }

// newCell returns a cell of the grid: a picture above a name.
func newCell() fyne.CanvasObject {
	img := canvas.NewImageFromResource(theme.FileIcon())
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(thumbSide, thumbSide))
	name := widget.NewLabel("")
	name.Alignment = fyne.TextAlignCenter
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, name, nil, nil, img)
}

func (t *Browser) showCell(i widget.GridWrapItemID, cell fyne.CanvasObject) {
	e := t.entries[i]
	c := cell.(*fyne.Container)
	img, name := c.Objects[0].(*canvas.Image), c.Objects[1].(*widget.Label)
	name.SetText(e.Name)
	img.Image, img.Resource = nil, icon(e.Kind)
	if p, ok := t.ctrl.Preview(e.Path); ok && p.Thumb != nil {
		img.Image, img.Resource = p.Thumb, nil
	}
	img.Refresh()
}

// icon returns the icon of an entry without a thumbnail.
func icon(k browser.Kind) fyne.Resource {
	switch k {
	case browser.Folder:
		return theme.FolderIcon()
	case browser.Image:
		return theme.FileImageIcon()
	case browser.Text:
		return theme.FileTextIcon()
	}
	return theme.FileIcon()
}
