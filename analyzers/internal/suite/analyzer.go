package suite

import (
	"go/token"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
)

// Analyzer reads what every reslint analyzer needs to know about a
// package, once, and gives it as its result, a *Package. It reports
// nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "reslintconfig",
	Doc:        "read the module's .reslint.yaml and the package's //reslint: directives for the reslint analyzers",
	URL:        "https://github.com/rescoord/rescoord/blob/main/docs/reslint.md#configuration",
	Run:        run,
	ResultType: reflect.TypeFor[*Package](),
}

// Package is what Analyzer finds out about a package.
type Package struct {
	// Path is the import path layer patterns match: that of the package
	// under test for test variants and external test packages.
	Path string
	// Module is the package's module, and InModule whether it has one.
	Module   config.Module
	InModule bool
	// Config is the module's .reslint.yaml, nil if it has none or it is
	// invalid, in which case ConfigErr says what is wrong, with file and
	// line.
	Config    *config.Config
	ConfigErr error
	// Directive is the layer the package's //reslint:layer directive
	// names, "" if it has none (or only invalid ones).
	Directive string
	// Reaches says which runtime packages the package imports, directly
	// or not.
	Reaches runtimeapi.Reach

	directivePos token.Pos
	problems     []problem // of the file headers
	files        map[*token.File]*fileInfo
}

func run(pass *analysis.Pass) (any, error) {
	p := &Package{
		Path:    packagePath(pass),
		Reaches: runtimeapi.Reaches(pass.Pkg),
		files:   make(map[*token.File]*fileInfo, len(pass.Files)),
	}
	p.findModule(pass)
	if p.InModule && p.ConfigErr == nil {
		p.Config, p.ConfigErr = p.Module.Find()
	}
	p.scanHeaders(pass)
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.FileStart); tf != nil {
			p.files[tf] = readFile(pass, f, tf)
		}
	}
	return p, nil
}

// findModule fills in the module, from the driver where it says where the
// module is, else from the go.mod at or above the package's directory.
func (p *Package) findModule(pass *analysis.Pass) {
	if m := pass.Module; m != nil && m.Dir != "" {
		p.Module = config.Module{Root: m.Dir, Path: m.Path, GoVersion: strings.TrimPrefix(m.GoVersion, "go")}
		p.InModule = true
		return
	}
	dir := packageDir(pass)
	if dir == "" {
		return
	}
	p.Module, p.InModule, p.ConfigErr = config.FindModule(dir)
	if m := pass.Module; m != nil && m.Path != "" {
		p.Module.Path = m.Path
	}
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
			name = pass.Fset.Position(f.Package).Filename
		}
		if filepath.IsAbs(name) {
			return filepath.Dir(name)
		}
	}
	return ""
}

// packagePath is the import path that layer patterns match.
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

// fileInfo returns what is known about tf; nil if it is not one of the
// package's files.
func (p *Package) fileInfo(tf *token.File) *fileInfo {
	if tf == nil {
		return nil
	}
	return p.files[tf]
}
