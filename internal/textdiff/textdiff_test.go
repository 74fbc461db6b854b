package textdiff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	new := "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- old
+++ new
@@ -1,6 +1,6 @@
 a
 b
-c
+C
 d
 e
 f
@@ -8,3 +8,4 @@
 h
 i
 j
+k
`
	if got := Unified("old", "new", old, new); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := Unified("a", "b", "x\n", "x\n"); got != "" {
		t.Errorf("equal texts: %q", got)
	}
	if got := Unified("a", "b", "", "x\n"); got != "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("from nothing: %q", got)
	}
	if got := Unified("a", "b", "x\ny\n", ""); got != "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n" {
		t.Errorf("to nothing: %q", got)
	}
	far := strings.Repeat("same\n", 20)
	if got := Unified("a", "b", "1\n"+far+"2\n", "one\n"+far+"two\n"); strings.Count(got, "@@ -") != 2 {
		t.Errorf("distant changes should make two hunks:\n%s", got)
	}
}

// TestApply checks on random texts that the diff, applied, gives the new
// text and that it is minimal for small alphabets often enough to matter.
func TestApply(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a, b := randomLines(r), randomLines(r)
		edits := diff(a, b)
		var got []string
		for _, o := range edits {
			switch o.kind {
			case ' ':
				if a[o.a] != b[o.b] {
					t.Fatalf("kept line differs: %q vs %q", a[o.a], b[o.b])
				}
				got = append(got, a[o.a])
			case '+':
				got = append(got, b[o.b])
			}
		}
		if strings.Join(got, "") != strings.Join(b, "") {
			t.Fatalf("applying the edits to %q gives %q, want %q", a, got, b)
		}
		if lcs := lcsLen(a, b); len(edits)-countKept(edits) != len(a)+len(b)-2*lcs {
			t.Fatalf("edit script of %q → %q is not minimal", a, b)
		}
	}
}

func randomLines(r *rand.Rand) []string {
	n := r.IntN(12)
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('a'+r.IntN(3))) + "\n"
	}
	return out
}

func countKept(edits []op) int {
	n := 0
	for _, o := range edits {
		if o.kind == ' ' {
			n++
		}
	}
	return n
}

func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
