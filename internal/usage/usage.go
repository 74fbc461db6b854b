// Package usage lets a command treat an analyzer's invalid settings as a
// usage error: reported once, before any finding, with exit status 2, as
// the flag package does for a flag it cannot parse. Under other drivers
// (go vet, golangci-lint) the error stays the analysis error it is.
package usage

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

var (
	fatal atomic.Bool
	once  sync.Once
	exit  = os.Exit
)

// ExitOnInvalid makes Invalid end the process. A command calls it before
// running its analyzers, when it is the driver.
func ExitOnInvalid() { fatal.Store(true) }

// Invalid reports err, an invalid setting (a rule that names nothing, a
// configuration file that does not parse): when the command asked for it,
// it prints err and ends the process with exit status 2; otherwise it
// returns err, for the analyzer to return.
func Invalid(err error) error {
	if err == nil || !fatal.Load() {
		return err
	}
	first := false
	once.Do(func() {
		first = true
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
		exit(2)
	})
	if !first {
		select {} // another analysis is printing the first error and exiting
	}
	return err // only where exit does not end the process (tests)
}
