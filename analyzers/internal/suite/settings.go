// Package suite is the frame that every reslint analyzer shares: its
// settings (flags first, then .reslint.yaml), the layer a package belongs
// to, the //reslint: directives, and reporting that skips generated files
// and test files and honours //reslint:ignore.
//
// An analyzer declares its Settings, registers them on its Analyzer.Flags,
// and starts each run with Open:
//
//	var settings = suite.NewSettings("uilayer", config.LayerUI)
//
//	func init() { settings.Register(&Analyzer.Flags) }
//
//	func run(pass *analysis.Pass) (any, error) {
//		u, err := suite.Open(pass, settings)
//		if err != nil {
//			return nil, err // a configuration error, with file and line
//		}
//		if !u.InLayer() {
//			return nil, nil // the fast path: no AST walk
//		}
//		for c := range u.Inspector().Root().Preorder((*ast.GoStmt)(nil)) {
//			u.Reportf(c.Node(), "...")
//		}
//		return nil, nil
//	}
//
// Open costs a few map lookups for a package outside the analyzer's layer:
// the configuration is read once per directory and file for the whole
// process, and only the comments before each file's package clause are
// looked at. Everything that walks syntax (the inspector, the
// //reslint:ignore directives, generated-file detection) is built on first
// use.
package suite

import (
	"flag"
	"fmt"
	"strings"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/pathpattern"
)

// Settings is one analyzer's configuration from its flags. Values not
// given by flags come from the configuration file.
type Settings struct {
	analyzer string
	layer    string // the layer whose patterns the layer flag sets; "" for none

	configFile     string
	tests          bool
	patterns       patternList
	ownsDirectives bool
}

// NewSettings returns the settings of the analyzer named analyzer. layer
// names the layer the analyzer checks (config.LayerUI, ...), whose
// patterns a flag of the same name can set; "" means the analyzer has no
// layer flag.
func NewSettings(analyzer, layer string) *Settings {
	return &Settings{analyzer: analyzer, layer: layer}
}

// Analyzer returns the name of the analyzer the settings belong to.
func (s *Settings) Analyzer() string { return s.analyzer }

// Register defines the settings' flags in fs, normally the analyzer's
// Flags:
//
//	-config FILE   the configuration file to use instead of looking for
//	               .reslint.yaml ("off": none)
//	-tests         also report in _test.go files
//	-LAYER P,P...  the layer's patterns, replacing those of the file
func (s *Settings) Register(fs *flag.FlagSet) {
	fs.StringVar(&s.configFile, "config", "",
		"configuration `file` to use instead of the "+config.FileName+" at the module root; \"off\" to use none")
	fs.BoolVar(&s.tests, "tests", false,
		"also report in _test.go files (by default tests may set up services, track resources and start goroutines)")
	if s.layer != "" {
		fs.Var(&s.patterns, s.layer, fmt.Sprintf(
			"comma-separated import-path `patterns` of the %s layer (\"*\" within an element, \"**\" for any elements, \"./\" relative to the module); replaces layers.%s of the configuration file",
			s.layer, s.layer))
	}
}

// Reset restores the values the flags have before parsing. Tests that set
// flags use it to clean up.
func (s *Settings) Reset() {
	s.configFile, s.tests, s.patterns = "", false, patternList{}
}

// patternList is a flag.Value of comma-separated patterns, checked when
// the flag is set.
type patternList struct {
	text string
	set  bool
	pats []pathpattern.Pattern
}

func (l *patternList) String() string { return l.text }

// Set parses s. An empty s unsets the flag: the file's patterns apply
// again (use -config=off for no patterns at all).
func (l *patternList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		*l = patternList{}
		return nil
	}
	var pats []pathpattern.Pattern
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := pathpattern.Compile(f)
		if err != nil {
			return fmt.Errorf("pattern %q: %v", f, err)
		}
		pats = append(pats, p)
	}
	*l = patternList{text: s, set: true, pats: pats}
	return nil
}
