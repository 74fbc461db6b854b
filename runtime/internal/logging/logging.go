// Package logging holds the loggers the runtime packages share: the one
// that discards everything, the warnings-only one a resource.Manager uses
// when it is given no logger, and the level below which a logger never
// logs, so that hot paths skip building records.
package logging

import (
	"context"
	"log/slog"
)

// Discard is the logger used where a nil logger was given.
var Discard = slog.New(slog.DiscardHandler)

// OrDiscard returns l, or [Discard] if l is nil.
func OrDiscard(l *slog.Logger) *slog.Logger {
	if l == nil {
		return Discard
	}
	return l
}

// Warnings forwards warnings and errors to whatever slog.Default is at the
// time of the record, so that leak warnings are seen without any setup while
// routine records stay quiet. It is the logger of a resource.Manager given
// no logger.
var Warnings = slog.New(defaultWarnings{})

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

// Floor returns a level below which l never logs, so that a caller on a hot
// path can skip building records, and even asking l, for lower levels. It
// knows the loggers of this package (a nil logger counts as [Discard]); for
// any other logger it returns a level below every standard level, meaning
// "ask l.Enabled".
func Floor(l *slog.Logger) slog.Level {
	switch h := OrDiscard(l).Handler(); h.(type) {
	case defaultWarnings:
		return slog.LevelWarn
	default:
		if h == slog.DiscardHandler {
			return slog.LevelError + 1<<20
		}
	}
	return slog.LevelDebug - 1<<20
}
