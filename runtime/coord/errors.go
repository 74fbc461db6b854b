package coord

import (
	"context"
	"fmt"
	"strings"
)

// StuckError reports the workers that did not stop before the context of
// CleanupAll, CancelAll, Close or the service's Shutdown was done. It
// unwraps to the context's error.
type StuckError struct {
	Component string
	Workers   []WorkerInfo
	Err       error // the context's error
}

// Error lists the workers that did not stop.
func (e *StuckError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "coord: %d worker(s) of %s did not stop: ", len(e.Workers), e.Component)
	for i, w := range e.Workers {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(w.String())
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the context's error.
func (e *StuckError) Unwrap() error { return e.Err }

func (st *state) stuckError(ctx context.Context, ws []*worker) *StuckError {
	e := &StuckError{Component: st.id, Err: context.Cause(ctx)}
	for _, w := range ws {
		e.Workers = append(e.Workers, st.workerInfo(w))
	}
	return e
}
