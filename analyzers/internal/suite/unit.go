package suite

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
)

// A Unit is one package as one analyzer's run sees it.
type Unit struct {
	// Pass is the analysis pass of the run.
	Pass *analysis.Pass

	settings  *Settings
	directive *layerDirective // the package's //reslint:layer, nil if none
	problems  []problem       // of the file headers
	inLayer   bool

	insp  *inspector.Inspector
	files map[*token.File]*fileInfo
}

// Peek is what an analyzer learns about a package before deciding whether
// to look into it. Getting it costs a scan of the comments before each
// file's package clause and, for a package without a //reslint:layer
// directive, a cached lookup of the configuration of its directory and a
// match of its import path: no allocation, no syscall after the first
// package of a directory.
type Peek struct {
	// InLayer reports whether the package belongs to the analyzer's
	// layer: its //reslint:layer directive names the layer, or, without a
	// directive, its import path matches one of the layer's patterns.
	InLayer bool
	// Directive is the layer named by the package's //reslint:layer
	// directive, "" if it has none (or only invalid ones).
	Directive string
	// Directives reports whether the file headers hold any //reslint:
	// directive, valid or not.
	Directives bool
}

// PeekAt returns the Peek of the package of pass for the analyzer with
// settings s. Its error is a configuration error (the file and line of a
// bad .reslint.yaml, a relative pattern without a module), which the
// analyzer should return.
func PeekAt(pass *analysis.Pass, s *Settings) (Peek, error) {
	// Every call below is kept shallow: drivers run each analysis in a
	// goroutine of its own, whose first stack is small, and growing it
	// would cost more than everything else here.
	var p Peek
	p.Directive, p.Directives = packageHeaders(pass)
	if s.layer == "" {
		return p, nil
	}
	in, err := inLayer(pass, s, p.Directive)
	p.InLayer = in
	return p, err
}

// inLayer is the rest of PeekAt.
//
//go:noinline
func inLayer(pass *analysis.Pass, s *Settings, directive string) (bool, error) {
	switch {
	case directive != "":
		return directive == s.layer, nil
	case !s.patterns.set && s.configFile == "" && noPatterns(pass, s.layer):
		return false, nil // the common case
	}
	return matchLayer(pass, s)
}

// lastModule is the configuration of the module seen last, the module of
// nearly every package a driver analyzes.
var lastModule atomic.Pointer[moduleConfig]

type moduleConfig struct {
	path   string
	layers []string // the layers its configuration gives patterns for
	rules  bool     // its configuration has release rules
}

// remember makes the module of loc, if it is the package's, lastModule.
func remember(pass *analysis.Pass, loc *config.Located) {
	m := pass.Module
	if m == nil || m.Path == "" || m.Path != loc.ModulePath {
		return
	}
	if last := lastModule.Load(); last != nil && last.path == m.Path {
		return
	}
	mc := &moduleConfig{path: m.Path}
	if loc.Config != nil {
		for name, l := range loc.Config.Layers {
			if len(l.Patterns) > 0 {
				mc.layers = append(mc.layers, name)
			}
		}
		mc.rules = len(loc.Config.ReleaseRules) > 0
	}
	lastModule.Store(mc)
}

// NoReleaseRules reports, from the module seen last only, that the
// configuration of the package's module has no release rules. False means
// "look" (Located): the module was not seen last, or it has rules.
func NoReleaseRules(pass *analysis.Pass) bool {
	m := lastModule.Load()
	return m != nil && pass.Module != nil && m.path != "" && pass.Module.Path == m.path && !m.rules
}

// noPatterns reports, from lastModule only, that the configuration of the
// package's module gives no patterns for layer. False means "look".
func noPatterns(pass *analysis.Pass, layer string) bool {
	m := lastModule.Load()
	if m == nil || pass.Module == nil || pass.Module.Path != m.path || m.path == "" {
		return false
	}
	for _, l := range m.layers {
		if l == layer {
			return false
		}
	}
	return true
}

