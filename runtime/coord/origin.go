package coord

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// String returns the first frame of the recorded stack that is outside this
// module's runtime packages, as "file.go:42 pkg.Func".
func (o *origin) String() string {
	frames := runtime.CallersFrames(o.pcs[:o.n])
	for {
		f, more := frames.Next()
		if f.Function != "" && !internalFrame(f.Function) {
			return fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, shortFunc(f.Function))
		}
		if !more {
			return ""
		}
	}
}

// internalFrame reports whether fn belongs to package coord or controller,
// whose frames say nothing about where a resource came from.
func internalFrame(fn string) bool {
	const root = "github.com/rescoord/rescoord/runtime/"
	rest, ok := strings.CutPrefix(fn, root)
	if !ok {
		return false
	}
	pkg, _, _ := strings.Cut(rest, ".")
	return pkg == "coord" || pkg == "controller"
}

// shortFunc drops the import path from a function name:
// "example.com/app/tabs.(*Tab).Open" → "tabs.(*Tab).Open".
func shortFunc(fn string) string {
	if i := strings.LastIndexByte(fn, '/'); i >= 0 {
		return fn[i+1:]
	}
	return fn
}
