package main

import (
	"bytes"
	"context"
	"flag"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/txtar"

	"github.com/rescoord/rescoord/analyzers/controllers"
	"github.com/rescoord/rescoord/internal/textdiff"
)

// TestMain lets the go command complete the scratch modules' go.mod files,
// which list only this module.
func TestMain(m *testing.M) {
	os.Setenv("GOFLAGS", "-mod=mod")
	os.Exit(m.Run())
}

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
// When the run succeeds, a second run must change nothing, and the module
// is vetted and its tests run: each case's _test.go files check the
// behaviour of the generated code with restest.
func TestGolden(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runCase(t, root, file)
		})
	}
}

func runCase(t *testing.T, root, file string) {
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
	dir := t.TempDir()
	writeModule(t, root, dir, "example.com/golden")
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
			continue
		}
		inputs[f.Name] = string(f.Data)
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
	// The controllers analyzer renders what rescoordgen would write, from
	// the package as the compiler sees it, generated files included: it
	// must find them up to date.
	if compile && analyze {
		analysistest.Run(t, dir, controllers.Analyzer, args...)
	}
	if !compile {
		return
	}
	for _, cmd := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		goCmd(t, dir, cmd...)
	}
}

// writeModule writes the go.mod of a scratch module, path, that uses the
// module at root, with root's go.sum.
func writeModule(tb testing.TB, root, dir, path string) {
	tb.Helper()
	mod := "module " + path + "\n\ngo 1.26\n\nrequire github.com/rescoord/rescoord v0.0.0\n\nreplace github.com/rescoord/rescoord => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		tb.Fatal(err)
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
