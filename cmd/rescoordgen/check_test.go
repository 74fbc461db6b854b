package main

import (
	"bytes"
	"context"
	"github.com/rescoord/rescoord/internal/fixture"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckExitStatus checks -check's contract: 1 and a diff when
// something would change (orphans included), 0 when nothing would, 2 on
// errors, and never a write.
func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	fixture.WriteModule(t, dir, "example.com/check")
	src := filepath.Join(dir, "copy.go")
	write := func(path, content string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check := func() (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), dir, []string{"-check", "."}, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	write(src, "package tabs\n\nimport \"github.com/rescoord/rescoord/runtime/controller\"\n\n//rescoord:controller\ntype Copier struct {\n\tcontroller.Base\n}\n")

	code, diff, _ := check()
	if code != 1 || !strings.Contains(diff, "--- /dev/null\n+++ b/copy_rescoord.go\n") || !strings.Contains(diff, "+func NewCopier(") {
		t.Fatalf("-check before generating: exit %d, diff:\n%s", code, diff)
	}
	if _, err := os.Stat(filepath.Join(dir, "copy_rescoord.go")); err == nil {
		t.Fatal("-check wrote a file")
	}

	var stderr bytes.Buffer
	if code := run(context.Background(), dir, nil, new(bytes.Buffer), &stderr); code != 0 {
		t.Fatalf("generating: exit %d: %s", code, stderr.String())
	}
	if code, diff, errs := check(); code != 0 || diff != "" {
		t.Fatalf("-check after generating: exit %d\n%s%s", code, diff, errs)
	}

	// The directive goes: the generated file is an orphan to remove.
	write(src, "package tabs\n\ntype Copier struct{}\n")
	code, diff, _ = check()
	if code != 1 || !strings.Contains(diff, "--- a/copy_rescoord.go\n+++ /dev/null\n") {
		t.Fatalf("-check with an orphan: exit %d, diff:\n%s", code, diff)
	}

	// A bad directive: exit 2 and the error with its position.
	write(src, "package tabs\n\n//rescoord:controller colour=red\ntype Copier struct{}\n")
	code, diff, errs := check()
	if code != 2 || diff != "" || !strings.Contains(errs, "copy.go:3:23: unknown key \"colour\"") {
		t.Fatalf("-check with an error: exit %d, stdout %q, stderr %q", code, diff, errs)
	}
}
