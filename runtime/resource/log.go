package resource

import (
	"context"
	"log/slog"
)

// discard is the logger used where a nil logger was given.
var discard = slog.New(slog.DiscardHandler)

// Logger returns l, or a logger that discards everything if l is nil.
func Logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return discard
	}
	return l
}

// warnings is the logger of a Manager given no logger: it forwards warnings
// and errors to whatever slog.Default is at the time of the record, so that
// leak warnings are seen without any setup while routine records stay quiet.
var warnings = slog.New(defaultWarnings{})

type defaultWarnings struct {
	with func(slog.Handler) slog.Handler // attributes and groups added by With
}

func (h defaultWarnings) handler() slog.Handler {
	d := slog.Default().Handler()
	if h.with != nil {
		d = h.with(d)
	}
	return d
}

func (h defaultWarnings) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= slog.LevelWarn && h.handler().Enabled(ctx, level)
}

func (h defaultWarnings) Handle(ctx context.Context, r slog.Record) error {
	return h.handler().Handle(ctx, r)
}

func (h defaultWarnings) WithAttrs(attrs []slog.Attr) slog.Handler {
	prev := h.with
	return defaultWarnings{with: func(d slog.Handler) slog.Handler {
		if prev != nil {
			d = prev(d)
		}
		return d.WithAttrs(attrs)
	}}
}

func (h defaultWarnings) WithGroup(name string) slog.Handler {
	prev := h.with
	return defaultWarnings{with: func(d slog.Handler) slog.Handler {
		if prev != nil {
			d = prev(d)
		}
		return d.WithGroup(name)
	}}
}

// MinLevel returns a level below which l never logs, so that a caller on a
// hot path can skip building records, and even asking l, for lower levels.
// It knows the loggers this package makes (the discarding one and the
// default warnings-only one); for any other logger it returns a level below
// every standard level, meaning "ask l.Enabled".
func MinLevel(l *slog.Logger) slog.Level {
	switch h := Logger(l).Handler(); h.(type) {
	case defaultWarnings:
		return slog.LevelWarn
	default:
		if h == slog.DiscardHandler {
			return slog.LevelError + 1<<20
		}
	}
	return slog.LevelDebug - 1<<20
}
