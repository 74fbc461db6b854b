// Package nort does not use the runtime at all.
package nort

func run() { go run() }
