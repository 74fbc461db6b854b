// Package model matches no layer pattern: it is not reported.
package model

import "github.com/rescoord/rescoord/runtime/coord"

func run() {
	go run()
	_ = coord.NewWorkers("")
}
