package logging_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/rescoord/rescoord/runtime/internal/logging"
)

func TestWarningsForwardsWarningsOnly(t *testing.T) {
	var mu sync.Mutex
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)

	l := logging.Warnings.With("component", "x").WithGroup("g")
	l.Info("routine")
	l.Warn("bad sign", "n", 3)
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	if strings.Contains(out, "routine") {
		t.Errorf("info record forwarded: %q", out)
	}
	if !strings.Contains(out, "bad sign") || !strings.Contains(out, "component=x") || !strings.Contains(out, "g.n=3") {
		t.Errorf("warning not forwarded with its attributes: %q", out)
	}
}

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

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}
