package spec

import (
	"fmt"
	"strconv"
	"strings"
)

// Prefix starts every directive of rescoord.
const Prefix = "//rescoord:"

// The directives.
const (
	ControllerDirective = "controller"
	OperationDirective  = "operation"
)

// A Directive is one parsed //rescoord: comment.
type Directive struct {
	Name string // "controller", "operation"
	Args []Arg
}

// An Arg is one key=value argument of a directive.
type Arg struct {
	Key    string
	Value  string
	Offset int // byte offset of the key in the comment text
}

// A SyntaxError is a directive that does not parse; Offset is the byte
// offset in the comment text where the problem is.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// IsDirective reports whether the comment text is a rescoord directive.
func IsDirective(text string) bool { return strings.HasPrefix(text, Prefix) }

// ParseDirective parses the text of a directive comment:
//
//	//rescoord:NAME key=value key="quoted value" ...
//
// Keys are identifiers (letters, digits, '_' and '-'); values are bare words
// or Go double-quoted strings. A "//" where an argument would start begins a
// trailing comment, which is ignored:
//
//	//rescoord:controller coordinator=worker // runs the copy in the background
//
// Checking which keys and values are allowed is up to the caller.
func ParseDirective(text string) (Directive, error) {
	if !IsDirective(text) {
		return Directive{}, &SyntaxError{0, fmt.Sprintf("not a rescoord directive: want %s...", Prefix)}
	}
	i := len(Prefix)
	start := i
	for i < len(text) && !isSpace(text[i]) {
		i++
	}
	d := Directive{Name: text[start:i]}
	if d.Name == "" {
		return d, &SyntaxError{start, "missing directive name after " + Prefix}
	}
	if !isKey(d.Name) {
		return d, &SyntaxError{start, fmt.Sprintf("invalid directive name %q", d.Name)}
	}
	for {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		if i == len(text) || strings.HasPrefix(text[i:], "//") {
			return d, nil // the end, or a trailing comment
		}
		keyStart := i
		for i < len(text) && text[i] != '=' && !isSpace(text[i]) {
			i++
		}
		key := text[keyStart:i]
		if i == len(text) || text[i] != '=' {
			return d, &SyntaxError{keyStart, fmt.Sprintf("argument %q: want key=value", key)}
		}
		if !isKey(key) {
			return d, &SyntaxError{keyStart, fmt.Sprintf("invalid key %q", key)}
		}
		i++ // '='
		var value string
		if i < len(text) && text[i] == '"' {
			end, err := quotedEnd(text, i)
			if err != nil {
				return d, &SyntaxError{i, fmt.Sprintf("value of %s: %v", key, err)}
			}
			value, err = strconv.Unquote(text[i:end])
			if err != nil {
				return d, &SyntaxError{i, fmt.Sprintf("value of %s: invalid quoted string", key)}
			}
			i = end
			if i < len(text) && !isSpace(text[i]) {
				return d, &SyntaxError{i, fmt.Sprintf("value of %s: want a space after the closing quote", key)}
			}
		} else {
			valueStart := i
			for i < len(text) && !isSpace(text[i]) {
				i++
			}
			value = text[valueStart:i]
			if value == "" {
				return d, &SyntaxError{keyStart, fmt.Sprintf("argument %s: missing value after '='", key)}
			}
			if strings.ContainsRune(value, '"') {
				return d, &SyntaxError{valueStart, fmt.Sprintf("value of %s: a quote inside a bare value; quote the whole value", key)}
			}
		}
		d.Args = append(d.Args, Arg{Key: key, Value: value, Offset: keyStart})
	}
}

// quotedEnd returns the index just past the Go string literal starting at
// text[i] == '"'.
func quotedEnd(text string, i int) (int, error) {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		}
	}
	return 0, fmt.Errorf("unterminated quoted string")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return true
}
