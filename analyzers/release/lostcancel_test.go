package release

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// contextRules makes every context.With* function that returns a cancel
// function a release rule, as lostcancel knows them.
const contextRules = "func context.WithCancel#1; func context.WithTimeout#1; func context.WithDeadline#1; " +
	"func context.WithCancelCause#1; func context.WithTimeoutCause#1; func context.WithDeadlineCause#1"

// TestLostcancelTestdata runs release, with rules for the context
// functions, on lostcancel's own test data (from the module cache, at the
// version of golang.org/x/tools this module requires) and checks that it
// reports exactly the leaks lostcancel's want comments expect at an
// acquisition ("not used on all paths", "should be called, not
// discarded"): all of them, and no others. The rules are set as parsed,
// past the check that refuses them from users (lostcancel itself checks
// these functions).
func TestLostcancelTestdata(t *testing.T) {
	dir := peerModule(t, "golang.org/x/tools", "v0.52.0")
	src := filepath.Join(dir, "go", "analysis", "passes", "lostcancel", "testdata", "src")
	cfg := &packages.Config{
		Dir: src,
		Env: append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOFLAGS="),
	}
	dirs := []string{"a", "b", "typeparams"}
	var rules []string
	for _, r := range strings.Split(contextRules, ";") {
		rules = append(rules, strings.TrimSpace(r))
	}
	ours := runOn(t, src, cfg, dirs, rules, nil)
	theirs := wantLines(t, src, dirs, regexp.MustCompile(`want .*(not used|should be called, not discarded)`))
	comparePeer(t, "lostcancel", theirs, ours, nil, nil)
}
