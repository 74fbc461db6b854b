package main

import (
	"bytes"
	"context"
	"flag"
	"github.com/rescoord/rescoord/internal/fixture"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/txtar"

	"github.com/rescoord/rescoord/analyzers/controllers"
	"github.com/rescoord/rescoord/internal/textdiff"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/*.txtar with what rescoordgen generates")

// TestGolden runs rescoordgen on each testdata/*.txtar case.
//
// A case's files are written to a scratch module that uses this module;
// files under want/ are not: want/stderr holds the wanted errors (and then
// the wanted exit status is 1 and nothing may be written), every other
// want/PATH is a file wanted at PATH after the run. Files named like
// generated files that are not wanted must be gone. The archive's comment
// may say "args: ..." (default ./...), "nocompile" (for cases that
// must not compile, such as type errors), "cgo" (for cases skipped
// where cgo is off) and "noanalyzer" (for cases where the controllers
// analyzer cannot agree, which say why).
//
// When the run succeeds, a second run must change nothing, the controllers
// analyzer must find the generated code up to date, and the module is
// vetted and its tests run: each case's _test.go files check the
// behaviour of the generated code with restest. The cases that compile
// share one scratch module, each in a directory of its own, so that once
// every case has run one analysistest run, one go vet and one go test
// check them all.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	shared := &sharedModule{dir: t.TempDir()}
	fixture.WriteModule(t, shared.dir, "example.com/golden")
	t.Cleanup(func() { shared.check(t) })
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runCase(t, shared, file)
		})
	}
}

// A sharedModule holds the cases that must compile, each in a directory
// named after the case.
type sharedModule struct {
	dir      string
	mu       sync.Mutex
	compiled []string // patterns of the cases to compile, vet and test
	analyzed []string // patterns of the cases to run the controllers analyzer on
}

// add asks for the packages of the case in directory name to be compiled,
// vetted and tested, and analyzed too if analyze is true.
func (m *sharedModule) add(name string, patterns []string, analyze bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	patterns = inDir(name, patterns)
	m.compiled = append(m.compiled, patterns...)
	if analyze {
		m.analyzed = append(m.analyzed, patterns...)
	}
}

// check runs the controllers analyzer on the module's cases, which
// renders what rescoordgen would write from the packages as the compiler
// sees them, generated files included: it must find them up to date. Then
// it vets the cases and runs their tests. One run of each, for all cases,
// loads and builds what they share once.
func (m *sharedModule) check(t *testing.T) {
	if *update {
		return
	}
	slices.Sort(m.analyzed)
	slices.Sort(m.compiled)
	if len(m.analyzed) > 0 {
		analysistest.Run(t, m.dir, controllers.Analyzer, m.analyzed...)
	}
	if len(m.compiled) > 0 {
		goCmd(t, m.dir, append([]string{"vet"}, m.compiled...)...)
		goCmd(t, m.dir, append([]string{"test", "-count=1"}, m.compiled...)...)
	}
}

// inDir rewrites the relative package patterns of a case run in the
// directory name of a module as patterns from the module's root.
func inDir(name string, patterns []string) []string {
	out := make([]string, len(patterns))
	for i, p := range patterns {
		if p == "." || strings.HasPrefix(p, "./") {
			p = "./" + filepath.ToSlash(filepath.Join(name, p))
		}
		out[i] = p
	}
	return out
}

func runCase(t *testing.T, shared *sharedModule, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	args, compile, analyze := []string{"./..."}, true, true
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if a, ok := strings.CutPrefix(line, "args:"); ok {
			args = strings.Fields(a)
		}
		switch word, _, _ := strings.Cut(strings.TrimSpace(line), ":"); word {
		case "nocompile":
			compile = false
		case "noanalyzer":
			analyze = false
		case "cgo":
			if out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
				t.Skip("needs cgo")
			}
		}
	}
	inputs := map[string]string{}
	wanted := map[string]string{}
	wantStderr, hasStderr := "", false
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
			if name == "stderr" {
				wantStderr, hasStderr = string(f.Data), true
			} else {
				wanted[name] = string(f.Data)
			}
		} else {
			inputs[f.Name] = string(f.Data)
		}
	}
	// A case that must compile goes in the shared module; the others
	// get modules of their own, which nothing compiles.
	name := strings.TrimSuffix(filepath.Base(file), ".txtar")
	modDir, dir := shared.dir, filepath.Join(shared.dir, name)
	if !compile || hasStderr {
		modDir = t.TempDir()
		dir = modDir
		fixture.WriteModule(t, dir, "example.com/golden")
	}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		path := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), dir, args, &stdout, &stderr)
	gotStderr := stderr.String()
	got := generatedFiles(t, dir)
	for name, data := range got {
		// Whichever way templates formatted what the run wrote (and
		// before -update takes it as wanted), it is as gofmt leaves it.
		if data == inputs[name] {
			continue
		}
		if formatted, err := format.Source([]byte(data)); err != nil || string(formatted) != data {
			t.Errorf("%s is not gofmt-clean (%v):\n%s", name, err, textdiff.Unified("got", "gofmt", data, string(formatted)))
		}
	}

	if *update {
		rewrite(t, file, ar, got, gotStderr)
		return
	}
	wantCode := 0
	if hasStderr {
		wantCode = 1
	}
	if code != wantCode {
		t.Fatalf("exit status %d, want %d; stderr:\n%s", code, wantCode, gotStderr)
	}
	if gotStderr != wantStderr {
		t.Errorf("stderr:\n%s\nwant:\n%s", gotStderr, wantStderr)
	}
	if hasStderr {
		// Nothing may have been written.
		for name, data := range got {
			if inputs[name] != data {
				t.Errorf("%s was written although the run failed", name)
			}
		}
	}
	for name, data := range wanted {
		if got[name] != data {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got[name], data)
		}
	}
	for name := range got {
		if _, ok := wanted[name]; !ok {
			t.Errorf("%s exists after the run, and is not wanted", name)
		}
	}
	if hasStderr || t.Failed() {
		return
	}

	// Idempotence: a second run changes nothing.
	stdout.Reset()
	stderr.Reset()
	if code := run(context.Background(), dir, append([]string{"-check"}, args...), &stdout, &stderr); code != 0 {
		t.Errorf("-check after generating: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if compile && !t.Failed() {
		shared.add(name, args, analyze)
	}
}

// generatedFiles returns the files of dir named like generated files, by
// slash-separated relative path.
func generatedFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, "_rescoord.go") || strings.HasSuffix(path, "_rescoord_test.go")) {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rewrite replaces the want/ files of the archive with what the run did.
func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string]string, stderr string) {
	t.Helper()
	var files []txtar.File
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			files = append(files, f)
		}
	}
	if stderr != "" {
		files = append(files, txtar.File{Name: "want/stderr", Data: []byte(stderr)})
	}
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		files = append(files, txtar.File{Name: "want/" + name, Data: []byte(got[name])})
	}
	ar.Files = files
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
