package legacytab

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rescoord/rescoord/examples/copyverify/internal/copyverify"
	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// ComponentID is the ID the tab registers with the resource service; its
// coordinator's ID is ComponentID + "_workers".
const ComponentID = "CopyVerifyLegacy"

// CopyVerify is the CopyVerify tab written the old way: two folder fields,
// Start and Cancel, a progress bar and the list of results, and the
// resource management of its icons and its copy worker. Its methods are
// called on the UI thread.
type CopyVerify struct {
	win fyne.Window

	src, dst      *widget.Entry
	start, cancel *widget.Button
	progress      *widget.ProgressBar
	current       *widget.Label
	status        *widget.Label
	list          *widget.List
	results       []copyverify.Result
	run           int   // the run whose events the widgets show
	limit         int64 // bytes per second, 0 for none
	content       fyne.CanvasObject

	resourceManager      resource.Service
	workers              *coord.Workers
	worker               *copyWorker // the last copy started, until its goroutine ends
	workerResourceID     resource.ID
	thumbnailResourceIDs []resource.ID
	icons                map[copyverify.Status]fyne.Resource // the result list's, while tracked
}

// NewCopyVerify returns the CopyVerify tab of win, registered with the
// process's resource service (resource.Default), with its icons tracked.
func NewCopyVerify(win fyne.Window) *CopyVerify {
	t := &CopyVerify{win: win, icons: map[copyverify.Status]fyne.Resource{}}
	t.resourceManager = resource.Default()
	t.workers = coord.NewWorkers(ComponentID+"_workers", coord.WithService(t.resourceManager))
	// Registered after the coordinator, so that the service's shutdown runs
	// the tab's cleanup before it closes the coordinator.
	if err := t.resourceManager.RegisterComponent(t); err != nil {
		t.resourceManager.Logger().Error("registering the tab", "component", ComponentID, "error", err)
	}
	if err := t.resourceManager.RegisterCleanup(t, 10, t.cleanupResources); err != nil {
		t.resourceManager.Logger().Error("registering the tab's cleanup", "component", ComponentID, "error", err)
	}
	t.trackInternalResources()

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

// ComponentID returns ComponentID: the tab is a component of the resource
// service.
func (t *CopyVerify) ComponentID() string { return ComponentID }

// ComponentType returns "tab".
func (t *CopyVerify) ComponentType() string { return "tab" }

// Live returns nothing: what the tab tracks, the service lists under its
// coordinator.
func (t *CopyVerify) Live() []resource.Info { return nil }

// trackInternalResources tracks the icons of the result list as
// thumbnails; releasing one drops it from the list.
func (t *CopyVerify) trackInternalResources() {
	icons := []struct {
		status copyverify.Status
		icon   fyne.Resource
	}{
		{copyverify.OK, theme.ConfirmIcon()},
		{copyverify.Skipped, theme.WarningIcon()},
		{copyverify.Failed, theme.ErrorIcon()},
	}
	for _, ic := range icons {
		t.icons[ic.status] = ic.icon
		id := t.workers.Track(ic.icon, resource.Thumbnail, coord.Name(ic.status.String()+" icon"),
			coord.OnRelease(func() error { delete(t.icons, ic.status); return nil }))
		t.thumbnailResourceIDs = append(t.thumbnailResourceIDs, id)
	}
}

// Content returns the tab's widgets.
func (t *CopyVerify) Content() fyne.CanvasObject { return t.content }

// SetFolders fills in the source and destination fields.
func (t *CopyVerify) SetFolders(src, dst string) {
	t.src.SetText(src)
	t.dst.SetText(dst)
}

// SetRateLimit limits the next copies to bytesPerSecond bytes read per
// second; 0 or less removes the limit.
func (t *CopyVerify) SetRateLimit(bytesPerSecond int64) { t.limit = max(bytesPerSecond, 0) }

// Start starts copying on a goroutine of the tab, tracked as a worker, as
// the Start button does.
func (t *CopyVerify) Start() {
	t.stopWorker(context.Background()) // the last run's, if its end is not seen yet
	t.run++
	run := t.run
	t.results = nil
	t.list.Refresh()
	t.progress.SetValue(0)
	t.current.SetText("")
	t.status.SetText("Copying…")
	t.setRunning(true)

	ctx, cancel := context.WithCancel(context.Background())
	w := &copyWorker{cancel: cancel, done: make(chan struct{})}
	t.worker = w
	t.workerResourceID = t.workers.TrackWorker(w, coord.Name("CopyVerify "+time.Now().Format("15:04:05")), coord.AutoRelease(false))
	p, limit := copyverify.Params{Src: t.src.Text, Dst: t.dst.Text}, t.limit
	events := copyverify.Events{
		Progress: func(p copyverify.Progress) { t.do(run, func() { t.showProgress(p) }) },
		Result:   func(r copyverify.Result) { t.do(run, func() { t.addResult(r) }) },
		Done:     func(s copyverify.Summary) { t.do(run, func() { t.finished(s) }) },
	}
	go func() {
		defer close(w.done)
		if err := copyverify.Run(ctx, p, events, limit); err != nil && !errors.Is(err, context.Canceled) {
			t.resourceManager.Logger().Warn("copy failed", "component", ComponentID, "error", err)
		}
	}()
	go t.watchWorker(w)
}

// watchWorker waits for w's goroutine to end, then releases its resource
// on the UI thread, unless the tab has moved on to another worker.
func (t *CopyVerify) watchWorker(w *copyWorker) {
	<-w.Done()
	fyne.Do(func() {
		if t.worker == w {
			t.releaseWorkerResource()
			t.worker = nil
		}
	})
}

// Cancel cancels the copy in progress, as the Cancel button does.
func (t *CopyVerify) Cancel() {
	t.run++ // the cancelled run's last events are not shown
	t.releaseWorkerResource()
	t.status.SetText(fmt.Sprintf("Cancelled after %d files.", len(t.results)))
	t.current.SetText("")
	t.setRunning(false)
}

// releaseWorkerResource releases the copy's worker, which cancels it.
func (t *CopyVerify) releaseWorkerResource() {
	if !t.workerResourceID.IsZero() {
		if err := t.workers.Release(t.workerResourceID); err != nil && !released(err) {
			t.resourceManager.Logger().Warn("releasing the copy worker", "component", ComponentID, "error", err)
		}
		t.workerResourceID = resource.ID{}
	}
}

// stopWorker releases the copy's worker and waits, until ctx is done, for
// its goroutine to end.
func (t *CopyVerify) stopWorker(ctx context.Context) {
	t.releaseWorkerResource()
	if t.worker != nil {
		select {
		case <-t.worker.Done():
		case <-ctx.Done():
		}
		t.worker = nil
	}
}

// cleanupResources stops the copy and releases the icons and everything
// else the tab's coordinator holds: the cleanup the tab registered with the
// service, which runs it on shutdown if the tab has not cleaned up.
func (t *CopyVerify) cleanupResources(ctx context.Context) error {
	t.run++
	t.stopWorker(ctx)
	var errs []error
	for _, id := range t.thumbnailResourceIDs {
		if err := t.workers.Release(id); err != nil && !released(err) {
			errs = append(errs, err)
		}
	}
	t.thumbnailResourceIDs = nil
	return errors.Join(append(errs, t.workers.CleanupAll(ctx))...)
}

// Cleanup stops the copy in progress, releases what the tab tracks,
// closes its coordinator and unregisters the tab, called when the window
// closes.
func (t *CopyVerify) Cleanup() error {
	err := t.cleanupResources(context.Background())
	t.resourceManager.UnregisterComponent(t)
	return errors.Join(err, t.workers.Close())
}

// released reports whether err, from a Release, says that the resource was
// released already: by the coordinator's cleanup, or when it closed.
func released(err error) bool {
	return errors.Is(err, resource.ErrNotTracked) || errors.Is(err, resource.ErrClosed)
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
		icon.SetResource(t.icons[copyverify.OK])
		text.SetText(fmt.Sprintf("%s — %s — sha256 %s", r.Path, size(r.Size), r.Sum))
	case copyverify.Skipped:
		icon.SetResource(t.icons[copyverify.Skipped])
		text.SetText(fmt.Sprintf("%s — skipped: %v", r.Path, r.Err))
	default:
		icon.SetResource(t.icons[copyverify.Failed])
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
