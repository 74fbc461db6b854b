package resource_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/rescoord/rescoord/runtime/resource"
)

func TestCatch(t *testing.T) {
	if err := resource.Catch(nil); err != nil {
		t.Errorf("Catch(nil) = %v", err)
	}
	if err := resource.Catch(func() error { return io.EOF }); err != io.EOF {
		t.Errorf("Catch returned %v, want io.EOF", err)
	}
	err := resource.Catch(func() error { panic("boom") })
	var pe *resource.PanicError
	if !errors.As(err, &pe) || pe.Value != "boom" || len(pe.Stack) == 0 {
		t.Fatalf("Catch of a panic = %#v", err)
	}
	if !strings.Contains(pe.Error(), "panic: boom") {
		t.Errorf("Error() = %q", pe.Error())
	}
	err = resource.Catch(func() error { panic(io.ErrUnexpectedEOF) })
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a panic with an error value does not unwrap to it: %v", err)
	}
}
