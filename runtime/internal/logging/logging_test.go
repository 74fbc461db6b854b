package logging_test

import (
	"log/slog"
	"testing"

	"github.com/rescoord/rescoord/runtime/internal/logging"
)

func TestFloor(t *testing.T) {
	if got := logging.Floor(logging.Warnings); got != slog.LevelWarn {
		t.Errorf("Floor(Warnings) = %v", got)
	}
	if got := logging.Floor(logging.Warnings.With("a", 1)); got != slog.LevelWarn {
		t.Errorf("Floor(Warnings.With) = %v", got)
	}
	for _, l := range []*slog.Logger{nil, logging.Discard, logging.OrDiscard(nil)} {
		if got := logging.Floor(l); got <= slog.LevelError {
			t.Errorf("Floor(%p) = %v, want above every level", l, got)
		}
	}
	if got := logging.Floor(slog.Default()); got >= slog.LevelDebug {
		t.Errorf("Floor(other) = %v, want below every level", got)
	}
	if l := slog.Default(); logging.OrDiscard(l) != l {
		t.Error("OrDiscard replaced a logger")
	}
}
