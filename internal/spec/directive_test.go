package spec

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseDirective(t *testing.T) {
	for _, c := range []struct {
		text string
		want Directive
	}{
		{"//rescoord:controller", Directive{Name: "controller"}},
		{"//rescoord:controller coordinator=worker  priority=5", Directive{"controller", []Arg{
			{"coordinator", "worker", 22}, {"priority", "5", 42}}}},
		{`//rescoord:operation name="Copy Verify"`, Directive{"operation", []Arg{{"name", "Copy Verify", 21}}}},
		{"//rescoord:controller\tcomponent=Copy_1 ", Directive{"controller", []Arg{{"component", "Copy_1", 22}}}},
		{`//rescoord:x k="a\"b"`, Directive{"x", []Arg{{"k", `a"b`, 13}}}},
		{"//rescoord:controller coordinator=worker // why", Directive{"controller", []Arg{{"coordinator", "worker", 22}}}},
		{"//rescoord:controller // k=v", Directive{Name: "controller"}},
	} {
		got, err := ParseDirective(c.text)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseDirective(%q) = %+v, %v; want %+v", c.text, got, err, c.want)
		}
	}
}

func TestParseDirectiveErrors(t *testing.T) {
	for _, c := range []struct {
		text, msg string
		offset    int
	}{
		{"// rescoord:controller", "not a rescoord directive", 0},
		{"//rescoord:", "missing directive name", 11},
		{"//rescoord:9x", "invalid directive name", 11},
		{"//rescoord:controller worker", `"worker": want key=value`, 22},
		{"//rescoord:controller coordinator=", "missing value", 22},
		{"//rescoord:controller =x", `invalid key ""`, 22},
		{"//rescoord:controller a.b=x", "invalid key", 22},
		{`//rescoord:operation name="Copy`, "unterminated", 26},
		{`//rescoord:operation name="Copy"x`, "space after the closing quote", 32},
		{`//rescoord:operation name=a"b`, "quote inside a bare value", 26},
	} {
		_, err := ParseDirective(c.text)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(se.Msg, c.msg) || se.Offset != c.offset {
			t.Errorf("ParseDirective(%q) = %v (offset %d); want %q at %d", c.text, err, offsetOf(se), c.msg, c.offset)
		}
	}
}

func offsetOf(se *SyntaxError) int {
	if se == nil {
		return -1
	}
	return se.Offset
}

// FuzzParseDirective checks that the parser never panics, that offsets stay
// inside the text, and that what it accepts prints back to the same thing.
func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{
		"//rescoord:controller coordinator=worker priority=10",
		`//rescoord:operation name="A b"`,
		"//rescoord:controller component=x init=setup",
		"//rescoord:", `//rescoord:x k="\x00"`, "//rescoord:a b", "//rescoord:a b=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDirective(text)
		var se *SyntaxError
		if err != nil {
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(text) {
				t.Fatalf("ParseDirective(%q): bad error %#v", text, err)
			}
			return
		}
		var b strings.Builder
		b.WriteString(Prefix + d.Name)
		for _, a := range d.Args {
			if a.Offset < 0 || a.Offset >= len(text) || !strings.HasPrefix(text[a.Offset:], a.Key+"=") {
				t.Fatalf("ParseDirective(%q): arg %+v has a wrong offset", text, a)
			}
			b.WriteString(" " + a.Key + "=" + quoteIfNeeded(a.Value))
		}
		again, err := ParseDirective(b.String())
		if err != nil || again.Name != d.Name || len(again.Args) != len(d.Args) {
			t.Fatalf("round trip of %q via %q: %+v, %v", text, b.String(), again, err)
		}
		for i := range d.Args {
			if again.Args[i].Key != d.Args[i].Key || again.Args[i].Value != d.Args[i].Value {
				t.Fatalf("round trip of %q changed arg %d: %+v vs %+v", text, i, d.Args[i], again.Args[i])
			}
		}
	})
}

// quoteIfNeeded writes a directive value so that ParseDirective reads it
// back: bare when it can be, Go-quoted otherwise.
func quoteIfNeeded(v string) string {
	if v != "" && !strings.ContainsAny(v, " \t\"\\") && !strings.HasPrefix(v, "//") {
		return v
	}
	return strconv.Quote(v)
}
