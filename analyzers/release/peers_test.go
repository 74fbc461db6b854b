package release

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The tests of this file run release, with the rules or the set that
// matches, on the published test data of other linters for the same
// resources, and compare where release reports a leak with where the
// other linter's expectations are: the lines of both, as file:line
// relative to the test data's root. Each test lists the known
// differences, each with its reason, so that a change either way fails it.

// peerModule returns the directory of module@version in the module cache,
// downloading it (go mod download), or skips the test when it cannot be
// had.
func peerModule(t *testing.T, module, version string) string {
	t.Helper()
	out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "mod", "download", "-json", module+"@"+version).Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); err != nil || jerr != nil || info.Dir == "" {
		t.Skipf("%s@%s is not available: %v %s", module, version, err, info.Error)
	}
	return info.Dir
}

// runOn runs release on the packages patterns of cfg, with the rules
// given (set as parsed, past the checks that refuse some of them from
// users) and the named sets, and returns the message of every diagnostic
// by its file:line, the file relative to root.
func runOn(t *testing.T, root string, cfg *packages.Config, patterns, rules, sets []string) map[string]string {
	t.Helper()
	for _, text := range rules {
		r, err := parseRule(text)
		if err != nil {
			t.Fatal(err)
		}
		rulesFlag.parsed = append(rulesFlag.parsed, r)
	}
	if sets == nil {
		sets = []string{"none"} // the peer's rules alone
	}
	setsFlag.names = sets
	t.Cleanup(func() { rulesFlag.parsed, setsFlag.names = nil, nil })
	cfg.Mode = packages.LoadAllSyntax
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, err := range p.Errors {
			t.Fatalf("%s: %v", p.PkgPath, err)
		}
	}
	graph, err := driver.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]string{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			rel, err := filepath.Rel(root, p.Filename)
			if err != nil {
				t.Fatal(err)
			}
			ours[fmt.Sprintf("%s:%d", filepath.ToSlash(rel), p.Line)] = d.Message
		}
	}
	return ours
}

// wantLines returns file:line, relative to root, of every line of the Go
// files of the directories dirs (relative to root) that matches want.
func wantLines(t *testing.T, root string, dirs []string, want *regexp.Regexp) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*.go"))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			s := bufio.NewScanner(strings.NewReader(string(data)))
			for line := 1; s.Scan(); line++ {
				if want.MatchString(s.Text()) {
					out[fmt.Sprintf("%s/%s:%d", dir, filepath.Base(name), line)] = true
				}
			}
		}
	}
	return out
}

// comparePeer checks that release reports (ours) exactly what the peer
// expects (theirs), but for the known differences: the leaks it expects
// that release misses, and what release reports beyond them, each given
// with its reason. It logs the totals.
func comparePeer(t *testing.T, peer string, theirs map[string]bool, ours map[string]string, missed, extra map[string]string) {
	t.Helper()
	if len(theirs) == 0 {
		t.Fatalf("found no expectations in %s's test data", peer)
	}
	for _, line := range slices.Sorted(maps.Keys(ours)) {
		t.Logf("%s: %s", line, ours[line])
	}
	var found int
	for _, line := range slices.Sorted(maps.Keys(theirs)) {
		_, reported := ours[line]
		_, known := missed[line]
		switch {
		case reported:
			found++
			if known {
				t.Errorf("%s: release now reports this leak %s expects (listed as missed: %s)", line, peer, missed[line])
			}
		case !known:
			t.Errorf("%s: release misses a leak %s expects", line, peer)
		}
	}
	for line := range missed {
		if !theirs[line] {
			t.Errorf("%s: listed as missed, but %s expects nothing there", line, peer)
		}
	}
	var others int
	for _, line := range slices.Sorted(maps.Keys(ours)) {
		if theirs[line] {
			continue
		}
		others++
		if _, known := extra[line]; !known {
			t.Errorf("%s: release reports what %s does not expect: %s", line, peer, ours[line])
		}
	}
	for _, line := range slices.Sorted(maps.Keys(extra)) {
		if _, reported := ours[line]; !reported || theirs[line] {
			t.Errorf("%s: listed as reported beyond %s's expectations, but release does not report it there (%s)", line, peer, extra[line])
		}
	}
	t.Logf("%s expects %d leaks; release finds %d of them and reports %d others", peer, len(theirs), found, others)
}

