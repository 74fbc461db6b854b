// Package bydirective has no controller type but says it is controller
// code.
//
//reslint:layer controller
package bydirective

func run() {
	go run() // want `goroutine started outside`
}
