// Package coord provides coordinators: the layer that owns the lifecycle of
// a component's resources and reports to a [resource.Service].
//
//	UI → Controller → Coordinator → Service
//
// A [Coordinator] tracks resources of any kind and releases them: one at a
// time with [Coordinator.Release], or all together, last tracked first, with
// [Coordinator.CleanupAll] and [Coordinator.Close]. [Workers] is a
// coordinator that also runs background work: [Workers.Go] starts a function
// as a tracked goroutine with its own cancellable context, and
// [Workers.TrackWorker] adopts a worker object that runs by itself.
//
// Every coordinator registers with its service when it is created, and the
// service's Shutdown closes it. If a coordinator becomes unreachable while it
// still holds resources, the garbage collector's cleanup logs
// "component ... collected with N active resources" and releases them: a
// safety net, best effort by Go's rules, not a way to manage resources.
//
// A nil *Coordinator and a nil *Workers are valid and do nothing: Track
// returns the zero ID without running anything, Release and CleanupAll
// return nil, Go does not start the function. The zero Coordinator and the
// zero Workers behave the same way; use [New] and [NewWorkers].
//
// Worker goroutines carry the pprof labels rescoord.service,
// rescoord.component and rescoord.worker, which the goroutines they start
// inherit, so that a goroutine profile says whose each goroutine is (see
// [Workers.Go]).
//
// All methods are safe for concurrent use. Tracking and releasing take one
// lock per coordinator, never a lock shared between coordinators, and do not
// allocate.
package coord