// TestBodycloseTestdata runs release, with a type rule that makes every
// *http.Response's Body a resource to close, on bodyclose's test data.
func TestBodycloseTestdata(t *testing.T) {
	dir := peerModule(t, "github.com/timakin/bodyclose", "v0.0.0-20260723120731-857993a2939c")
	src := filepath.Join(dir, "passes", "bodyclose", "testdata", "src")
	cfg := &packages.Config{
		Dir: src,
		Env: append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOFLAGS="),
	}
	dirs := []string{"a", "consumption"}
	ours := runOn(t, src, cfg, dirs, []string{"type *net/http.Response Body.Close"}, nil)
	theirs := wantLines(t, src, dirs, regexp.MustCompile(`// want "response body must be closed`))
	missed := map[string]string{
		"a/issue4.go:17": "reported where the body goes into http.MaxBytesReader's reader, which is discarded (issue4.go:19), not here",
		// The consumption package is for bodyclose's -check-consumption:
		// it wants the body read to its end too. Draining is for reusing
		// the connection, not a release: release asks for Close only, and
		// each of these closes it.
		"consumption/consumption.go:105": "closed; read with Body.Read, which bodyclose says it does not see",
		"consumption/consumption.go:117": "closed; read by a helper, which bodyclose says it does not see",
		"consumption/consumption.go:143": "closed, not read to its end",
		"consumption/consumption.go:166": "closed, not read to its end",
		"consumption/consumption.go:180": "closed, not read to its end",
		"consumption/consumption.go:189": "closed, not read to its end",
	}
	extra := map[string]string{
		"a/handledresponse.go:19":        "the //bodyclose:handled directive exempts the callers of handledResponse; release has none, and nothing closes that body",
		"a/handledresponse.go:20":        "the directive again, on handledresponse.Get in another package",
		"consumption/consumption.go:209": "the directive again",
		"a/issue4.go:19":                 "the leak of issue4.go:17, reported where the reader that took the body over is discarded",
		"a/issue59.go:11":                "httptest.ResponseRecorder.Result returns an *http.Response, a resource by the type rule, though its body is in memory",
	}
	comparePeer(t, "bodyclose", theirs, ours, missed, extra)
}

// TestRowserrcheckTestdata runs release, with a type rule that makes every
// *sql.Rows's Err an obligation, on rowserrcheck's test data.
func TestRowserrcheckTestdata(t *testing.T) {
	dir := peerModule(t, "github.com/jingyugao/rowserrcheck", "v1.1.1")
	src := filepath.Join(dir, "passes", "rowserr", "testdata", "src")
	cfg := &packages.Config{
		Dir: src,
		Env: append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOFLAGS="),
	}
	dirs := []string{"a"}
	ours := runOn(t, src, cfg, dirs, []string{"type *database/sql.Rows Err"}, nil)
	theirs := wantLines(t, src, dirs, regexp.MustCompile(`// want "rows.Err must be checked`))
	comparePeer(t, "rowserrcheck", theirs, ours, nil, nil)
}

// TestSqlclosecheckTestdata runs release, with the std, sqlx and pgx
// sets, on sqlclosecheck's examples, a package of its module, whose
// expected_results.txt lists what sqlclosecheck reports.
func TestSqlclosecheckTestdata(t *testing.T) {
	dir := peerModule(t, "github.com/ryanrolds/sqlclosecheck", "v0.6.0")
	download := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "mod", "download")
	download.Dir = dir
	if out, err := download.CombinedOutput(); err != nil {
		t.Skipf("the requirements of sqlclosecheck's module are not available: %v\n%s", err, out)
	}
	dirs := []string{"testdata/sqlx_examples", "testdata/pgx_examples"}
	theirs := map[string]bool{}
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, d, "expected_results.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if m := resultLine.FindStringSubmatch(line); m != nil {
				theirs[m[1]] = true
			}
		}
	}
	patterns := []string{"./testdata/sqlx_examples", "./testdata/pgx_examples"}
	ours := runOn(t, dir, &packages.Config{Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")}, patterns, nil, []string{"std", "sqlx", "pgx"})
	missed := map[string]string{
		"testdata/sqlx_examples/failure_generics.go:6":  "the for rows.Next() loop runs to its end, and database/sql closes the rows when Next returns false: no leak",
		"testdata/sqlx_examples/failure_generics.go:13": "the same loop, in a generic function",
		"testdata/sqlx_examples/non_defer_close.go:30":  `"Close should use defer" is a style rule: the rows are closed on every path out (the others end in log.Fatal)`,
		"testdata/sqlx_examples/missing_close.go:10":    "the loop over the *sqlx.Rows runs to its end, and its embedded *sql.Rows closes when Next returns false: no leak",
	}
	comparePeer(t, "sqlclosecheck", theirs, ours, missed, nil)
}

// resultLine is a line of sqlclosecheck's expected_results.txt:
// "testdata/pgx_examples/missing_close.go:8:26: message".
var resultLine = regexp.MustCompile(`^(testdata/[^:]+:\d+):\d+: `)
