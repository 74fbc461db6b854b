package rules

import (
	"context"
	"fmt"
	"io"
	"os"

	"example.com/fixture/pool"
	_ "github.com/rescoord/rescoord/runtime/resource"
)

func open(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err // the error branch of the acquisition is not a leak
	}
	defer f.Close()
	return nil
}

func openLeak(name string) error {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return err
	}
	fmt.Println(f.Name())
	return nil
}

func readOnly(name string) ([]byte, error) {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f) // io.Reader cannot close it: not a hand-off
}

func closer(name string) io.ReadCloser {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	var rc io.ReadCloser = f // handed off
	return rc
}

func cancelLeak(ctx context.Context) context.Context {
	ctx, cancel := pool.Lease(ctx) // want `cancel from pool.Lease: cancel\(\) is not called on all paths`
	if ctx.Err() != nil {
		cancel()
	}
	return ctx
}

func cancelled(ctx context.Context) {
	ctx, cancel := pool.Lease(ctx)
	defer cancel()
	fmt.Println(ctx)
}

func cancelDiscarded(ctx context.Context) {
	_, _ = pool.Lease(ctx) // want `the function returned by pool.Lease is discarded`
}

func poolOK(p *pool.Pool) {
	h := p.Acquire()
	defer p.Release(h)
}

func poolOther(p, q *pool.Pool) {
	h := p.Acquire() // want `h from p.Acquire: Release is not called on all paths`
	q.Release(h)
}
