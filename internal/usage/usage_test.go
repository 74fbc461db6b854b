package usage

import (
	"errors"
	"os"
	"testing"
)

func TestInvalid(t *testing.T) {
	err := errors.New("bad rule")
	if got := Invalid(err); got != err {
		t.Fatalf("Invalid before ExitOnInvalid = %v, want the error back", got)
	}
	if Invalid(nil) != nil {
		t.Fatal("Invalid(nil) is not nil")
	}
	var code int
	exit = func(c int) { code = c }
	t.Cleanup(func() { exit = os.Exit; fatal.Store(false) })
	ExitOnInvalid()
	Invalid(err)
	if code != 2 {
		t.Fatalf("Invalid after ExitOnInvalid exited with %d, want 2", code)
	}
}
