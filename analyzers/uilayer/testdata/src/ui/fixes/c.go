package fixes

import "github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource`

// Two dead fields are the only users of the import: deleting one alone
// would leave it used, deleting both would need the import gone too, so
// neither gets a fix.
type both struct {
	a resource.ID // want `field a`
	b resource.ID // want `field b`
}

var _ both
