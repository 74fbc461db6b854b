package rules

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"example.com/fixture/pool"
	"example.com/fixture/tracer"
)

// Registering the release to run later releases on every later path.

func cleanupFunc(t *testing.T, ctx context.Context) context.Context {
	ctx, end := pool.Lease(ctx)
	t.Cleanup(end)
	return ctx
}

func cleanupClosure(tb testing.TB, name string) *os.File {
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return nil
}

func cleanupClosureBenchmark(b *testing.B, name string) {
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = f.Close() })
	fmt.Println(f.Name())
}

func cleanupClosureCall(t *testing.T, name string) {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fmt.Println(f.Close()) })
}

func cleanupMethodValue(t *testing.T, ctx context.Context, tr tracer.Tracer) context.Context {
	ctx, span := tr.Start(ctx, "test")
	t.Cleanup(span.End)
	return ctx
}

func methodValueElsewhere(ctx context.Context, tr tracer.Tracer, run func(func(string))) {
	_, span := tr.Start(ctx, "work") // want `span from tr.Start: End is not called on all paths`
	run(span.SetName)                // not its release method
}

func afterFunc(ctx, parent context.Context) {
	_, end := pool.Lease(ctx)
	context.AfterFunc(parent, end)
}

// A closure releases only where it does: under a condition, the rest of
// the paths still leak.

func conditionalDefer(name string, keep bool) error {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	return nil
}

func everyPathDefer(name string, verbose bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer func() {
		if verbose {
			fmt.Println("closing", f.Name())
		}
		f.Close()
	}()
	return nil
}

// A closure that only reads the resource takes nothing over.

func readingClosure(name string) error {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	show := func() { fmt.Println(f.Name()) }
	show()
	return nil
}

// A range over a ticker's channel never ends: it is no way out of the
// function, and what is acquired before it is not leaked there.

func tickForever(name string, tick *time.Ticker) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	for range tick.C {
		fmt.Println(f.Name())
	}
}

func tickUntilDone(name string, tick *time.Ticker, done chan struct{}) {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return
	}
	for {
		select {
		case <-tick.C:
			fmt.Println(f.Name())
		case <-done:
			return
		}
	}
}
