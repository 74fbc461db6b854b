package legacytab

import "context"

// copyWorker is a copy running on a goroutine the tab started, as the old
// code's worker thread: the tab tracks it as a coord.Worker.
type copyWorker struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when the goroutine has returned
}

// Cancel asks the copy to stop.
func (w *copyWorker) Cancel() { w.cancel() }

// Done is closed when the copy's goroutine has returned.
func (w *copyWorker) Done() <-chan struct{} { return w.done }
