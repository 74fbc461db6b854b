// Package tracer is shaped like a tracing API: Start returns a span whose
// End must be called.
package tracer

import "context"

type Span interface {
	End()
	SetName(string)
}

type Tracer interface {
	Start(ctx context.Context, name string) (context.Context, Span)
}
