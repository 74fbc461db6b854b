package tabs

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/copyverify"
)

// CopyVerify is the tab that copies a folder and verifies the copy: two
// folder fields, Start and Cancel, a progress bar and the list of results.
type CopyVerify struct {
	ctrl *copyverify.Controller
	win  fyne.Window

	src, dst      *widget.Entry
	start, cancel *widget.Button
	progress      *widget.ProgressBar
	current       *widget.Label
	status        *widget.Label
	list          *widget.List
	results       []copyverify.Result
	run           int // the run whose events the widgets show
	content       fyne.CanvasObject
}

// NewCopyVerify returns the CopyVerify tab of win, driving ctrl.
func NewCopyVerify(ctrl *copyverify.Controller, win fyne.Window) *CopyVerify {
	t := &CopyVerify{ctrl: ctrl, win: win}
	t.src = widget.NewEntry()
	t.src.SetPlaceHolder("Folder to copy")
	t.dst = widget.NewEntry()
	t.dst.SetPlaceHolder("Folder to copy into")
	t.start = widget.NewButtonWithIcon("Start", theme.MediaPlayIcon(), t.Start)
	t.start.Importance = widget.HighImportance
	t.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), t.Cancel)
	t.cancel.Disable()
	t.progress = widget.NewProgressBar()
	t.current = widget.NewLabel("")
	t.current.Truncation = fyne.TextTruncateEllipsis
	t.status = widget.NewLabel("Choose the folders, then Start.")
	t.list = widget.NewList(t.resultCount, newResultRow, t.showResult)

	form := widget.NewForm(
		widget.NewFormItem("Source", container.NewBorder(nil, nil, nil, t.chooser(t.src), t.src)),
		widget.NewFormItem("Destination", container.NewBorder(nil, nil, nil, t.chooser(t.dst), t.dst)),
	)
	top := container.NewVBox(
		form,
		container.NewHBox(t.start, t.cancel, t.status),
		t.progress,
		t.current,
		widget.NewSeparator(),
	)
	t.content = container.NewBorder(top, nil, nil, nil, t.list)
	return t
}

// Content returns the tab's widgets.
func (t *CopyVerify) Content() fyne.CanvasObject { return t.content }

// SetFolders fills in the source and destination fields.
func (t *CopyVerify) SetFolders(src, dst string) {
	t.src.SetText(src)
	t.dst.SetText(dst)
}

// Start starts copying, as the Start button does.
func (t *CopyVerify) Start() {
	t.run++
	run := t.run
	t.ctrl.SetEvents(copyverify.Events{
		Progress: func(p copyverify.Progress) { t.do(run, func() { t.showProgress(p) }) },
		Result:   func(r copyverify.Result) { t.do(run, func() { t.addResult(r) }) },
		Done:     func(s copyverify.Summary) { t.do(run, func() { t.finished(s) }) },
	})
	// The widgets show the new run before it starts: its events may come
	// as soon as it has started.
	t.results = nil
	t.list.Refresh()
	t.progress.SetValue(0)
	t.current.SetText("")
	t.status.SetText("Copying…")
	t.setRunning(true)
	if _, err := t.ctrl.StartCopyVerify(copyverify.Params{Src: t.src.Text, Dst: t.dst.Text}); err != nil {
		t.status.SetText("Cannot start: " + err.Error())
		t.setRunning(false)
	}
}

// Cancel cancels the copy in progress, as the Cancel button does.
func (t *CopyVerify) Cancel() {
	t.run++ // the cancelled run's last events are not shown
	if err := t.ctrl.CancelCopyVerify(); err != nil {
		t.status.SetText("Cancel: " + err.Error())
	} else {
		t.status.SetText(fmt.Sprintf("Cancelled after %d files.", len(t.results)))
	}
	t.current.SetText("")
	t.setRunning(false)
}

// Cleanup cancels the copy in progress and cleans the controller up: the
// guide's tab cleanup, called when the window closes.
func (t *CopyVerify) Cleanup() error {
	t.run++
	return errors.Join(t.ctrl.CancelCopyVerify(), t.ctrl.Cleanup())
}

// do runs fn on the UI thread if the events of run are still the ones shown.
func (t *CopyVerify) do(run int, fn func()) {
	fyne.Do(func() {
		if run == t.run {
			fn()
		}
	})
}

func (t *CopyVerify) setRunning(on bool) {
	if on {
		t.start.Disable()
		t.cancel.Enable()
	} else {
		t.start.Enable()
		t.cancel.Disable()
	}
}

func (t *CopyVerify) showProgress(p copyverify.Progress) {
	t.progress.SetValue(p.Fraction())
	if p.Current != "" {
		t.current.SetText(fmt.Sprintf("%d of %d: %s", p.Files+1, p.TotalFiles, p.Current))
	} else {
		t.current.SetText("")
	}
}

func (t *CopyVerify) addResult(r copyverify.Result) {
	t.results = append(t.results, r)
	t.list.Refresh()
	t.list.ScrollToBottom()
}

func (t *CopyVerify) finished(s copyverify.Summary) {
	t.setRunning(false)
	t.current.SetText("")
	switch {
	case s.Err != nil:
		t.status.SetText("Stopped: " + s.Err.Error())
	default:
		t.progress.SetValue(1)
		msg := fmt.Sprintf("Done in %.1fs: %d verified (%s)", s.Elapsed.Seconds(), s.OK, size(s.Bytes))
		if bad := s.Failed + s.Mismatched; bad > 0 {
			msg += fmt.Sprintf(", %d failed", bad)
		}
		if s.Skipped > 0 {
			msg += fmt.Sprintf(", %d skipped", s.Skipped)
		}
		t.status.SetText(msg + ".")
	}
}

// chooser returns a button that fills entry from a folder dialog.
func (t *CopyVerify) chooser(entry *widget.Entry) *widget.Button {
	return widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				entry.SetText(dir.Path())
			}
		}, t.win)
	})
}

func (t *CopyVerify) resultCount() int { return len(t.results) }

// newResultRow returns a row of the result list: a status icon and a line
// of text.
func newResultRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, text)
}

func (t *CopyVerify) showResult(i widget.ListItemID, row fyne.CanvasObject) {
	r := t.results[i]
	c := row.(*fyne.Container)
	text, icon := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Icon)
	switch r.Status {
	case copyverify.OK:
		icon.SetResource(theme.ConfirmIcon())
		text.SetText(fmt.Sprintf("%s — %s — sha256 %s", r.Path, size(r.Size), r.Sum))
	case copyverify.Skipped:
		icon.SetResource(theme.WarningIcon())
		text.SetText(fmt.Sprintf("%s — skipped: %v", r.Path, r.Err))
	default:
		icon.SetResource(theme.ErrorIcon())
		text.SetText(fmt.Sprintf("%s — %s: %v", r.Path, r.Status, r.Err))
	}
}

// size formats a number of bytes for people.
func size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
