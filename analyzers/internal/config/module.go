package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// A Module is the module a package belongs to.
type Module struct {
	// Root is the directory that holds the module's go.mod.
	Root string
	// Path is the module path its go.mod declares.
	Path string
	// GoVersion is the version of its go directive ("1.26"), "" if none.
	GoVersion string
}

// FindModule returns the module of the package in dir: that of the first
// directory at or above dir with a go.mod file, read with
// golang.org/x/mod/modfile. ok is false when dir is in no module.
func FindModule(dir string) (m Module, ok bool, err error) {
	for {
		gomod := filepath.Join(dir, "go.mod")
		data, err := os.ReadFile(gomod)
		switch {
		case err == nil:
			f, err := modfile.ParseLax(gomod, data, nil)
			if err != nil {
				return Module{Root: dir}, true, err
			}
			m := Module{Root: dir}
			if f.Module != nil {
				m.Path = f.Module.Mod.Path
			}
			if f.Go != nil {
				m.GoVersion = f.Go.Version
			}
			return m, true, nil
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
			return Module{}, false, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return Module{}, false, nil
		}
		dir = parent
	}
}

// Find returns the configuration in the module's root, nil if it has none.
func (m Module) Find() (*Config, error) {
	name := filepath.Join(m.Root, FileName)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	return Parse(name, data)
}
