package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// startingHeap is how large the heap may grow before rescoordgen's first
// garbage collection. Its live heap is a few megabytes for hundreds of
// controllers (it keeps no function bodies), and with Go's default
// 4 MB starting goal it would collect several times a run, for about a
// fifth of its own time.
const startingHeap = 64 << 20

// startHeap lets the heap grow to size before the first garbage
// collection, after which the collector goes back to the settings it had,
// so that a run over many packages uses memory as any Go program does.
// It does nothing when GOGC or GOMEMLIMIT is set: the user's choice
// stands. stop goes back to the previous settings at once, if the first
// collection has not already.
func startHeap(size int64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(size)
	var once sync.Once
	stop = func() {
		once.Do(func() {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(limit)
		})
	}
	// The first collection finds the sentinel unreachable and queues its
	// finalizer. (A 16-byte object would share a block with others.)
	type sentinel [32]byte
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { stop() })
	return stop
}
