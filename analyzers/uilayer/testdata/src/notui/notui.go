// Package notui is not in the UI layer (no directive, no pattern): it may
// manage resources and start goroutines as it likes.
package notui

import (
	"context"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

type holder struct {
	ids []resource.ID
	w   *coord.Workers
}

func run() {
	h := &holder{w: coord.NewWorkers("x")}
	h.ids = append(h.ids, h.w.Track(1, resource.Custom))
	h.w.Go("w", func(ctx context.Context) error { return nil })
	go run()
	resource.Default()
}
