// Package config reads reslint's configuration file, .reslint.yaml, and
// finds the module a package belongs to.
//
// The file is YAML, decoded strictly by go.yaml.in/yaml/v3 into the
// structure below: an unknown key, a value of the wrong type or an invalid
// pattern is an error naming the file and the line, never silently
// ignored.
//
//	# .reslint.yaml, at the module root
//	layers:
//	  ui:                          # packages that hold UI code only
//	    - ./ui/...                 # relative to the module
//	    - example.com/app/.../views
//	  controller: [./controllers/...]
//	release:
//	  sets: [std]
//	  rules:
//	    - method example.com/pool.Get Release
//
// Patterns are the go command's package patterns (package pkgpattern);
// "./" patterns are relative to the module whose root holds the file. The
// rules are checked by the release analyzer, which reports a bad one with
// its line. docs/reslint.md is the reference.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rescoord/rescoord/analyzers/internal/pkgpattern"
)

// FileName is the name of the configuration file.
const FileName = ".reslint.yaml"

// The layer names that the analyzers know.
const (
	LayerUI         = "ui"
	LayerController = "controller"
)

// LayerNames lists the known layer names, in the order used in messages.
var LayerNames = []string{LayerUI, LayerController}

// KnownLayer reports whether name is a known layer name.
func KnownLayer(name string) bool { return slices.Contains(LayerNames, name) }

// Config is a parsed configuration file.
type Config struct {
	// File is the name the file was read from.
	File string
	// Layers holds the layers the file defines, by name.
	Layers map[string]*Layer
	// ReleaseRules are the items of release.rules.
	ReleaseRules []Rule
	// ReleaseSets are the items of release.sets: names of rule sets.
	ReleaseSets []Rule
	// SetsGiven says whether the file has release.sets, an empty list
	// included (which turns the default rule set off).
	SetsGiven bool
}

// A Rule is one item of release.rules and the line it was written on.
type Rule struct {
	Text string
	Line int
}

// A Layer is a named set of package patterns.
type Layer struct {
	Name     string
	Line     int // where the layer is defined
	Patterns []Pattern
}

// A Pattern is a layer pattern and the line it was written on.
type Pattern struct {
	pkgpattern.Pattern
	Line int
}

// Error is a problem at a line of a configuration file. Line is 0 when the
// problem is with the file as a whole.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error returns "file:line: message".
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ReadFile reads and parses the configuration file name.
func ReadFile(name string) (*Config, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	return Parse(name, data)
}

// The file's structure, as yaml decodes it. Each Go type name maps to the
// key it is the value of, for messages (see keyOf).
type (
	file struct {
		Layers  layers  `yaml:"layers"`
		Release release `yaml:"release"`
	}
	release struct {
		Rules []rule `yaml:"rules"`
		Sets  []rule `yaml:"sets"`
	}
	rule  Rule
	layer struct {
		name string
		line int
		pats []Pattern
	}
	// layers decodes itself, so that each layer's line and an empty layer
	// are seen (yaml skips null values).
	layers map[string]*layer
)

var keyOf = map[string]struct{ path, known string }{
	"file":    {"the file", "layers, release"},
	"release": {"release", "rules, sets"},
}

func typeError(n *yaml.Node, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: ", n.Line) + fmt.Sprintf(format, args...)}}
}

// kind names the kind of a node in messages.
func kind(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.AliasNode:
		return "an alias"
	case n.ShortTag() == "!!null":
		return "nothing"
	}
	return "a single value"
}

