// Package labels names the pprof labels the runtime puts on goroutines, so
// that a goroutine profile says which service, component and worker each
// goroutine belongs to, and restest can tell a test's goroutines from every
// other's. Goroutines inherit the labels of the goroutine that starts them.
package labels

import (
	"context"
	"fmt"
	"runtime/pprof"

	"github.com/rescoord/rescoord/runtime/resource"
)

// The label keys. docs/runtime.md documents them for users of go tool
// pprof -tagfocus.
const (
	Service   = "rescoord.service"   // the name of the worker's service
	Component = "rescoord.component" // the component ID of the worker's coordinator
	Worker    = "rescoord.worker"    // the worker's name
	Test      = "rescoord.test"      // the test (and restest service) a goroutine descends from
)

// ServiceName returns the name s goes by in labels: the result of its
// Name() string method when it has one that is not empty, its Go type
// otherwise.
func ServiceName(s resource.Service) string {
	if n, ok := s.(interface{ Name() string }); ok {
		if name := n.Name(); name != "" {
			return name
		}
	}
	return fmt.Sprintf("%T", s)
}

// ForWorker returns a context carrying the labels of a worker: its
// service's name, its component's ID and its own name. It is made in one
// step from an empty context, which costs three allocations; adding the
// worker's name to a context kept per component would cost six.
func ForWorker(service, component, worker string) context.Context {
	// The keys are in order, so that pprof.Labels need not sort them.
	return pprof.WithLabels(context.Background(), pprof.Labels(Component, component, Service, service, Worker, worker))
}
