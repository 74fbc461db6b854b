// Package basic has a controller, so it is controller-layer code.
package basic

import (
	"context"
	"time"

	"github.com/rescoord/rescoord/runtime/controller"
)

// Copy is a controller.
type Copy struct {
	controller.Base
	op   *controller.Operation
	done chan struct{}
}

// NewCopy builds the controller.
func NewCopy() *Copy {
	c := &Copy{done: make(chan struct{})}
	c.Init(c, controller.Workers)
	c.op = c.Operation("Copy")
	return c
}

func (c *Copy) bad() {
	go c.loop() // want `goroutine started outside the controller's workers; use Workers\(\).Go`
	go func() { // want `goroutine started outside the controller's workers`
		time.Sleep(time.Millisecond)
	}()
}

func (c *Copy) loop() {}

// helper is not a method of the controller, but the package is
// controller-layer code.
func helper() {
	go helper() // want `goroutine started outside`
}

func (c *Copy) good() {
	c.Workers().Go("copy", func(ctx context.Context) error {
		errs := make(chan error, 1)
		go func() { errs <- nil }() // inside a tracked worker: its ctx reaches it
		select {
		case <-ctx.Done():
		case <-errs:
		}
		return nil
	})
	c.op.Start(func(ctx context.Context) error {
		run := func() {
			go c.loop() // still inside the worker
		}
		run()
		return nil
	})
	start := func(fn func(context.Context) error) {}
	start(func(ctx context.Context) error {
		go c.loop() // want `goroutine started outside`
		return nil
	})
}

// worker is a worker object (coord.Worker), adopted with TrackWorker: its
// own goroutine is stopped by Cancel.
type worker struct{ stop, done chan struct{} }

func (w *worker) Start()                { go w.run() }
func (w *worker) run()                  { defer close(w.done); <-w.stop }
func (w *worker) Cancel()               { close(w.stop) }
func (w *worker) Done() <-chan struct{} { return w.done }

func (c *Copy) adopt() {
	w := &worker{make(chan struct{}), make(chan struct{})}
	w.Start()
	c.Workers().TrackWorker(w)
}

// notWorker has a Done of the wrong type.
type notWorker struct{}

func (notWorker) Cancel()            {}
func (notWorker) Done() chan<- error { return nil }
func (notWorker) Start()             { go helper() } // want `goroutine started outside`

func (c *Copy) ignored() {
	go c.loop() //reslint:ignore untracked fire and forget, the loop returns at once

	//reslint:ignore untracked shutting down
	go c.loop()

	//reslint:ignore uilayer this names another analyzer
	go c.loop() // want `goroutine started outside`

	// want +1 `//reslint:ignore untracked needs a reason`
	//reslint:ignore untracked
	go c.loop() // want `goroutine started outside`
}
