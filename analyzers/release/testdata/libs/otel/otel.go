// Package otel is checked with -release.sets=otel.
package otel

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

func ended(ctx context.Context, tr trace.Tracer) {
	_, span := tr.Start(ctx, "work")
	defer span.End()
}

func leaked(ctx context.Context, tr trace.Tracer, fail bool) error {
	_, span := tr.Start(ctx, "work") // want `span from tr.Start: End is not called on all paths`
	if fail {
		return errors.New("failed")
	}
	span.End()
	return nil
}

func discarded(ctx context.Context, tr trace.Tracer) context.Context {
	ctx, _ = tr.Start(ctx, "work") // want `discarded`
	return ctx
}

// A tracer from a provider is a trace.Tracer too.
func provider(ctx context.Context) {
	_, span := noop.NewTracerProvider().Tracer("x").Start(ctx, "work") // want `span from .*Start: End is not called on all paths`
	span.AddEvent("started")
}

// The span of the context is its creator's to end.
func fromContext(ctx context.Context) {
	trace.SpanFromContext(ctx).AddEvent("seen")
}

// Returning the span hands it to the caller, which must end it.
func start(ctx context.Context, tr trace.Tracer) (context.Context, trace.Span) { // want start:"returns\\(1 End\\)"
	return tr.Start(ctx, "work")
}

// Ending it in a deferred closure ends it.
func deferredClosure(ctx context.Context, tr trace.Tracer) (err error) {
	_, span := tr.Start(ctx, "work")
	defer func() {
		if err != nil {
			span.RecordError(err)
		}
		span.End()
	}()
	return nil
}
