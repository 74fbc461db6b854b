package fixes

import (
	res "github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource`
)

// The only use of the import goes with the field: the whole import
// declaration goes too.
type single struct {
	old res.ID // want `field old`
}

var _ single
