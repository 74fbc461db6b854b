package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/legacy.golden")

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	binDir    string
)

// reslintBin builds the command once for all the tests of the binary.
func reslintBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	return buildReslint(t)
}

// buildReslint builds the command once for the tests and benchmarks.
func buildReslint(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "reslint-test-")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "reslint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v", buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// moduleRoot is the root of the rescoord module, two levels up.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// run runs the command in the module root and returns its output and exit
// status.
func run(t *testing.T, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = moduleRoot(t)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return o.String(), e.String(), code
}

func TestLegacyExample(t *testing.T) {
	bin := reslintBin(t)
	_, stderr, code := run(t, bin, "./examples/legacy/...")
	if code != 3 {
		t.Fatalf("exit status %d, want 3 (findings)\n%s", code, stderr)
	}
	got := strings.ReplaceAll(filepath.ToSlash(stderr), filepath.ToSlash(moduleRoot(t))+"/", "")
	golden := filepath.Join("testdata", "legacy.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("reslint ./examples/legacy/... printed\n%s\nwant (%s; -update rewrites it)\n%s", got, golden, want)
	}
	// Every rule of the seed's "What to Remove from Tabs" shows up.
	for _, s := range []string{
		"imports runtime/coord", "imports runtime/resource",
		"(resource.Default)", "RegisterComponent", "RegisterCleanup",
		"(coord.Workers.Track)", "in field workerResourceID", "in field thumbnailResourceIDs",
		"(coord.Workers.Release)", "(coord.Workers.CleanupAll)", "starts a goroutine",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("no finding mentions %q", s)
		}
	}
}

func TestJSON(t *testing.T) {
	bin := reslintBin(t)
	stdout, stderr, code := run(t, bin, "-json", "./examples/legacy/...")
	if code != 0 {
		t.Fatalf("-json: exit status %d, want 0\n%s", code, stderr)
	}
	// package → analyzer → diagnostics
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, stdout)
	}
	var diags []struct {
		Posn, Message string
	}
	if err := json.Unmarshal(tree["github.com/rescoord/rescoord/examples/legacy"]["uilayer"], &diags); err != nil {
		t.Fatalf("-json: no uilayer diagnostics for examples/legacy: %v\n%s", err, stdout)
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "legacy.golden"))
	if n := strings.Count(string(want), "\n"); len(diags) != n {
		t.Errorf("-json: %d uilayer diagnostics, want %d", len(diags), n)
	}
}

func TestFixDiff(t *testing.T) {
	bin := reslintBin(t)
	before, err := os.ReadFile(filepath.Join(moduleRoot(t), "examples", "legacy", "tab.go"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, bin, "-fix", "-diff", "./examples/legacy/...")
	if code != 0 {
		t.Fatalf("-fix -diff: exit status %d\n%s", code, stderr)
	}
	for _, line := range []string{
		"-	// lastThumbnailID was the icon of the last result; nothing uses it",
		"-	lastThumbnailID resource.ID",
	} {
		if !strings.Contains(stdout, line+"\n") {
			t.Errorf("-fix -diff output lacks %q:\n%s", line, stdout)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "+") && !strings.HasPrefix(line, "+++") && strings.Contains(line, "lastThumbnailID") {
			t.Errorf("-fix -diff adds %q", line)
		}
	}
	after, _ := os.ReadFile(filepath.Join(moduleRoot(t), "examples", "legacy", "tab.go"))
	if !bytes.Equal(before, after) {
		os.WriteFile(filepath.Join(moduleRoot(t), "examples", "legacy", "tab.go"), before, 0o644)
		t.Fatal("-fix -diff changed the file (restored)")
	}
}

func TestVetTool(t *testing.T) {
	bin := reslintBin(t)
	_, stderr, code := run(t, "go", "vet", "-vettool="+bin, "./examples/legacy/...")
	if code == 0 {
		t.Fatalf("go vet -vettool: exit status 0, want findings\n%s", stderr)
	}
	for _, s := range []string{"tab.go:26:2: UI package imports runtime/coord", "UI code starts a goroutine"} {
		if !strings.Contains(stderr, s) {
			t.Errorf("go vet -vettool output lacks %q:\n%s", s, stderr)
		}
	}
	// Flags reach the analyzers through vet too: -uilayer=false turns the
	// analyzer off, and nothing is left.
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "-uilayer=false", "./examples/legacy/...")
	if code != 0 {
		t.Errorf("go vet -vettool -uilayer=false: exit status %d\n%s", code, stderr)
	}
}

func TestFlags(t *testing.T) {
	bin := reslintBin(t)
	stdout, _, code := run(t, bin, "-flags")
	if code != 0 {
		t.Fatalf("-flags: exit status %d", code)
	}
	for _, f := range []string{"uilayer.ui", "uilayer.config", "uilayer.tests", "untracked.controller", "untracked.config", "untracked.tests", "release.rules", "printf.funcs", "lostcancel", "copylocks", "json", "diff"} {
		if !strings.Contains(stdout, `"Name": "`+f+`"`) {
			t.Errorf("-flags lacks %s", f)
		}
	}
}

// TestInvalidRules checks that a rule naming nothing, given by a flag or
// by the configuration file, is a usage error: reported once, with where
// it was written, before any finding, and exit status 2.
func TestInvalidRules(t *testing.T) {
	bin := reslintBin(t)
	_, stderr, code := run(t, bin, "-release.rules=method os.Opn Close", "./examples/legacy/...")
	want := `reslint: release rule "method os.Opn Close" (-release.rules): package os has no function Opn` + "\n"
	if code != 2 || stderr != want {
		t.Errorf("flag rule: exit status %d, printed\n%s\nwant 2 and\n%s", code, stderr, want)
	}

	config := filepath.Join(t.TempDir(), "reslint.yaml")
	if err := os.WriteFile(config, []byte("release:\n  rules:\n    - method os.Open Close\n    - method os.Open Clos\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = run(t, bin, "-release.config="+config, "./examples/legacy/...")
	want = `reslint: release rule "method os.Open Clos" (` + config + `:4): *os.File has no method Clos` + "\n"
	if code != 2 || stderr != want {
		t.Errorf("configured rule: exit status %d, printed\n%s\nwant 2 and\n%s", code, stderr, want)
	}

	// As a vet tool, the error is go vet's, for the package it stopped.
	_, stderr, code = run(t, "go", "vet", "-vettool="+bin, "-release.rules=method os.Opn Close", "./examples/legacy/...")
	if code == 0 || !strings.Contains(stderr, "package os has no function Opn") {
		t.Errorf("go vet -vettool: exit status %d, printed\n%s", code, stderr)
	}
}
