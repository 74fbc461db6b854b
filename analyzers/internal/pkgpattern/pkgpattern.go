// Package pkgpattern matches import paths against the go command's package
// patterns, the syntax reslint's layers are named in (go help packages):
//
//   - "..." matches any string, slashes included: "example.com/app/.../views"
//     matches ".../app/mail/views" and ".../app/a/b/views";
//   - a pattern ending in "/..." also matches the path before it:
//     "example.com/app/ui/..." matches ".../ui" and every package below it;
//   - a pattern that is "." or starts with "./" is relative to a module:
//     "./ui/..." in module "example.com/app" is "example.com/app/ui/...".
//     Which module is for the caller to say when matching.
//
// Anything that is not an import path pattern is an error rather than a
// silent non-match: empty elements, "..", a leading "/", backslashes, and
// the "**" and "*" of file globs.
package pkgpattern

import (
	"errors"
	"regexp"
	"strings"
)

// A Pattern is a compiled package pattern. The zero Pattern matches
// nothing.
type Pattern struct {
	text     string
	relative bool   // "." or starting with "./"
	rest     string // the pattern without its "./" (or "." ) prefix
	re       *regexp.Regexp
}

// Compile checks s and returns its Pattern. Errors say what is wrong in
// words a user can act on; they do not repeat s.
func Compile(s string) (Pattern, error) {
	p := Pattern{text: s}
	rest := s
	switch {
	case s == "":
		return Pattern{}, errors.New("empty pattern")
	case s == ".":
		p.relative, rest = true, ""
	case strings.HasPrefix(s, "./"):
		p.relative, rest = true, s[2:]
		if rest == "" {
			return Pattern{}, errors.New(`trailing "/" (write "." for the module's root package, "./..." for the whole module)`)
		}
	case strings.HasPrefix(s, "/"):
		return Pattern{}, errors.New(`leading "/": patterns are import paths, or start with "./" to be relative to the module`)
	}
	if err := check(rest); err != nil {
		return Pattern{}, err
	}
	p.rest = rest
	p.re = compile(rest)
	return p, nil
}

// check reports what keeps rest from being an import path pattern.
func check(rest string) error {
	switch {
	case strings.Contains(rest, "**"):
		return errors.New(`"**" is not package-pattern syntax: write "..." ("./ui/..." is ui and every package below it)`)
	case strings.ContainsAny(rest, `*?[]{}`):
		return errors.New(`glob characters are not package-pattern syntax: "..." is the only wildcard`)
	case strings.Contains(rest, `\`):
		return errors.New(`backslash: import paths use "/"`)
	case strings.ContainsAny(rest, " \t\n"):
		return errors.New("white space in a pattern")
	}
	if rest == "" {
		return nil
	}
	for _, elem := range strings.Split(rest, "/") {
		switch elem {
		case "":
			return errors.New(`empty path element ("//" or a trailing "/")`)
		case ".", "..":
			return errors.New(`"." and ".." elements are not allowed (relative patterns start with "./" and stay in the module)`)
		}
	}
	return nil
}

// compile turns a pattern into a regular expression, as the go command
// does: "..." is ".*", and a trailing "/..." may match nothing.
func compile(rest string) *regexp.Regexp {
	re := regexp.QuoteMeta(rest)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return regexp.MustCompile("^" + re + "$")
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.text }

// Relative reports whether the pattern is relative to a module.
func (p Pattern) Relative() bool { return p.relative }

// Match reports whether the import path path matches p. module is the
// module path that a relative pattern is relative to; a relative pattern
// matches nothing when it is "".
func (p Pattern) Match(path, module string) bool {
	if p.re == nil {
		return false
	}
	if !p.relative {
		return p.re.MatchString(path)
	}
	if module == "" {
		return false
	}
	if path == module {
		return p.rest == "" || p.re.MatchString("")
	}
	rel, ok := strings.CutPrefix(path, module+"/")
	return ok && p.rest != "" && p.re.MatchString(rel)
}
