package rules

import (
	"context"
	"log"

	"example.com/fixture/tracer"
)

func traced(ctx context.Context, tr tracer.Tracer) {
	ctx, span := tr.Start(ctx, "work")
	defer span.End()
	_ = ctx
}

func tracedLeak(ctx context.Context, tr tracer.Tracer, fail bool) {
	ctx, span := tr.Start(ctx, "work") // want `span from tr.Start: End is not called on all paths; this return can be reached without it`
	if fail {
		return
	}
	span.SetName("done")
	span.End()
	_ = ctx
}

func tracedFatal(ctx context.Context, tr tracer.Tracer, fail bool) {
	_, span := tr.Start(ctx, "work")
	if fail {
		log.Fatal("cannot continue") // never returns: not a leak path
	}
	span.End()
}

func tracedDiscarded(ctx context.Context, tr tracer.Tracer) {
	tr.Start(ctx, "lost") // want `the result of tr.Start is discarded`
}