// Open prepares the run of an analyzer with settings s on pass, once
// PeekAt has shown that there is something to do. Its error is the same
// configuration error as PeekAt's.
func Open(pass *analysis.Pass, s *Settings) (*Unit, error) {
	p, err := PeekAt(pass, s)
	if err != nil {
		return nil, err
	}
	u := &Unit{Pass: pass, settings: s, inLayer: p.InLayer}
	if p.Directives {
		u.scanHeaders()
	}
	return u, nil
}

// matchLayer reports whether the package's import path matches a pattern
// of the analyzer's layer: from the layer flag if it is set, else from the
// configuration file. The common case (no flag, a cached configuration
// without the layer) is kept in this small function; the rest is out of
// line.
func matchLayer(pass *analysis.Pass, s *Settings) (bool, error) {
	if s.patterns.set {
		return matchFlag(pass, s)
	}
	if s.configFile != "" {
		return matchFile(pass, s)
	}
	loc, err := locate(pass)
	if err != nil {
		return false, err
	}
	remember(pass, loc)
	if loc.Config == nil || loc.Config.Layers[s.layer] == nil {
		return false, nil
	}
	return matchConfig(pass, loc.Config, loc.ModulePath, s.layer)
}

// The configuration of each module, by module path: drivers give the path
// (pass.Module), and looking it up is far cheaper than finding the
// package's directory, which every package of a module shares anyway.
var (
	modulesMu sync.RWMutex
	modules   = make(map[string]located)
)

type located struct {
	loc *config.Located
	err error
}

// Located returns the module of the package of pass and the configuration
// that applies to it (Config is nil without a .reslint.yaml), cached per
// module. Its error is a configuration error with file and line.
func Located(pass *analysis.Pass) (*config.Located, error) {
	loc, err := locate(pass)
	if err == nil {
		remember(pass, loc)
	}
	return loc, err
}

// locate returns the module and configuration of the package.
func locate(pass *analysis.Pass) (*config.Located, error) {
	if m := pass.Module; m != nil && m.Path != "" {
		modulesMu.RLock()
		l, ok := modules[m.Path]
		modulesMu.RUnlock()
		if ok {
			return l.loc, l.err
		}
	}
	return locateDir(pass)
}

// locateDir finds the package's module and configuration from its
// directory, and remembers them for the module.
//
//go:noinline
func locateDir(pass *analysis.Pass) (*config.Located, error) {
	dir := packageDir(pass)
	if dir == "" {
		return &config.Located{}, nil
	}
	loc, err := config.Locate(dir)
	if m := pass.Module; m != nil && m.Path != "" && m.Path == loc.ModulePath {
		modulesMu.Lock()
		modules[m.Path] = located{loc, err}
		modulesMu.Unlock()
	}
	return loc, err
}

// Forget empties every cache of the suite (configurations by module and
// by directory, the runtime import walk), so that the next run reads
// everything again. Tests and benchmarks use it to start cold.
func Forget() {
	forgetHeaders()
	lastModule.Store(nil)
	modulesMu.Lock()
	clear(modules)
	modulesMu.Unlock()
	config.Forget()
	runtimeapi.Forget()
}

// matchFlag matches the patterns of the layer flag.
//
//go:noinline
func matchFlag(pass *analysis.Pass, s *Settings) (bool, error) {
	path := packagePath(pass)
	module := pass.Module.Path
	for _, p := range s.patterns.pats {
		if p.Relative() && module == "" {
			if dir := packageDir(pass); dir != "" {
				loc, _ := config.Locate(dir) // only its module is needed
				module = loc.ModulePath
			}
		}
		if p.Relative() && module == "" {
			return false, fmt.Errorf("-%s.%s: pattern %q is relative to the module, but package %s is in no module: write the full import path", s.analyzer, s.layer, p, path)
		}
		if p.Match(path, module) {
			return true, nil
		}
	}
	return false, nil
}

