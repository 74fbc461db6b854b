// Package panics recovers the panics of the functions the runtime calls on
// behalf of its users (cleanups, release functions, workers) into
// *resource.PanicError values, so that one bad function never stops the
// others.
package panics

import (
	"runtime/debug"

	"github.com/rescoord/rescoord/runtime/resource"
)

// Catch calls fn and returns its error; if fn panics, Catch returns the panic
// as a *resource.PanicError instead. A nil fn returns nil.
func Catch(fn func() error) (err error) {
	if fn == nil {
		return nil
	}
	defer func() {
		if v := recover(); v != nil {
			err = &resource.PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return fn()
}
