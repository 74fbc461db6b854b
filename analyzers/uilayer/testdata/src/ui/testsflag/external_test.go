//reslint:layer ui
package testsflag_test

import (
	"testing"

	"github.com/rescoord/rescoord/runtime/coord" // want `UI package imports runtime/coord`
)

func TestExternal(t *testing.T) {
	c := coord.New("x") // want `variable c` `creates a coordinator`
	go c.Close()        // want `UI code starts a goroutine` `releases resources`
}
