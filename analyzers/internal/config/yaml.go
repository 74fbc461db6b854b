package config

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a strict parser for the small subset of YAML that
// .reslint.yaml uses: block mappings, block lists (whose items may be
// scalars, lists or mappings), flow lists of scalars, plain and quoted
// scalars, and comments. Everything else YAML has (anchors and aliases,
// tags, block scalars, flow mappings, multi-line scalars, several
// documents) is reported as an error at its line rather than
// misread, so that a file this parser accepts means the same to any YAML
// tool.

// Limits that keep hostile input cheap.
const (
	maxFileSize = 1 << 20 // bytes
	maxDepth    = 32      // nested blocks
)

type nodeKind uint8

const (
	nullNode nodeKind = iota
	scalarNode
	listNode
	mapNode
)

func (k nodeKind) String() string {
	switch k {
	case scalarNode:
		return "a string"
	case listNode:
		return "a list"
	case mapNode:
		return "a mapping"
	}
	return "nothing"
}

// node is one parsed YAML value.
type node struct {
	kind  nodeKind
	line  int
	value string  // scalarNode
	items []*node // listNode
	pairs []pair  // mapNode, in file order
}

type pair struct {
	key   string
	line  int
	value *node
}

// yamlError is a syntax error at a line of the file (1-based).
type yamlError struct {
	line int
	msg  string
}

func (e *yamlError) Error() string { return fmt.Sprintf("%d: %s", e.line, e.msg) }

func errorf(line int, format string, args ...any) error {
	return &yamlError{line, fmt.Sprintf(format, args...)}
}

type srcLine struct {
	num    int
	indent int
	text   string // after the indentation; never empty, never a whole-line comment
}

type parser struct {
	lines []srcLine
	pos   int
	depth int
}

// parseYAML parses data. An empty document (only blanks and comments) is a
// nullNode.
func parseYAML(data []byte) (*node, error) {
	if len(data) > maxFileSize {
		return nil, errorf(1, "file larger than %d bytes", maxFileSize)
	}
	if !utf8.Valid(data) {
		return nil, errorf(1, "not valid UTF-8")
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	p := &parser{}
	for i, raw := range strings.Split(text, "\n") {
		num := i + 1
		raw = strings.TrimSuffix(raw, "\r")
		if strings.ContainsAny(raw, "\x00\r") || strings.ContainsFunc(raw, isControl) {
			return nil, errorf(num, "control character")
		}
		content := strings.TrimLeft(raw, " ")
		indent := len(raw) - len(content)
		if strings.HasPrefix(content, "\t") {
			return nil, errorf(num, "tab in indentation (YAML indents with spaces)")
		}
		content = strings.TrimRight(content, " \t")
		if content == "" || content[0] == '#' {
			continue
		}
		if i := strings.IndexByte(content, '\t'); i >= 0 && !strings.Contains(content[:i], " #") {
			return nil, errorf(num, `tab character (indent and separate with spaces; write \t inside double quotes)`)
		}
		if indent == 0 && (strings.HasPrefix(content, "---") || strings.HasPrefix(content, "...")) {
			return nil, errorf(num, "document markers (%q) are not supported: one document per file", content[:3])
		}
		if content[0] == '%' {
			return nil, errorf(num, "YAML directives are not supported")
		}
		p.lines = append(p.lines, srcLine{num, indent, content})
	}
	if len(p.lines) == 0 {
		return &node{kind: nullNode, line: 1}, nil
	}
	n, err := p.block(p.lines[0].indent)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.lines) {
		l := p.lines[p.pos]
		return nil, errorf(l.num, "unexpected indentation: this line is less indented than the start of the document")
	}
	return n, nil
}

func isControl(r rune) bool {
	return r < ' ' && r != '\t' || r == 0x7f
}

