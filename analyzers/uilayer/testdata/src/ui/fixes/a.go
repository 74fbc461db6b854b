// Package fixes has diagnostics with suggested fixes.
//
//reslint:layer ui
package fixes

import (
	"fmt"

	_ "github.com/rescoord/rescoord/runtime/coord"  // want `UI package imports runtime/coord`
	"github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource`
)

type tab struct {
	title string
	// workerID was the running worker's ID.
	workerID resource.ID // want `UI type keeps a resource ID \(resource.ID\) in field workerID`
	count    int
}

func (t *tab) String() string { return fmt.Sprint(t.title, t.count) }
