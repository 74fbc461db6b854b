// Package suite is the frame that every reslint analyzer shares. Its
// Analyzer, which every other analyzer Requires, reads once per package
// what they all need: the module, its .reslint.yaml, the package's
// //reslint:layer directive, which runtime packages it reaches, and, for
// reporting, each file's //reslint:ignore directives and whether it is
// generated or a test. Each analyzer's own Settings (its flags) then
// decide, through Open, whether the package is in the analyzer's layer:
//
//	var settings = suite.NewSettings("uilayer", config.LayerUI)
//
//	func init() { settings.Register(&Analyzer.Flags) }
//
//	func run(pass *analysis.Pass) (any, error) {
//		u, err := suite.Open(pass, settings)
//		if err != nil || !u.InLayer() {
//			return nil, err // a configuration error, with file and line
//		}
//		for c := range u.Inspector().Root().Preorder((*ast.GoStmt)(nil)) {
//			u.Reportf(c.Node(), "...")
//		}
//		return nil, nil
//	}
package suite

import (
	"flag"
	"fmt"
	"strings"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/pkgpattern"
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
			"comma-separated package `patterns` of the %s layer, in the go command's syntax (\"./ui/...\"); replaces layers.%s of the configuration file",
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
	pats []pkgpattern.Pattern
}

func (l *patternList) String() string { return l.text }

// Set parses s. An empty s unsets the flag: the file's patterns apply
// again (use -config=off for no patterns at all).
func (l *patternList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		*l = patternList{}
		return nil
	}
	var pats []pkgpattern.Pattern
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := pkgpattern.Compile(f)
		if err != nil {
			return fmt.Errorf("pattern %q: %v", f, err)
		}
		pats = append(pats, p)
	}
	*l = patternList{text: s, set: true, pats: pats}
	return nil
}
