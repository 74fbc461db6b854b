package testsflag

import (
	"testing"

	"github.com/rescoord/rescoord/runtime/coord" // want `UI package imports runtime/coord`
)

func TestStart(t *testing.T) {
	w := coord.NewWorkers("test") // want `variable w` `creates a coordinator`
	go start()                    // want `UI code starts a goroutine`
	_ = w
}
