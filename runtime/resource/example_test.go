package resource_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/rescoord/rescoord/runtime/resource"
)

// A Manager runs every registered cleanup at shutdown, higher priority
// first and the last registered first within one priority.
func ExampleManager_Shutdown() {
	m := resource.NewManager()
	m.RegisterCleanup(nil, 0, func(context.Context) error { fmt.Println("close the database"); return nil })
	m.RegisterCleanup(nil, 10, func(context.Context) error { fmt.Println("stop the workers"); return nil })
	m.RegisterCleanup(nil, 10, func(context.Context) error { fmt.Println("flush the caches"); return nil })

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println(m.Shutdown(ctx))
	fmt.Println(m.Shutdown(ctx)) // a second shutdown does nothing
	// Output:
	// flush the caches
	// stop the workers
	// close the database
	// <nil>
	// <nil>
}

// A panic in a cleanup is returned as a *PanicError; the other cleanups
// still run.
func ExamplePanicError() {
	m := resource.NewManager(resource.WithLogger(nil))
	m.RegisterCleanup(nil, 0, func(context.Context) error { fmt.Println("still runs"); return nil })
	m.RegisterCleanup(nil, 1, func(context.Context) error { panic("broken cleanup") })

	err := m.Shutdown(context.Background())
	var pe *resource.PanicError
	fmt.Println(errors.As(err, &pe), pe.Value)
	// Output:
	// still runs
	// true broken cleanup
}

// The guide's signs are log records: pass a logger to see them.
func ExampleWithLogger() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the output stable
			}
			return a
		},
	}))
	m := resource.NewManager(resource.WithLogger(logger))
	m.RegisterComponent(&component{id: "CopyVerifyController_1"})
	// Output:
	// level=INFO msg="registered component" component=CopyVerifyController_1 type=test
}

// Default is the process-wide service, used when none is injected;
// SetDefault replaces it, for example with one configured at start-up.
func ExampleSetDefault() {
	m := resource.NewManager(resource.WithOrigins(true))
	resource.SetDefault(m)
	defer resource.SetDefault(nil)
	fmt.Println(resource.Default() == resource.Service(m), m.RecordsOrigins())
	// Output:
	// true true
}

// IDs are UUIDs.
func ExampleParseID() {
	id, err := resource.ParseID("0f1e2d3c-4b5a-8968-b7a6-958473625140")
	fmt.Println(id, err, id.UUID().Version())
	// Output:
	// 0f1e2d3c-4b5a-8968-b7a6-958473625140 <nil> VERSION_8
}
