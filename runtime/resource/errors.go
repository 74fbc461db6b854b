package resource

import (
	"errors"
	"fmt"
	"runtime/debug"
)

var (
	// ErrNotTracked is returned when releasing an ID that is unknown or was
	// already released.
	ErrNotTracked = errors.New("resource: not tracked (unknown or already released)")

	// ErrClosed is returned when registering with a service that was shut
	// down, or tracking with a coordinator that was closed. The resource is
	// released at once.
	ErrClosed = errors.New("resource: closed")
)

// PanicError is a panic recovered from a cleanup function, a release handler
// or a worker. It is returned (joined with the other errors of the same call)
// instead of crashing the program, so that every other cleanup still runs.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the stack of the panicking goroutine
}

// Error returns "panic: " and the panic value.
func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Unwrap returns the panic value if it is an error, so that errors.Is and
// errors.As see through the panic.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// catch calls fn and returns its error, or the panic as a *PanicError if fn
// panics. (runtime/internal/panics does the same for the other runtime
// packages, which cannot reach this one's unexported names.)
func catch(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return fn()
}
