package themes

// Hand-offs into a struct: storing the end function in a field of a value
// that leaves the function (returned, or captured by a goroutine that ends
// it) ends this function's responsibility; a path that leaves before the
// store still leaks.
//
//   - gosec #1591: the end function stored in a struct literal, returned,
//     and called by the caller through the field;
//   - gosec #1637: stored in a job struct that a goroutine ends with
//     defer job.stop().

import (
	"context"
	"errors"
	"net"

	"example.com/fixture/pool"
)

type lease struct {
	ctx context.Context
	End func()
}

func newLease(ctx context.Context) lease {
	ctx, end := pool.Lease(ctx)
	l := lease{ctx: ctx, End: end}
	return l
}

func useLease(ctx context.Context) error {
	l := newLease(ctx)
	defer l.End()
	return l.ctx.Err()
}

func newNamedLease(ctx context.Context, name string) (*lease, error) {
	ctx, end := pool.Lease(ctx) // want `end from pool.Lease: end\(\) is not called on all paths; this return can be reached without it`
	if name == "" {
		return nil, errors.New("no name") // before the store: nothing ends the lease
	}
	return &lease{ctx: ctx, End: end}, nil
}

type activeJob struct {
	ctx  context.Context
	stop func()
}

func startJob(ctx context.Context, work func(context.Context)) {
	ctx, end := pool.Lease(ctx)
	job := &activeJob{ctx: ctx, stop: end}
	go func(job *activeJob) {
		defer job.stop()
		work(job.ctx)
	}(job)
}

func startJobUnlessBusy(ctx context.Context, busy bool, work func(context.Context)) {
	ctx, end := pool.Lease(ctx) // want `end from pool.Lease: end\(\) is not called on all paths; this return can be reached without it`
	if busy {
		return
	}
	job := &activeJob{ctx: ctx, stop: end}
	go func(job *activeJob) {
		defer job.stop()
		work(job.ctx)
	}(job)
}

// Wrapped in place: the old connection goes into the new value.
type timeoutConn struct{ net.Conn }

func wrapInPlace(addr string) (net.Conn, error) { // want wrapInPlace:"returns\\(0 Close\\)"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	conn = &timeoutConn{conn}
	return conn, nil
}
