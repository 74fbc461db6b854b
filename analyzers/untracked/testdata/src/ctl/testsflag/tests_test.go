package testsflag

import "testing"

func TestRun(t *testing.T) {
	var x c
	go x.run() // want `goroutine started outside`
}
