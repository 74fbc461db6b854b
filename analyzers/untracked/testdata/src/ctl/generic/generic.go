// Package generic has a generic controller.
package generic

import "github.com/rescoord/rescoord/runtime/controller"

// List is a controller of items of any type.
type List[T any] struct {
	controller.Base
	items []T
}

func (l *List[T]) load(fetch func() []T) {
	go func() { l.items = fetch() }() // want `goroutine started outside`
}

func use() {
	var l List[string]
	l.load(nil)
}
