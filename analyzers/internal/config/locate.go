package config

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Located is what Locate finds for a directory: the module it belongs to
// and the configuration that applies to it.
type Located struct {
	// ModuleRoot is the directory that holds the module's go.mod, or ""
	// when the directory is not inside a module.
	ModuleRoot string
	// ModulePath is the module path declared in that go.mod.
	ModulePath string
	// Config is the module's .reslint.yaml, at its root, or nil if there
	// is none.
	Config *Config
}

type located struct {
	loc *Located
	err error
}

// The caches: a plain map under a read-write lock rather than a sync.Map,
// whose string keys would be allocated on every lookup.
var (
	mu        sync.RWMutex
	dirCache  = make(map[string]*located) // cleaned directory
	fileCache = make(map[string]*located) // cleaned file name (Config and err only)
)

func cached(m map[string]*located, key string) (*located, bool) {
	mu.RLock()
	l, ok := m[key]
	mu.RUnlock()
	return l, ok
}

func store(m map[string]*located, key string, l *located) *located {
	mu.Lock()
	defer mu.Unlock()
	if old, ok := m[key]; ok {
		return old
	}
	m[key] = l
	return l
}

// Locate returns the module and the configuration of the package in dir.
// It walks up from dir to the module root (the first directory with a
// go.mod file) and reads the .reslint.yaml there, if any; outside any
// module there is no configuration. The result is never nil: when the
// configuration file is invalid, it still names the module, and the error
// says what is wrong with the file. Results, errors included, are cached
// for the life of the process, so each directory and each file is looked
// at once.
func Locate(dir string) (*Located, error) {
	if l, ok := cached(dirCache, dir); ok {
		return l.loc, l.err
	}
	dir = filepath.Clean(dir)
	if l, ok := cached(dirCache, dir); ok {
		return l.loc, l.err
	}
	l := store(dirCache, dir, locate(dir))
	return l.loc, l.err
}

func locate(dir string) *located {
	if gomod := filepath.Join(dir, "go.mod"); isFile(gomod) {
		loc := &Located{ModuleRoot: dir, ModulePath: modulePath(gomod)}
		var err error
		if yaml := filepath.Join(dir, FileName); isFile(yaml) {
			loc.Config, err = Load(yaml)
		}
		return &located{loc, err}
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		return &located{&Located{}, nil} // not in a module
	}
	loc, err := Locate(parent)
	return &located{loc, err}
}

// Load reads the configuration file name, once per process: later calls
// return the same result.
func Load(name string) (*Config, error) {
	name = filepath.Clean(name)
	if l, ok := cached(fileCache, name); ok {
		return l.loc.Config, l.err
	}
	cfg, err := ReadFile(name)
	l := store(fileCache, name, &located{&Located{Config: cfg}, err})
	return l.loc.Config, l.err
}

// Forget empties the caches of Locate and Load, so that files are read
// again. Tests and benchmarks use it to start cold.
func Forget() {
	mu.Lock()
	defer mu.Unlock()
	clear(dirCache)
	clear(fileCache)
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// modulePath returns the path in go.mod's module directive, or "".
func modulePath(gomod string) string {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '"' && rest[0] != '`') {
			continue
		}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "`") {
			if s, err := strconv.Unquote(rest); err == nil {
				return s
			}
			return ""
		}
		return rest
	}
	return ""
}
