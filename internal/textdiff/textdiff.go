// Package textdiff writes unified diffs of line-oriented text, as
// rescoordgen -check prints them.
package textdiff

import (
	"fmt"
	"strings"
)

// Unified returns the unified diff that turns old into new, with the
// given file names in its header and three lines of context, or "" if old
// and new are equal.
func Unified(oldName, newName, old, new string) string {
	if old == new {
		return ""
	}
	a, b := lines(old), lines(new)
	edits := diff(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks(edits, 3) {
		writeHunk(&out, h, a, b)
	}
	return out.String()
}

// lines splits text into lines, each keeping its "\n"; a last line without
// one is marked as such, the way diff(1) does.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	out := strings.SplitAfter(s, "\n")
	if out[len(out)-1] == "" {
		return out[:len(out)-1]
	}
	out[len(out)-1] += "\n\\ No newline at end of file\n"
	return out
}

// op is one line of an edit script: kept, deleted from a, or inserted
// from b.
type op struct {
	kind byte // ' ', '-', '+'
	a, b int  // line index in a (for ' ' and '-') and in b (for ' ' and '+')
}

// diff returns a shortest edit script from a to b (Myers, "An O(ND)
// Difference Algorithm and Its Variations", 1986).
func diff(a, b []string) []op {
	n, m := len(a), len(b)
	max := n + m
	v := make([]int, 2*max+2)
	var trace [][]int
	for d := 0; d <= max; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[max+k-1] < v[max+k+1] {
				x = v[max+k+1] // down: insertion
			} else {
				x = v[max+k-1] + 1 // right: deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[max+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, d, k)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, a, b []string, d, k int) []op {
	n, m := len(a), len(b)
	max := n + m
	x, y := n, m
	var rev []op
	for ; d > 0; d-- {
		v := trace[d]
		var prevK int
		if k == -d || k != d && v[max+k-1] < v[max+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[max+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, op{' ', x, y})
		}
		if x == prevX {
			y--
			rev = append(rev, op{'+', x, y})
		} else {
			x--
			rev = append(rev, op{'-', x, y})
		}
		k = prevK
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, op{' ', x, y})
	}
	out := make([]op, len(rev))
	for i, o := range rev {
		out[len(rev)-1-i] = o
	}
	return out
}

// hunks groups the edits into hunks with context lines around changes.
func hunks(edits []op, context int) [][]op {
	var out [][]op
	i := 0
	for i < len(edits) {
		for i < len(edits) && edits[i].kind == ' ' {
			i++
		}
		if i == len(edits) {
			break
		}
		start := max(0, i-context)
		end := i
		for {
			for end < len(edits) && edits[end].kind != ' ' {
				end++
			}
			// Merge with the next change if the gap is small.
			next := end
			for next < len(edits) && edits[next].kind == ' ' {
				next++
			}
			if next < len(edits) && next-end <= 2*context {
				end = next
				continue
			}
			end = min(len(edits), end+context)
			break
		}
		out = append(out, edits[start:end])
		i = end
	}
	return out
}

func writeHunk(out *strings.Builder, h []op, a, b []string) {
	aStart, bStart, aLen, bLen := -1, -1, 0, 0
	for _, o := range h {
		switch o.kind {
		case ' ':
			aLen++
			bLen++
		case '-':
			aLen++
		case '+':
			bLen++
		}
		if aStart < 0 && o.kind != '+' {
			aStart = o.a
		}
		if bStart < 0 && o.kind != '-' {
			bStart = o.b
		}
	}
	if aStart < 0 {
		aStart = h[0].a
	}
	if bStart < 0 {
		bStart = h[0].b
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", span(aStart, aLen), span(bStart, bLen))
	for _, o := range h {
		line := ""
		switch o.kind {
		case ' ', '-':
			line = a[o.a]
		case '+':
			line = b[o.b]
		}
		out.WriteByte(o.kind)
		out.WriteString(line)
	}
}

// span writes a hunk range: start is 0-based, the output 1-based; an
// empty range names the line before it.
func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
