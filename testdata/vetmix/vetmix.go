// Package vetmix holds one problem for each of three of go vet's own
// analyzers (printf, copylocks, lostcancel): go vet -vettool=reslint must
// report all three, as plain go vet does.
package vetmix

import (
	"context"
	"fmt"
	"sync"
)

// Counter is guarded by its mutex.
type Counter struct {
	mu sync.Mutex
	n  int
}

// Label formats a string with a verb for integers.
func Label(name string) string {
	return fmt.Sprintf("%d", name)
}

// Snapshot copies the counter, its lock included.
func Snapshot(c *Counter) Counter {
	return *c
}

// Detach discards the function that cancels its context.
func Detach(ctx context.Context) context.Context {
	ctx, _ = context.WithCancel(ctx)
	return ctx
}
