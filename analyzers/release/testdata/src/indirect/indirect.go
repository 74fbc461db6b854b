// Package indirect uses the rule's package (tracer) only through otel: the
// rule applies all the same.
package indirect

import (
	"context"

	"example.com/fixture/otel"
)

func leak(ctx context.Context, fail bool) error {
	_, span := otel.Tracer("x").Start(ctx, "work") // want `span from otel.Tracer\("x"\).Start: End is not called on all paths`
	if fail {
		return context.Canceled
	}
	span.End()
	return nil
}

func ended(ctx context.Context) {
	_, span := otel.Tracer("x").Start(ctx, "work")
	defer span.End()
}
