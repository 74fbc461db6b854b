package testsflag_test

import (
	"testing"

	"github.com/rescoord/rescoord/runtime/controller"
)

type helper struct{ controller.Base }

func TestExternal(t *testing.T) {
	var h helper
	go h.Cleanup() // want `goroutine started outside`
}
