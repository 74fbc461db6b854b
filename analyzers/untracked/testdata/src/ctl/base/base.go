// Package base is an application's own controller base, embedding
// controller.Base.
package base

import "github.com/rescoord/rescoord/runtime/controller"

// Controller is embedded by the application's controllers.
type Controller struct {
	controller.Base
	Name string
}
