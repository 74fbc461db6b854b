//go:build unix

package copyverify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rescoord/rescoord/examples/copyverify/internal/guidetest"
)

// A destination that does not keep what is written to it (here a file
// that is a symbolic link to /dev/null) fails verification: the file is
// reported as a mismatch, the others are copied, and the run ends with an
// error that counts it.
func TestMismatch(t *testing.T) {
	src := tree(t, map[string]string{"a.txt": "alpha", "b.txt": "beta"})
	dst := t.TempDir()
	if err := os.Symlink(os.DevNull, filepath.Join(dst, "a.txt")); err != nil {
		t.Skip(err)
	}
	c, _, log := newController(t)
	rec := newRecorder(false)
	c.SetEvents(rec.events())
	if _, err := c.StartCopyVerify(Params{Src: src, Dst: dst}); err != nil {
		t.Fatal(err)
	}
	s := rec.wait(t)
	if s.OK != 1 || s.Mismatched != 1 || s.Failed != 0 || s.Err != nil {
		t.Errorf("summary %+v, want 1 ok and 1 mismatch", s)
	}
	got := rec.byPath()
	if r := got["a.txt"]; r.Status != Mismatch || r.Sum != sum("alpha") || r.Err == nil || !strings.Contains(r.Err.Error(), "checksum of the copy") {
		t.Errorf("a.txt: %+v, want a mismatch against the source's checksum", r)
	}
	if r := got["b.txt"]; r.Status != OK || r.Sum != sum("beta") {
		t.Errorf("b.txt: %+v", r)
	}
	guidetest.Eventually(t, "the run ends", ended(c))
	if log.Count(" failed") == 0 || log.Count("1 of 2 files failed") == 0 {
		t.Errorf("the operation's error is not logged as a failure:\n%s", log)
	}
}
