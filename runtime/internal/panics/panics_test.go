package panics_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/rescoord/rescoord/runtime/internal/panics"
	"github.com/rescoord/rescoord/runtime/resource"
)

func TestCatch(t *testing.T) {
	if err := panics.Catch(nil); err != nil {
		t.Errorf("Catch(nil) = %v", err)
	}
	if err := panics.Catch(func() error { return io.EOF }); err != io.EOF {
		t.Errorf("Catch returned %v, want io.EOF", err)
	}
	err := panics.Catch(func() error { panic("boom") })
	var pe *resource.PanicError
	if !errors.As(err, &pe) || pe.Value != "boom" || !strings.Contains(string(pe.Stack), "panics_test.TestCatch") {
		t.Fatalf("Catch of a panic = %#v", err)
	}
	err = panics.Catch(func() error { panic(io.ErrUnexpectedEOF) })
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a panic with an error value does not unwrap to it: %v", err)
	}
}
