package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The tests drive the tabs as a user would: they find the widgets in the
// laid-out tree by their text, type into entries and tap buttons, all on
// the UI goroutine (App.Do), where the controllers' events run too.

// Show returns a new test app (see NewApp) showing, in a window of
// 900×600, the content makeContent builds for that window on the UI
// goroutine.
func Show(t testing.TB, makeContent func(w fyne.Window) fyne.CanvasObject) *App {
	t.Helper()
	ui := NewApp(t)
	ui.Do(func() {
		w := test.NewWindow(widget.NewLabel(""))
		w.SetContent(makeContent(w))
		w.Resize(fyne.NewSize(900, 600))
	})
	return ui
}

// Find returns the first object of type T under root for which match (if
// not nil) is true, looking on the UI goroutine of ui, and fails the test
// if there is none.
func Find[T fyne.CanvasObject](t testing.TB, ui *App, root fyne.CanvasObject, what string, match func(T) bool) T {
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

// Button returns the button under root that says text.
func Button(t testing.TB, ui *App, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return Find(t, ui, root, "button "+text, func(b *widget.Button) bool { return b.Text == text })
}

// Entry returns the entry under root whose placeholder is placeholder.
func Entry(t testing.TB, ui *App, root fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	return Find(t, ui, root, "entry "+placeholder, func(e *widget.Entry) bool { return e.PlaceHolder == placeholder })
}

// Labels returns the text of every non-empty label under o, a line each;
// call it on the UI goroutine.
func Labels(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(o) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// ListRows renders every row of l, as the list would when scrolled to it,
// and returns the text of each; call it on the UI goroutine.
func ListRows(l *widget.List) []string {
	rows := make([]string, l.Length())
	for i := range rows {
		row := l.CreateItem()
		l.UpdateItem(i, row)
		rows[i] = strings.TrimSpace(Labels(row))
	}
	return rows
}
