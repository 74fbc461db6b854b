// Package pathpattern matches Go import paths against the patterns that
// name reslint's layers.
//
// A pattern is a slash-separated import path whose elements may use two
// wildcards:
//
//   - any run of characters inside one element ("views*" matches "views", "viewsold")
//     **   a whole element on its own: any number of elements, none included
//
// So "github.com/acme/app/ui/**" matches ".../ui" and every package below it,
// "github.com/acme/app/*/views" matches ".../mail/views" but not
// ".../a/b/views", and "**/views" matches any package whose last element is
// "views".
//
// A pattern that starts with "./" (or is exactly ".") is relative to a
// module: "./ui/**" in module "github.com/acme/app" is
// "github.com/acme/app/ui/**". Which module is for the caller to say when
// matching.
//
// Anything else is an error rather than a silent non-match: empty elements,
// "..", Go's "/..." (write "/**"), "**" mixed with other characters, and the
// characters that other glob syntaxes give a meaning ("?", "[", "]", "{",
// "}", "\").
package pathpattern

import (
	"fmt"
	"strings"
)

// A Pattern is a compiled import-path pattern. The zero Pattern matches
// nothing.
type Pattern struct {
	text     string
	relative bool     // starts with "./" or is "."
	elems    []string // the pattern's elements, module prefix excluded
}

// Compile checks s and returns its Pattern. Errors describe what is wrong in
// words a user can act on; they do not repeat s.
func Compile(s string) (Pattern, error) {
	p := Pattern{text: s}
	if s == "" {
		return Pattern{}, fmt.Errorf("empty pattern")
	}
	rest := s
	switch {
	case s == ".":
		p.relative = true
		return p, nil
	case strings.HasPrefix(s, "./"):
		p.relative = true
		rest = s[2:]
		if rest == "" {
			return Pattern{}, fmt.Errorf(`trailing "/" (write "." for the module's root package, "./**" for the whole module)`)
		}
	case strings.HasPrefix(s, "/"):
		return Pattern{}, fmt.Errorf(`leading "/": patterns are import paths, or start with "./" to be relative to the module`)
	}
	if strings.HasSuffix(rest, "/...") || rest == "..." {
		return Pattern{}, fmt.Errorf(`"..." is the go command's wildcard; write "**" for any number of path elements`)
	}
	for _, e := range strings.Split(rest, "/") {
		if err := checkElem(e); err != nil {
			return Pattern{}, err
		}
		p.elems = append(p.elems, e)
	}
	return p, nil
}

// MustCompile is Compile for patterns known to be valid, such as constants
// in tests; it panics on an error.
func MustCompile(s string) Pattern {
	p, err := Compile(s)
	if err != nil {
		panic(fmt.Sprintf("pathpattern: %q: %v", s, err))
	}
	return p
}

func checkElem(e string) error {
	switch {
	case e == "":
		return fmt.Errorf(`empty path element ("//" or a trailing "/")`)
	case e == "." || e == "..":
		return fmt.Errorf("path element %q: patterns are import paths, not file paths", e)
	case e == "**":
		return nil
	case strings.Contains(e, "**"):
		return fmt.Errorf(`path element %q: "**" must be a whole element (write "%s/**" or use "*" inside an element)`, e, strings.ReplaceAll(e, "**", "*"))
	}
	for _, r := range e {
		switch {
		case r == '?' || r == '[' || r == ']' || r == '{' || r == '}' || r == '\\':
			return fmt.Errorf("path element %q: %q is not a pattern character here (only \"*\" and \"**\" are)", e, r)
		case r <= ' ' || r == 0x7f:
			return fmt.Errorf("path element %q: control or space character", e)
		}
	}
	return nil
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.text }

// Relative reports whether the pattern is relative to a module ("./...").
func (p Pattern) Relative() bool { return p.relative }

// Match reports whether the import path matches p. module is the module
// path that a relative pattern is resolved against; a relative pattern
// matches nothing when module is "". Match allocates nothing.
func (p Pattern) Match(path, module string) bool {
	if p.text == "" {
		return false
	}
	if p.relative {
		if module == "" {
			return false
		}
		switch {
		case path == module:
			return allDoubleStar(p.elems)
		case len(path) > len(module) && path[:len(module)] == module && path[len(module)] == '/':
			path = path[len(module)+1:]
		default:
			return false
		}
	}
	if path == "" {
		return false
	}
	return matchElems(p.elems, path)
}

func allDoubleStar(elems []string) bool {
	for _, e := range elems {
		if e != "**" {
			return false
		}
	}
	return true
}

// matchElems matches the slash-separated elements of path against pattern
// elements, "**" standing for any number of elements. It is the classic
// wildcard match with backtracking to the last "**" only, which is exact
// when the wildcard can absorb any sequence and every other pattern
// element matches exactly one path element; it runs in
// O(len(pat)·len(path)) without allocating.
func matchElems(pat []string, path string) bool {
	pi, off := 0, 0 // next pattern element; offset of the next path element (len(path)+1: none left)
	star, starOff := -1, 0
	for off <= len(path) {
		end := elemEnd(path, off)
		switch {
		case pi < len(pat) && pat[pi] == "**":
			star, starOff = pi, off
			pi++
		case pi < len(pat) && matchElem(pat[pi], path[off:end]):
			pi, off = pi+1, end+1
		case star >= 0:
			// Let the last "**" absorb one more element, and retry.
			starOff = elemEnd(path, starOff) + 1
			pi, off = star+1, starOff
		default:
			return false
		}
	}
	for pi < len(pat) && pat[pi] == "**" {
		pi++
	}
	return pi == len(pat)
}

// elemEnd returns the offset of the '/' that ends the element starting at
// off, or len(path).
func elemEnd(path string, off int) int {
	for i := off; i < len(path); i++ {
		if path[i] == '/' {
			return i
		}
	}
	return len(path)
}

// matchElem matches one element with "*" wildcards, in linear time.
func matchElem(pat, s string) bool {
	star, sAtStar := -1, 0
	i, j := 0, 0
	for j < len(s) {
		switch {
		case i < len(pat) && pat[i] == '*':
			star, sAtStar = i, j
			i++
		case i < len(pat) && pat[i] == s[j]:
			i++
			j++
		case star >= 0:
			sAtStar++
			i, j = star+1, sAtStar
		default:
			return false
		}
	}
	for i < len(pat) && pat[i] == '*' {
		i++
	}
	return i == len(pat)
}
