package ctrl

import "github.com/rescoord/rescoord/runtime/controller"

//rescoord:controller // want `generated code for Missing is missing \(missing_rescoord.go\); run go generate`
type Missing struct {
	controller.Base
}
