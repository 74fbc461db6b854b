package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomic checks that writeAtomic writes the content, keeps the
// permissions of the file it replaces, and leaves no temporary file behind,
// whether it succeeds or fails.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x_rescoord.go")
	check := func(want string, perm os.FileMode) {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil || string(data) != want {
			t.Errorf("content %q, %v; want %q", data, err, want)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != perm {
			t.Errorf("mode %v, %v; want %v", fi.Mode().Perm(), err, perm)
		}
	}
	if err := writeAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	check("new", 0o644)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, []byte("again")); err != nil {
		t.Fatal(err)
	}
	check("again", 0o600)

	// Renaming over a directory that is not empty fails.
	blocked := filepath.Join(dir, "dir_rescoord.go")
	if err := os.MkdirAll(filepath.Join(blocked, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(blocked, []byte("x")); err == nil {
		t.Error("writing over a directory succeeded")
	}
	// And so does creating the temporary file in a missing directory.
	if err := writeAtomic(filepath.Join(dir, "missing", "y_rescoord.go"), []byte("x")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); name != "x_rescoord.go" && name != "dir_rescoord.go" {
			t.Errorf("%s left behind", name)
		}
	}
}
