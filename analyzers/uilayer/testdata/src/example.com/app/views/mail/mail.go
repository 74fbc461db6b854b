// Package mail is in the UI layer by the module's .reslint.yaml.
package mail

import "github.com/rescoord/rescoord/runtime/coord" // want `UI package imports runtime/coord`

func run() {
	go run()                 // want `UI code starts a goroutine`
	_ = coord.NewWorkers("") // want `UI code creates a coordinator`
}
