package uitest

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// fyne.Do queues without waiting, even while the UI goroutine is busy, and
// the queue runs in order, before a later Do.
func TestDoQueues(t *testing.T) {
	ui := NewApp(t)
	if fyne.CurrentApp() != ui {
		t.Fatal("not the current app")
	}
	busy, release := make(chan struct{}), make(chan struct{})
	fyne.Do(func() { close(busy); <-release })
	<-busy
	var got []int
	queued := make(chan struct{})
	go func() {
		for i := range 3 {
			fyne.Do(func() { got = append(got, i) })
		}
		close(queued)
	}()
	select {
	case <-queued:
	case <-time.After(5 * time.Second):
		t.Fatal("fyne.Do waited for the busy UI goroutine")
	}
	close(release)
	var seen []int
	ui.Do(func() { seen = append(seen, got...) })
	if len(seen) != 3 || seen[0] != 0 || seen[2] != 2 {
		t.Errorf("ran %v, want [0 1 2]", seen)
	}
	fyne.DoAndWait(func() { got = nil })
	if got != nil {
		t.Error("DoAndWait did not wait")
	}
}

// After the end of the test, Do runs nothing and does not block.
func TestStopped(t *testing.T) {
	var ui *App
	t.Run("app", func(t *testing.T) { ui = NewApp(t) })
	ran := false
	ui.Do(func() { ran = true }) // (fyne.Do now goes to the next test's app)
	if ran {
		t.Error("ran after the end of the test")
	}
}
