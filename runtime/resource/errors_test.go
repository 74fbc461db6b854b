package resource_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/rescoord/rescoord/runtime/resource"
)

func TestPanicError(t *testing.T) {
	var err error = &resource.PanicError{Value: "boom", Stack: []byte("goroutine 1")}
	if !strings.Contains(err.Error(), "panic: boom") {
		t.Errorf("Error() = %q", err.Error())
	}
	if errors.Unwrap(err) != nil {
		t.Errorf("a panic with a string value unwraps to %v", errors.Unwrap(err))
	}
	err = &resource.PanicError{Value: io.ErrUnexpectedEOF}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a panic with an error value does not unwrap to it: %v", err)
	}
}