func isListItem(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

// block parses the block starting at the current line, whose indentation
// is indent.
func (p *parser) block(indent int) (*node, error) {
	p.depth++
	defer func() { p.depth-- }()
	l := p.lines[p.pos]
	if p.depth > maxDepth {
		return nil, errorf(l.num, "nesting deeper than %d levels", maxDepth)
	}
	if isListItem(l.text) {
		return p.list(indent)
	}
	if _, _, ok, err := splitKey(l); err != nil {
		return nil, err
	} else if ok {
		return p.mapping(indent)
	}
	// A lone scalar as a whole block: only valid as the document itself
	// or as a list item's value, both handled by value().
	n, err := p.inline(l)
	if err != nil {
		return nil, err
	}
	p.pos++
	return n, p.noDeeper(indent)
}

// noDeeper reports an error if the next line is more indented than indent:
// YAML's multi-line plain scalars and misplaced blocks both look like that.
func (p *parser) noDeeper(indent int) error {
	if p.pos < len(p.lines) && p.lines[p.pos].indent > indent {
		return errorf(p.lines[p.pos].num, "unexpected indentation (multi-line values are not supported)")
	}
	return nil
}

func (p *parser) list(indent int) (*node, error) {
	n := &node{kind: listNode, line: p.lines[p.pos].num}
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil, errorf(l.num, "unexpected indentation (multi-line values are not supported)")
		}
		if !isListItem(l.text) {
			break // a mapping key at the same indentation ends a list that is its value
		}
		rest := strings.TrimLeft(l.text[1:], " ")
		if rest == "" || rest[0] == '#' {
			// The item's value is the block below, or nothing.
			p.pos++
			if p.pos < len(p.lines) && p.lines[p.pos].indent > indent {
				v, err := p.block(p.lines[p.pos].indent)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			} else {
				n.items = append(n.items, &node{kind: nullNode, line: l.num})
			}
			continue
		}
		// "- value": read the value as if it started a block at its column.
		col := indent + len(l.text) - len(rest)
		p.lines[p.pos] = srcLine{l.num, col, rest}
		v, err := p.block(col)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, v)
	}
	return n, nil
}

func (p *parser) mapping(indent int) (*node, error) {
	n := &node{kind: mapNode, line: p.lines[p.pos].num}
	seen := make(map[string]int)
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil, errorf(l.num, "inconsistent indentation (the keys of one mapping must line up)")
		}
		if isListItem(l.text) {
			return nil, errorf(l.num, "list item where a mapping key was expected")
		}
		key, rest, ok, err := splitKey(l)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, errorf(l.num, "expected \"key: value\"")
		}
		if first, dup := seen[key]; dup {
			return nil, errorf(l.num, "duplicate key %q (first at line %d)", key, first)
		}
		seen[key] = l.num
		var v *node
		p.pos++
		switch {
		case rest != "":
			v, err = p.inline(srcLine{l.num, indent, rest})
			if err == nil {
				err = p.noDeeper(indent)
			}
		case p.pos < len(p.lines) && p.lines[p.pos].indent > indent:
			v, err = p.block(p.lines[p.pos].indent)
		case p.pos < len(p.lines) && p.lines[p.pos].indent == indent && isListItem(p.lines[p.pos].text):
			v, err = p.list(indent) // "key:\n- a\n- b", the list at the key's indentation
		default:
			v = &node{kind: nullNode, line: l.num}
		}
		if err != nil {
			return nil, err
		}
		n.pairs = append(n.pairs, pair{key, l.num, v})
	}
	return n, nil
}

// splitKey splits "key: rest" (rest without a trailing comment). ok is
// false when the line is not a mapping entry at all.
func splitKey(l srcLine) (key, rest string, ok bool, err error) {
	text := l.text
	switch text[0] {
	case '"', '\'':
		k, after, err := quoted(text, l.num)
		if err != nil {
			return "", "", false, err
		}
		after = strings.TrimLeft(after, " ")
		if after == "" || after[0] != ':' {
			return "", "", false, nil
		}
		if len(after) > 1 && after[1] != ' ' {
			return "", "", false, errorf(l.num, "expected a space after ':'")
		}
		return k, trimComment(after[1:]), true, nil
	case '?':
		if len(text) == 1 || text[1] == ' ' {
			return "", "", false, errorf(l.num, "complex mapping keys (\"? \") are not supported")
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '#' && i > 0 && text[i-1] == ' ' {
			return "", "", false, nil
		}
		if c == ':' && (i+1 == len(text) || text[i+1] == ' ') {
			key = strings.TrimRight(text[:i], " ")
			if key == "" {
				return "", "", false, errorf(l.num, "empty mapping key")
			}
			if err := checkPlain(key, l.num); err != nil {
				return "", "", false, err
			}
			return key, trimComment(text[i+1:]), true, nil
		}
	}
	return "", "", false, nil
}

// trimComment trims spaces and a trailing comment from what follows a
// key's colon. It is only used where a value starts: values with quotes or
// brackets are cut by inline, which knows where they end.
func trimComment(s string) string {
	s = strings.TrimLeft(s, " ")
	if strings.HasPrefix(s, "#") {
		return ""
	}
	return s
}

// inline parses a value written on one line: a quoted or plain scalar, or
// a flow list.
func (p *parser) inline(l srcLine) (*node, error) {
	text := l.text
	switch text[0] {
	case '[':
		return flowList(text, l.num)
	case '"', '\'':
		s, after, err := quoted(text, l.num)
		if err != nil {
			return nil, err
		}
		if err := endOfValue(after, l.num); err != nil {
			return nil, err
		}
		return &node{kind: scalarNode, line: l.num, value: s}, nil
	}
	s := text
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimRight(s[:i], " ")
	}
	if err := checkPlain(s, l.num); err != nil {
		return nil, err
	}
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") {
		return nil, errorf(l.num, "a mapping cannot be a value on the same line (put it on the next line, indented)")
	}
	return &node{kind: scalarNode, line: l.num, value: s}, nil
}

