// Package tests has test files, which are not reported by default: tests
// set up services, track resources and start goroutines of their own.
//
//reslint:layer ui
package tests

func start() {
	go start() // want `UI code starts a goroutine`
}
