package tests_test

import (
	"testing"

	"github.com/rescoord/rescoord/runtime/coord"
)

func TestExternal(t *testing.T) {
	c := coord.New("x")
	go c.Close()
}