// UnmarshalYAML decodes layers: a mapping from a known layer name to a
// list of patterns.
func (ls *layers) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "layers: expected a mapping from layer name (%s) to a list of patterns, found %s", strings.Join(LayerNames, ", "), kind(n))
	}
	var errs []string
	add := func(err error) {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			errs = append(errs, te.Errors...)
		}
	}
	*ls = make(layers)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		switch {
		case !KnownLayer(name):
			add(typeError(k, "unknown layer %q (known layers: %s)", name, strings.Join(LayerNames, ", ")))
			continue
		case (*ls)[name] != nil:
			add(typeError(k, "duplicate layer %q (first at line %d)", name, (*ls)[name].line))
			continue
		}
		l := &layer{name: name, line: k.Line}
		(*ls)[name] = l
		switch v.Kind {
		case yaml.SequenceNode:
		case yaml.ScalarNode:
			if v.ShortTag() != "!!null" {
				add(typeError(v, "layers.%s: expected a list of patterns, found a single value (write [%q] or a \"- \" item)", name, v.Value))
				continue
			}
			fallthrough
		default:
			add(typeError(k, "layers.%s: expected a list of patterns, found %s", name, kind(v)))
			continue
		}
		if len(v.Content) == 0 {
			add(typeError(v, "layers.%s: an empty list names no package (remove the layer, or add patterns)", name))
		}
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode || item.ShortTag() != "!!str" {
				add(typeError(item, "layers.%s: expected a pattern (a string), found %s", name, kind(item)))
				continue
			}
			p, err := pkgpattern.Compile(item.Value)
			if err != nil {
				add(typeError(item, "layers.%s: invalid pattern %q: %v", name, item.Value, err))
				continue
			}
			l.pats = append(l.pats, Pattern{p, item.Line})
		}
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}

// UnmarshalYAML decodes one rule: a string.
func (r *rule) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return typeError(n, "release.rules: expected a rule (a string), found %s", kind(n))
	}
	*r = rule{Text: n.Value, Line: n.Line}
	return nil
}

// Parse parses the contents of a configuration file; filename is used in
// errors and recorded in the result. All problems found are returned
// together, as *Error values joined with errors.Join.
func Parse(filename string, data []byte) (*Config, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(&f)
	if err == nil {
		var extra yaml.Node
		if dec.Decode(&extra) != io.EOF {
			err = fmt.Errorf("line %d: one document per file", extra.Line)
		}
	}
	if err != nil && err != io.EOF {
		return nil, fileError(filename, err)
	}
	cfg := &Config{File: filename, Layers: make(map[string]*Layer)}
	for name, l := range f.Layers {
		cfg.Layers[name] = &Layer{Name: name, Line: l.line, Patterns: l.pats}
	}
	for _, r := range f.Release.Rules {
		cfg.ReleaseRules = append(cfg.ReleaseRules, Rule(r))
	}
	for _, r := range f.Release.Sets {
		cfg.ReleaseSets = append(cfg.ReleaseSets, Rule(r))
	}
	cfg.SetsGiven = f.Release.Sets != nil
	return cfg, nil
}

var (
	lineMsg    = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownKey = regexp.MustCompile(`^field (\S+) not found in type config\.(\w+)$`)
	wrongType  = regexp.MustCompile("(?s)^cannot unmarshal !!(\\w+) (?:`[^`]*` )?into (?:\\[\\])?config\\.(\\w+)$")
)

// fileError turns the decoder's error into *Error values, one per line,
// in the words of the file's keys rather than of Go types.
func fileError(filename string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var errs []error
	for _, m := range msgs {
		e := &Error{File: filename, Msg: strings.TrimPrefix(m, "yaml: ")}
		if sub := lineMsg.FindStringSubmatch(m); sub != nil {
			e.Line, _ = strconv.Atoi(sub[1])
			e.Msg = sub[2]
		}
		if sub := unknownKey.FindStringSubmatch(e.Msg); sub != nil {
			k := keyOf[sub[2]]
			where := ""
			if sub[2] != "file" {
				where = " in " + k.path
			}
			e.Msg = fmt.Sprintf("unknown key %q%s (known keys: %s)", sub[1], where, k.known)
		} else if sub := wrongType.FindStringSubmatch(e.Msg); sub != nil {
			found := map[string]string{"seq": "a list", "map": "a mapping"}[sub[1]]
			if found == "" {
				found = "a single value"
			}
			switch sub[2] {
			case "file":
				e.Msg = "the file must be a mapping of keys (such as layers:), not " + found
			case "release":
				e.Msg = "release: expected a mapping (rules:), found " + found
			case "rule":
				e.Msg = "release.rules: expected a list of rules, found " + found
			}
		}
		e.Msg = strings.ReplaceAll(e.Msg, "\n", `\n`) // one line per error
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}
