package release

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSources(t *testing.T) {
	text, parsed := rulesFlag.text, rulesFlag.parsed
	t.Cleanup(func() { rulesFlag.text, rulesFlag.parsed = text, parsed })
	rulesFlag.text, rulesFlag.parsed = nil, nil

	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":        "module example.com/m\n",
		".reslint.yaml": "release:\n  rules:\n    - func context.WithCancel#1\n    - method (*example.com/pool.Pool).Get Put\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runtime := []string{
		"github.com/rescoord/rescoord/runtime/resource", "github.com/rescoord/rescoord/runtime/coord",
		"github.com/rescoord/rescoord/runtime/controller", "github.com/rescoord/rescoord/runtime/restest",
	}
	if got := Sources(nil); !slices.Equal(got, runtime) {
		t.Errorf("Sources(nil) = %q, want the runtime's packages %q", got, runtime)
	}
	want := append(slices.Clone(runtime), "context", "example.com/pool")
	if got := Sources([]string{dir, t.TempDir()}); !slices.Equal(got, want) {
		t.Errorf("with a .reslint.yaml: Sources = %q, want %q", got, want)
	}
	// The flag wins over the files, as it does for the analysis.
	if err := rulesFlag.Set("method os.Open Close"); err != nil {
		t.Fatal(err)
	}
	want = append(slices.Clone(runtime), "os")
	if got := Sources([]string{dir}); !slices.Equal(got, want) {
		t.Errorf("with -rules: Sources = %q, want %q", got, want)
	}
}