// matchFile matches the patterns of the file named by -config, if not
// "off".
//
//go:noinline
func matchFile(pass *analysis.Pass, s *Settings) (bool, error) {
	if s.configFile == "off" {
		return false, nil
	}
	cfg, err := config.Load(s.configFile)
	if err != nil {
		return false, err
	}
	floc, _ := config.Locate(filepath.Dir(s.configFile)) // its module; its own errors are not ours
	return matchConfig(pass, cfg, floc.ModulePath, s.layer)
}

// matchConfig matches the patterns of a layer of cfg, whose relative
// patterns are relative to module.
//
//go:noinline
func matchConfig(pass *analysis.Pass, cfg *config.Config, module, layer string) (bool, error) {
	l := cfg.Layers[layer]
	if l == nil {
		return false, nil
	}
	path := packagePath(pass)
	for _, p := range l.Patterns {
		if p.Relative() && module == "" {
			return false, &config.Error{File: cfg.File, Line: p.Line, Msg: fmt.Sprintf("pattern %q is relative, but the file is in no module (no go.mod at or above it): write the full import path", p.String())}
		}
		if p.Match(path, module) {
			return true, nil
		}
	}
	return false, nil
}

// packageDir returns the directory of the package's first file, or "".
// The files cgo writes live in a build directory: for them, the //line
// directives in the file say where the source is.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Package)
		if tf == nil {
			continue
		}
		name := tf.Name()
		if strings.HasSuffix(name, ".cgo1.go") || strings.HasSuffix(name, "_cgo_gotypes.go") {
			name = cgoSource(pass, f)
		}
		for i := len(name) - 1; i >= 0; i-- {
			if name[i] == '/' || name[i] == filepath.Separator {
				return name[:max(i, 1)]
			}
		}
	}
	return ""
}

//go:noinline
func cgoSource(pass *analysis.Pass, f *ast.File) string {
	return pass.Fset.Position(f.Package).Filename
}

// packagePath is the import path that layer patterns match: that of the
// package under test for test variants and external test packages.
func packagePath(pass *analysis.Pass) string {
	path := pass.Pkg.Path()
	if i := strings.Index(path, " ["); i >= 0 {
		path = path[:i]
	}
	if strings.HasSuffix(pass.Pkg.Name(), "_test") {
		path = strings.TrimSuffix(path, "_test")
	}
	return path
}

// InLayer reports whether the package belongs to the analyzer's layer (see
// Peek.InLayer).
func (u *Unit) InLayer() bool { return u.inLayer }

// Inspector returns an inspector of the package's files, built on first
// use.
func (u *Unit) Inspector() *inspector.Inspector {
	if u.insp == nil {
		u.insp = inspector.New(u.Pass.Files)
	}
	return u.insp
}

// Checked reports whether diagnostics in the file are reported at all: not
// in generated files, and not in _test.go files unless -tests is set.
func (u *Unit) Checked(f *ast.File) bool {
	fi := u.fileInfo(u.Pass.Fset.File(f.FileStart))
	return fi == nil || !fi.generated && (!fi.test || u.settings.tests)
}

// Report reports d unless it is in a file that is not checked (see
// Checked) or a //reslint:ignore directive for this analyzer covers its
// line.
func (u *Unit) Report(d analysis.Diagnostic) {
	tf := u.Pass.Fset.File(d.Pos)
	if fi := u.fileInfo(tf); fi != nil {
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
// every package; those in the rest of the files only for packages the
// analyzer looks into, since finding them means reading every comment.
func (u *Unit) ReportDirectiveProblems(whole bool) {
	if u.settings.ownsDirectives {
		for _, p := range u.problems {
			u.reportProblem(p)
		}
	}
	if !whole {
		return
	}
	for _, f := range u.Pass.Files {
		fi := u.fileInfo(u.Pass.Fset.File(f.FileStart))
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
	if fi := u.fileInfo(u.Pass.Fset.File(p.pos)); fi != nil && fi.generated {
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
