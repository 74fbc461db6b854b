package suite

import (
	"fmt"
	"go/token"
	"path/filepath"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/internal/usage"
)

// A Unit is one package as one analyzer's run sees it.
type Unit struct {
	// Pass is the analysis pass of the run.
	Pass *analysis.Pass
	// Package is what Analyzer found out about the package.
	Package *Package

	settings *Settings
	inLayer  bool
	insp     *inspector.Inspector
}

// Open prepares the run of an analyzer with settings s on pass, whose
// analyzer must require Analyzer. Its error is a configuration error (the
// file and line of a bad .reslint.yaml, a relative pattern without a
// module), which the analyzer should return; a command that asked for it
// (usage.ExitOnInvalid) ends with it instead.
func Open(pass *analysis.Pass, s *Settings) (*Unit, error) {
	p := pass.ResultOf[Analyzer].(*Package)
	u := &Unit{Pass: pass, Package: p, settings: s}
	if s.layer == "" {
		return u, nil
	}
	var err error
	u.inLayer, err = u.matchLayer()
	return u, usage.Invalid(err)
}

// Config returns the configuration file that applies to the analyzer's
// run: the one its -config flag names, none for -config=off, else the
// module's .reslint.yaml (nil if it has none).
func (u *Unit) Config() (*config.Config, error) {
	switch u.settings.configFile {
	case "":
		return u.Package.Config, u.Package.ConfigErr
	case "off":
		return nil, nil
	}
	return config.ReadFile(u.settings.configFile)
}

// matchLayer reports whether the package is in the analyzer's layer: the
// package's //reslint:layer directive says so, or, without one, its path
// matches a pattern of the layer flag if it is set, else of the
// configuration file.
func (u *Unit) matchLayer() (bool, error) {
	p, s := u.Package, u.settings
	if p.Directive != "" {
		return p.Directive == s.layer, nil
	}
	if s.patterns.set {
		for _, pat := range s.patterns.pats {
			if pat.Relative() && p.Module.Path == "" {
				return false, fmt.Errorf("-%s.%s: pattern %q is relative to the module, but package %s is in no module: write the full import path", s.analyzer, s.layer, pat, p.Path)
			}
			if pat.Match(p.Path, p.Module.Path) {
				return true, nil
			}
		}
		return false, nil
	}
	cfg, err := u.Config()
	if err != nil || cfg == nil || cfg.Layers[s.layer] == nil {
		return false, err
	}
	module := p.Module.Path
	if s.configFile != "" {
		m, _, _ := config.FindModule(filepath.Dir(s.configFile)) // only its module is needed
		module = m.Path
	}
	for _, pat := range cfg.Layers[s.layer].Patterns {
		if pat.Relative() && module == "" {
			return false, &config.Error{File: cfg.File, Line: pat.Line, Msg: fmt.Sprintf("pattern %q is relative, but the file is in no module (no go.mod at or above it): write the full import path", pat.String())}
		}
		if pat.Match(p.Path, module) {
			return true, nil
		}
	}
	return false, nil
}

// InLayer reports whether the package belongs to the analyzer's layer.
func (u *Unit) InLayer() bool { return u.inLayer }

// Inspector returns an inspector of the package's files, built on first
// use.
func (u *Unit) Inspector() *inspector.Inspector {
	if u.insp == nil {
		u.insp = inspector.New(u.Pass.Files)
	}
	return u.insp
}

// Report reports d unless it is in a file that is not checked (see
// Checked) or a //reslint:ignore directive for this analyzer covers its
// line.
func (u *Unit) Report(d analysis.Diagnostic) {
	tf := u.Pass.Fset.File(d.Pos)
	if fi := u.Package.fileInfo(tf); fi != nil {
		if fi.generated || fi.test && !u.settings.tests {
			return
		}
		if fi.ignored(rawLine(tf, d.Pos), u.settings.analyzer) {
			return
		}
	}
	u.Pass.Report(d)
}

// Reportf reports a diagnostic spanning node, as Report does.
func (u *Unit) Reportf(node analysis.Range, format string, args ...any) {
	u.Report(analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: fmt.Sprintf(format, args...)})
}

// ReportDirectiveProblems reports malformed //reslint: directives. Every
// analyzer reports the //reslint:ignore directives that name it without a
// reason; the analyzer that owns the layer directives (see OwnDirectives)
// also reports unknown or conflicting //reslint:layer directives and
// unknown //reslint: verbs. Directives in the file headers are checked for
// every package; those in the rest of the files only when whole is set,
// for packages the analyzer looks into.
func (u *Unit) ReportDirectiveProblems(whole bool) {
	if u.settings.ownsDirectives {
		for _, p := range u.Package.problems {
			u.reportProblem(p)
		}
	}
	if !whole {
		return
	}
	for _, f := range u.Pass.Files {
		fi := u.Package.fileInfo(u.Pass.Fset.File(f.FileStart))
		if fi == nil {
			continue
		}
		for _, p := range fi.problems {
			if p.analyzer == u.settings.analyzer || u.settings.ownsDirectives && p.analyzer == "" {
				u.reportProblem(p)
			}
		}
	}
}

// A problem is a malformed directive. analyzer names the analyzer that
// reports it; "" means the owner of the directives.
type problem struct {
	pos      token.Pos
	end      token.Pos
	msg      string
	analyzer string
}

func (u *Unit) reportProblem(p problem) {
	if fi := u.Package.fileInfo(u.Pass.Fset.File(p.pos)); fi != nil && fi.generated {
		return
	}
	u.Pass.Report(analysis.Diagnostic{Pos: p.pos, End: p.end, Message: p.msg})
}

// OwnDirectives makes the analyzer with these settings the one that reports
// malformed //reslint:layer directives and unknown //reslint: verbs, so
// that they are reported once, not by every analyzer.
func (s *Settings) OwnDirectives() *Settings {
	s.ownsDirectives = true
	return s
}

// Guard wraps an analyzer's run function so that a panic becomes an error
// naming the package, with the stack, instead of crashing the driver and
// every other analysis with it.
func Guard(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				result, err = nil, fmt.Errorf("internal error (please report): %s panicked on package %s: %v\n%s", pass.Analyzer.Name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		return run(pass)
	}
}
