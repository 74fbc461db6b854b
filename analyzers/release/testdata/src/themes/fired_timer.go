package themes

// A timer that has fired has nothing left to stop: receiving from its C,
// or from a variable that holds only its C, ends the obligation to call
// Stop (checked with a rule for time.NewTimer, which std has for modules
// of Go versions below 1.23). A ticker goes on firing, so receiving from
// its C ends nothing.

import (
	"errors"
	"time"
)

var errTimeout = errors.New("timeout")

// gorilla/websocket's write: stopped when the lock comes first, fired
// otherwise.
func firedInSelect(mu chan struct{}, d time.Duration) error {
	timer := time.NewTimer(d)
	select {
	case <-mu:
		timer.Stop()
	case <-timer.C:
		return errTimeout
	}
	mu <- struct{}{}
	return nil
}

// yamux's Read: the channel held in a variable that is nil without a
// deadline.
func firedThroughVar(deadline time.Time, ready, done chan struct{}) error {
	var timeout <-chan time.Time
	var timer *time.Timer
	if !deadline.IsZero() {
		timer = time.NewTimer(time.Until(deadline))
		timeout = timer.C
	}
	select {
	case <-done:
	case <-ready:
	case <-timeout:
		return errTimeout
	}
	if timer != nil {
		timer.Stop()
	}
	return nil
}

// Neither stopped nor fired on the path that returns at once.
func notFired(mu chan struct{}, d time.Duration) error {
	timer := time.NewTimer(d) // want `timer from time.NewTimer: Stop is not called on all paths; this return can be reached without it`
	select {
	case <-mu:
		return nil
	case <-timer.C:
		return errTimeout
	}
}

// The variable holds another channel too: a receive from it says nothing
// of the timer.
func sharedVar(d time.Duration, other <-chan time.Time, useOther bool) error {
	timer := time.NewTimer(d) // want `timer from time.NewTimer: Stop is not called on all paths; this return can be reached without it`
	timeout := timer.C
	if useOther {
		timeout = other
	}
	<-timeout
	return nil
}
