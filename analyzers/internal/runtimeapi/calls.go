package runtimeapi

// What a runtime call does to resources, as the analyzers explain it.
type Action uint8

// The actions of runtime calls.
const (
	None     Action = iota
	Track           // starts tracking a resource
	Start           // starts a worker (a tracked goroutine)
	Release         // releases one resource or all of them
	Register        // registers a component or a cleanup with the service
	Create          // creates a coordinator or a service
	Service         // fetches or replaces the process's default service
)

var actions = map[Func]Action{
	{CoordPath, "", "New"}:                           Create,
	{CoordPath, "", "NewWorkers"}:                    Create,
	{CoordPath, "Coordinator", "Track"}:              Track,
	{CoordPath, "Coordinator", "Release"}:            Release,
	{CoordPath, "Coordinator", "CleanupAll"}:         Release,
	{CoordPath, "Coordinator", "Close"}:              Release,
	{CoordPath, "Coordinator", "Bind"}:               Register,
	{CoordPath, "Workers", "Track"}:                  Track,
	{CoordPath, "Workers", "TrackWorker"}:            Track,
	{CoordPath, "Workers", "Go"}:                     Start,
	{CoordPath, "Workers", "Release"}:                Release,
	{CoordPath, "Workers", "CleanupAll"}:             Release,
	{CoordPath, "Workers", "Close"}:                  Release,
	{CoordPath, "Workers", "CancelAll"}:              Release,
	{CoordPath, "Workers", "CancelAllWorkers"}:       Release,
	{CoordPath, "Workers", "Bind"}:                   Register,
	{ResourcePath, "", "Default"}:                    Service,
	{ResourcePath, "", "SetDefault"}:                 Service,
	{ResourcePath, "", "NewManager"}:                 Create,
	{ResourcePath, "Service", "RegisterComponent"}:   Register,
	{ResourcePath, "Service", "RegisterCleanup"}:     Register,
	{ResourcePath, "Service", "UnregisterComponent"}: Register,
	{ResourcePath, "Service", "Shutdown"}:            Release,
	{ResourcePath, "Manager", "RegisterComponent"}:   Register,
	{ResourcePath, "Manager", "RegisterCleanup"}:     Register,
	{ResourcePath, "Manager", "UnregisterComponent"}: Register,
	{ResourcePath, "Manager", "Shutdown"}:            Release,
	{ControllerPath, "Operation", "Start"}:           Start,
}

// ActionOf says what calling f does to resources; None for functions that
// only read (Live, ActiveWorkers, ID, ...) or that are not resource
// management at all.
func ActionOf(f Func) Action { return actions[f] }

// StartsWorker reports whether f runs its function argument as a tracked
// worker: Workers.Go and Operation.Start.
func StartsWorker(f Func) bool { return actions[f] == Start }
