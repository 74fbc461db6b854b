package tests_test

import (
	"testing"

	"github.com/rescoord/rescoord/runtime/controller"
)

type helper struct{ controller.Base }

func TestExternal(t *testing.T) {
	var h helper
	go h.Cleanup() // an external test package: not reported by default
}
