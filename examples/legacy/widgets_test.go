package legacy

import "testing"

// The stand-in widgets keep what they are given. (A package with tests is
// also one whose fixes reslint can check against every use of a field:
// its pass with the tests sees them all.)
func TestWidgets(t *testing.T) {
	var l Label
	l.SetText("copied 3 files")
	if got := l.Text(); got != "copied 3 files" {
		t.Errorf("Label.Text() = %q", got)
	}
	var p ProgressBar
	p.SetValue(0.5)
	if p.value != 0.5 {
		t.Errorf("ProgressBar.value = %v, want 0.5", p.value)
	}
}
