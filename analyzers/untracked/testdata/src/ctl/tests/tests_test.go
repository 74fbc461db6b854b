package tests

import "testing"

func TestRun(t *testing.T) {
	var x c
	go x.run() // tests may: not reported by default
}
