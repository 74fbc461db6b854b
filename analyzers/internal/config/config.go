// Package config reads reslint's configuration file, .reslint.yaml, and
// finds the one that applies to a package.
//
// The file is YAML, restricted to a small strict subset (mappings, lists of
// strings, comments, quoted strings: see Parse). Every key is checked:
// an unknown key, a value of the wrong shape or an invalid pattern is an
// error naming the file and the line, never silently ignored.
//
//	# .reslint.yaml, at the module root
//	layers:
//	  ui:                      # packages that hold UI code only
//	    - ./ui/**              # relative to the module
//	    - github.com/acme/app/views/*
//	  controller: ["./controllers/**"]
//
// Known keys:
//
//	layers            a mapping from layer name to a list of import-path patterns
//	layers.ui         the UI layer, checked by the uilayer analyzer
//	layers.controller the controller layer, checked by the untracked analyzer
//	release.rules     acquire/release rules of the release analyzer, one per
//	                  item, in the syntax of its -release.rules flag:
//
//	release:
//	  rules:
//	    - func context.WithCancel#1
//	    - method os.Open Close
//	    - id (*example.com/pool.Pool).Acquire Release
//
// Patterns are those of package pathpattern; "./" patterns are relative
// to the module whose root holds the file.
package config

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/rescoord/rescoord/analyzers/internal/pathpattern"
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
	// ReleaseRules are the items of release.rules, checked by the release
	// analyzer, which reports a bad one with its line.
	ReleaseRules []Rule
}

// A Rule is one item of release.rules and the line it was written on.
type Rule struct {
	Text string
	Line int
}

// A Layer is a named set of import-path patterns.
type Layer struct {
	Name     string
	Line     int // where the layer is defined
	Patterns []Pattern
}

// A Pattern is a layer pattern and the line it was written on.
type Pattern struct {
	pathpattern.Pattern
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

// Parse parses the contents of a configuration file; filename is used in
// errors and recorded in the result. All problems found are returned
// together, as *Error values joined with errors.Join.
func Parse(filename string, data []byte) (*Config, error) {
	root, err := parseYAML(data)
	if err != nil {
		var ye *yamlError
		if errors.As(err, &ye) {
			return nil, &Error{File: filename, Line: ye.line, Msg: ye.msg}
		}
		return nil, &Error{File: filename, Msg: err.Error()}
	}
	d := &decoder{file: filename}
	cfg := &Config{File: filename, Layers: make(map[string]*Layer)}
	switch root.kind {
	case nullNode:
	case mapNode:
		for _, p := range root.pairs {
			switch p.key {
			case "layers":
				d.layers(cfg, p)
			case "release":
				d.release(cfg, p)
			default:
				d.errorf(p.line, "unknown key %q (known keys: layers, release)", p.key)
			}
		}
	default:
		d.errorf(root.line, "the file must be a mapping of keys (such as layers:), not %s", root.kind)
	}
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	return cfg, nil
}

type decoder struct {
	file string
	errs []error
}

func (d *decoder) errorf(line int, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) release(cfg *Config, p pair) {
	if p.value.kind != mapNode {
		d.errorf(p.line, "release: expected a mapping (rules:), found %s", p.value.kind)
		return
	}
	for _, rp := range p.value.pairs {
		if rp.key != "rules" {
			d.errorf(rp.line, "unknown key %q in release (known keys: rules)", rp.key)
			continue
		}
		if rp.value.kind != listNode {
			d.errorf(rp.line, "release.rules: expected a list of rules, found %s", rp.value.kind)
			continue
		}
		for _, item := range rp.value.items {
			if item.kind != scalarNode {
				d.errorf(item.line, "release.rules: expected a rule (a string), found %s", item.kind)
				continue
			}
			cfg.ReleaseRules = append(cfg.ReleaseRules, Rule{Text: item.value, Line: item.line})
		}
	}
}

func (d *decoder) layers(cfg *Config, p pair) {
	if p.value.kind != mapNode {
		d.errorf(p.line, "layers: expected a mapping from layer name (%s) to a list of patterns, found %s", strings.Join(LayerNames, ", "), p.value.kind)
		return
	}
	for _, lp := range p.value.pairs {
		if !KnownLayer(lp.key) {
			d.errorf(lp.line, "unknown layer %q (known layers: %s)", lp.key, strings.Join(LayerNames, ", "))
			continue
		}
		layer := &Layer{Name: lp.key, Line: lp.line}
		switch lp.value.kind {
		case listNode:
		case scalarNode:
			d.errorf(lp.line, "layers.%s: expected a list of patterns, found a single string (write [%q] or a \"- \" item)", lp.key, lp.value.value)
			continue
		default:
			d.errorf(lp.line, "layers.%s: expected a list of patterns, found %s", lp.key, lp.value.kind)
			continue
		}
		for _, item := range lp.value.items {
			if item.kind != scalarNode {
				d.errorf(item.line, "layers.%s: expected a pattern (a string), found %s", lp.key, item.kind)
				continue
			}
			pat, err := pathpattern.Compile(item.value)
			if err != nil {
				d.errorf(item.line, "layers.%s: invalid pattern %q: %v", lp.key, item.value, err)
				continue
			}
			layer.Patterns = append(layer.Patterns, Pattern{pat, item.line})
		}
		cfg.Layers[lp.key] = layer
	}
}
