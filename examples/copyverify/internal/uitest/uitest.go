// Package uitest gives tests a Fyne app whose UI thread works as the real
// driver's does.
//
// Fyne's test driver runs fyne.Do at once on the calling goroutine, so a
// controller's events would update the widgets from the controller's
// goroutines, at the same time as the test and as each other; with the real
// driver, fyne.Do queues the function for the one UI thread and returns.
// [NewApp] restores that: fyne.Do queues, one UI goroutine runs the queue in
// order, and the test does what a user would do on the UI thread with
// [App.Do]. The tests are then free of data races, as the app is.
package uitest

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// App is Fyne's test app with a UI goroutine.
type App struct {
	fyne.App
	drv *driver
}

type driver struct {
	fyne.Driver

	mu     sync.Mutex
	queue  []func()
	wake   chan struct{}
	closed bool
	done   chan struct{}
}

// NewApp returns a test app, current for the rest of the test, whose fyne.Do
// queues for its UI goroutine. The goroutine stops at the end of the test,
// after the cleanups registered later (such as a tab's), which may use Do.
func NewApp(t testing.TB) *App {
	t.Helper()
	inner := test.NewTempApp(t)
	d := &driver{Driver: inner.Driver(), wake: make(chan struct{}, 1), done: make(chan struct{})}
	a := &App{App: inner, drv: d}
	fyne.SetCurrentApp(a)
	go d.loop()
	t.Cleanup(d.stop)
	return a
}

// Driver returns the test driver, with fyne.Do and fyne.DoAndWait going
// through the UI goroutine.
func (a *App) Driver() fyne.Driver { return a.drv }

// Do runs fn on the UI goroutine, after everything queued before, and
// waits for it: how a test taps, types and reads widgets. fn must not call
// Do or fyne.DoAndWait itself.
func (a *App) Do(fn func()) { a.drv.DoFromGoroutine(fn, true) }

// DoFromGoroutine queues f for the UI goroutine and, if wait is set, waits
// until it has run.
func (d *driver) DoFromGoroutine(f func(), wait bool) {
	if !wait {
		d.push(f)
		return
	}
	ran := make(chan struct{})
	if d.push(func() { defer close(ran); f() }) {
		<-ran
	}
}

// push queues f without blocking; after the end of the test it drops f and
// returns false.
func (d *driver) push(f func()) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return false
	}
	d.queue = append(d.queue, f)
	select {
	case d.wake <- struct{}{}:
	default:
	}
	return true
}

// loop is the UI goroutine.
func (d *driver) loop() {
	defer close(d.done)
	for {
		d.mu.Lock()
		q, closed := d.queue, d.closed
		d.queue = nil
		d.mu.Unlock()
		for _, f := range q {
			f()
		}
		if closed && len(q) == 0 {
			return
		}
		if len(q) == 0 {
			<-d.wake
		}
	}
}

// stop runs what is queued and ends the UI goroutine.
func (d *driver) stop() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	select {
	case d.wake <- struct{}{}:
	default:
	}
	<-d.done
}
