package tabs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/uitest"
)

// The tests drive the tabs as a user would, with Fyne's headless test
// driver: they find the widgets in the laid-out tree by their text, type
// into entries and tap buttons. Everything that touches a widget runs on
// the test app's UI goroutine (ui.Do), where the controllers' events run
// too, as with the real driver.

// show puts the content made by makeContent in a window of a new test app,
// on its UI goroutine, and returns the app.
func show(t *testing.T, makeContent func(w fyne.Window) fyne.CanvasObject) *uitest.App {
	t.Helper()
	ui := uitest.NewApp(t)
	ui.Do(func() {
		w := test.NewWindow(widget.NewLabel(""))
		w.SetContent(makeContent(w))
		w.Resize(fyne.NewSize(900, 600))
	})
	return ui
}

// find returns the first object of type T under root for which match is
// true, failing the test if there is none.
func find[T fyne.CanvasObject](t *testing.T, ui *uitest.App, root fyne.CanvasObject, what string, match func(T) bool) T {
	t.Helper()
	var found T
	ok := false
	ui.Do(func() {
		for _, o := range test.LaidOutObjects(root) {
			if v, is := o.(T); is && (match == nil || match(v)) {
				found, ok = v, true
				return
			}
		}
	})
	if !ok {
		t.Fatalf("no %s in the tab", what)
	}
	return found
}

func button(t *testing.T, ui *uitest.App, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return find(t, ui, root, "button "+text, func(b *widget.Button) bool { return b.Text == text })
}

func entry(t *testing.T, ui *uitest.App, root fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	return find(t, ui, root, "entry "+placeholder, func(e *widget.Entry) bool { return e.PlaceHolder == placeholder })
}

// labels returns the text of every label under o; call it on the UI
// goroutine.
func labels(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(o) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// listRows renders every row of l, as the list would when scrolled to it,
// and returns the text of each; call it on the UI goroutine.
func listRows(l *widget.List) []string {
	rows := make([]string, l.Length())
	for i := range rows {
		row := l.CreateItem()
		l.UpdateItem(i, row)
		rows[i] = strings.TrimSpace(labels(row))
	}
	return rows
}

// writeTree writes files (slash-separated path → content) under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
