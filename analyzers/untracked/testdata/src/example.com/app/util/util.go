// Package util is in no layer.
package util

func run() { go run() }
