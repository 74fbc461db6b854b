package tabs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The tests drive the tabs as a user would, through Fyne's headless test
// driver: they find the widgets in the laid-out tree by their text, type
// into entries and tap buttons.
//
// The test driver runs fyne.Do at once on the calling goroutine, so a
// controller's events update the widgets from the controller's goroutine;
// the tests read the widgets only once the run they look at has ended (the
// controller's state is the synchronisation point).

// show puts content in a window of the test app and returns the window.
func show(t *testing.T, content fyne.CanvasObject) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(900, 600))
	t.Cleanup(w.Close)
	return w
}

// find returns the first object of type T under root for which match is
// true, failing the test if there is none.
func find[T fyne.CanvasObject](t *testing.T, root fyne.CanvasObject, what string, match func(T) bool) T {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if v, ok := o.(T); ok && (match == nil || match(v)) {
			return v
		}
	}
	var zero T
	t.Fatalf("no %s in the tab", what)
	return zero
}

func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return find(t, root, "button "+text, func(b *widget.Button) bool { return b.Text == text })
}

func entry(t *testing.T, root fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	return find(t, root, "entry "+placeholder, func(e *widget.Entry) bool { return e.PlaceHolder == placeholder })
}

// labels returns the text of every label under o.
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
// and returns the text of each.
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
