// Package generated has a generated file, which is never reported.
//
//reslint:layer ui
package generated

func run() {
	go run() // want `UI code starts a goroutine`
}
