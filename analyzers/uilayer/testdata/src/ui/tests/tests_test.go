package tests

import (
	"testing"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

var keep resource.ID

func TestStart(t *testing.T) {
	w := coord.NewWorkers("test")
	keep = w.Track(1, resource.Custom)
	go start()
}
