// Package controller provides [Base], the part every controller embeds.
//
//	UI → Controller → Coordinator → Service
//
// A controller holds the business logic of one UI component (a tab, a view)
// and every resource that logic needs; the UI only calls the controller.
// Base gives a controller its coordinator, registered with the resource
// service and bound to the controller, its logger, and Cleanup.
//
// Controllers are usually written with the rescoordgen generator: a struct
// type embedding Base with a //rescoord:controller directive gets a
// generated constructor that calls [Base.Init], and each method marked
// //rescoord:operation gets Start, Cancel and Running methods. Written by
// hand, a controller looks like this:
//
//	type Thumbnails struct {
//		controller.Base
//		cache map[string]image.Image
//	}
//
//	func NewThumbnails(opts ...controller.Option) *Thumbnails {
//		t := &Thumbnails{cache: map[string]image.Image{}}
//		t.Init(t, controller.Plain, opts...)
//		return t
//	}
//
// The zero Base is usable: its coordinators are nil, which do nothing, and
// Cleanup returns nil.
package controller
