// Package testsflag is checked with -uilayer.tests: then its test files
// are reported like the others.
//
//reslint:layer ui
package testsflag

func start() {
	go start() // want `UI code starts a goroutine`
}