// checkPlain rejects plain scalars that YAML would read as something else.
func checkPlain(s string, line int) error {
	switch s[0] {
	case '&', '*':
		return errorf(line, "anchors and aliases are not supported (quote the value if %q is meant literally)", s)
	case '!':
		return errorf(line, "tags are not supported (quote the value if %q is meant literally)", s)
	case '|', '>':
		return errorf(line, "block scalars are not supported")
	case '{', '}':
		return errorf(line, "flow mappings are not supported")
	case '[', ']':
		return errorf(line, "a list is not allowed here")
	case '@', '`', '%':
		return errorf(line, "%q cannot start a plain value (quote it)", s[0])
	case '-', '?', ':':
		if len(s) == 1 || s[1] == ' ' {
			return errorf(line, "%q followed by a space cannot start a plain value (quote it)", s[0])
		}
	case ',':
		return errorf(line, "',' cannot start a plain value (quote it)")
	}
	return nil
}

// endOfValue checks that only spaces and a comment follow a value.
func endOfValue(after string, line int) error {
	t := strings.TrimLeft(after, " \t")
	if t == "" {
		return nil
	}
	if t[0] == '#' && len(t) < len(after) {
		return nil
	}
	return errorf(line, "unexpected %q after the value", t)
}

// quoted parses the quoted scalar at the start of s and returns its value
// and what follows the closing quote.
func quoted(s string, line int) (value, after string, err error) {
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q && q == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), s[i+1:], nil
		case c == q:
			return b.String(), s[i+1:], nil
		case c == '\\' && q == '"':
			if i+1 == len(s) {
				return "", "", errorf(line, "unterminated escape in double-quoted string")
			}
			i++
			switch e := s[i]; e {
			case '\\', '"', '/':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'u':
				if i+4 >= len(s) {
					return "", "", errorf(line, `short \u escape`)
				}
				v, perr := strconv.ParseUint(s[i+1:i+5], 16, 32)
				if perr != nil || !utf8.ValidRune(rune(v)) {
					return "", "", errorf(line, `invalid \u escape %q`, s[i-1:i+5])
				}
				b.WriteRune(rune(v))
				i += 4
			default:
				return "", "", errorf(line, `unsupported escape "\%c" in double-quoted string`, e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", errorf(line, "unterminated quoted string (quoted values must end on the same line)")
}

// flowList parses "[a, 'b', "c"]" (strings only) and what may follow it.
func flowList(s string, line int) (*node, error) {
	n := &node{kind: listNode, line: line}
	i := 1
	skip := func() {
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	for {
		skip()
		if i == len(s) {
			return nil, errorf(line, "unterminated flow list (flow lists must end on the same line)")
		}
		if s[i] == ']' {
			i++
			break
		}
		var item string
		switch s[i] {
		case '"', '\'':
			v, after, err := quoted(s[i:], line)
			if err != nil {
				return nil, err
			}
			item = v
			i = len(s) - len(after)
		case '[', '{':
			return nil, errorf(line, "nested flow collections are not supported")
		case ',':
			return nil, errorf(line, "empty item in flow list")
		default:
			j := strings.IndexAny(s[i:], ",]")
			if j < 0 {
				return nil, errorf(line, "unterminated flow list (flow lists must end on the same line)")
			}
			item = strings.TrimRight(s[i:i+j], " ")
			if strings.Contains(item, " #") || strings.HasPrefix(item, "#") {
				return nil, errorf(line, "comment inside a flow list")
			}
			if strings.ContainsAny(item, "[{}") {
				return nil, errorf(line, "nested flow collections are not supported")
			}
			if strings.Contains(item, ": ") || strings.HasSuffix(item, ":") {
				return nil, errorf(line, "flow lists hold strings only, not mappings")
			}
			if err := checkPlain(item, line); err != nil {
				return nil, err
			}
			i += j
		}
		n.items = append(n.items, &node{kind: scalarNode, line: line, value: item})
		skip()
		if i == len(s) {
			return nil, errorf(line, "unterminated flow list (flow lists must end on the same line)")
		}
		switch s[i] {
		case ',':
			i++
		case ']':
		default:
			return nil, errorf(line, "expected ',' or ']' in flow list, found %q", s[i])
		}
	}
	if err := endOfValue(s[i:], line); err != nil {
		return nil, err
	}
	return n, nil
}
