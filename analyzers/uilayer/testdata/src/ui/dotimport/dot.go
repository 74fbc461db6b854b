// Package dotimport dot-imports the coordinator package.
//
//reslint:layer ui
package dotimport

import (
	. "github.com/rescoord/rescoord/runtime/coord" // want `UI package imports runtime/coord`
)

var workers = NewWorkers("dot") // want `UI code keeps a coordinator \(\*coord.Workers\) in package variable workers` `UI code creates a coordinator \(coord.NewWorkers\)`

func track(x any) {
	workers.TrackWorker(nil, Name("w"), AutoRelease(false)) // want `UI code tracks a resource \(coord.Workers.TrackWorker\)`
	_ = Name("just an option")
	_ = x
}
