package release

import (
	"errors"
	"fmt"
	"go/types"
	"strconv"
	"strings"
	"sync"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/suite"
)

// rule is a user-defined acquire/release pair.
type rule struct {
	kind    string // "func", "method", "type" or "id"
	acquire string // types.Func.FullName of the acquiring function; for "type", the type ("*database/sql.Rows")
	pkg     string // its package path
	result  int    // which result is the resource
	release string // the release method (method, id); for method, maybe a field path to it ("Body.Close")
	text    string // as written
	origin  string // where it was written: "-release.rules" or "file:line"
}

func init() {
	Analyzer.Flags.Var(&rulesFlag, "rules",
		`acquire/release rules, separated by ";": "func PKG.F#N" (result N is a function that must be called), `+
			`"method PKG.F[#N] M" (method M must be called on result N), "type *PKG.T M" (on every result of that type), `+
			`"id (*PKG.T).M[#N] R" (the ID must go back to R on the same receiver); see docs/reslint.md`)
}

// rulesValue is the -rules flag: repeatable, each value a ";"-separated
// list.
type rulesValue struct {
	mu     sync.Mutex
	text   []string
	parsed []rule
}

var rulesFlag rulesValue

func (r *rulesValue) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.text, ";")
}

// Set adds the rules of s; an empty s removes every rule the flag holds,
// so that the file's rules apply again.
func (r *rulesValue) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.text, r.parsed = nil, nil
		return nil
	}
	rules, err := parseRules(s)
	if err != nil {
		return err
	}
	for i := range rules {
		rules[i].origin = "-release.rules"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.text = append(r.text, s)
	r.parsed = append(r.parsed, rules...)
	return nil
}

// activeRules returns the rules given by flags and, when no flag gives
// any, those of the configuration file (release.rules), followed by those
// of the rule sets named by -sets or, without it, by release.sets, or,
// when neither names any (an empty release.sets does), the default set.
func activeRules(u *suite.Unit) ([]rule, error) {
	cfg, cfgErr := u.Config()
	goVersion := u.Package.Module.GoVersion
	var out []rule
	var errs []error
	if flagged := flaggedRules(); len(flagged) > 0 {
		out = append(out, flagged...)
	} else if cfgErr != nil {
		return nil, cfgErr
	} else if cfg != nil {
		for _, item := range cfg.ReleaseRules {
			r, err := parseUserRule(item.Text)
			if err != nil {
				errs = append(errs, &config.Error{File: cfg.File, Line: item.Line, Msg: fmt.Sprintf("release.rules: %q: %v", item.Text, err)})
				continue
			}
			r.origin = fmt.Sprintf("%s:%d", cfg.File, item.Line)
			out = append(out, r)
		}
	}
	if sets := setsFlag.get(); len(sets) > 0 {
		rules, err := setRules(sets, goVersion, "-release.sets")
		errs = append(errs, err)
		out = append(out, rules...)
	} else if cfgErr == nil && (cfg == nil || !cfg.SetsGiven) {
		// No set named anywhere: the default one.
		rules, err := setRules([]string{"default"}, goVersion, defaultOrigin)
		errs = append(errs, err)
		out = append(out, rules...)
	} else if cfgErr == nil && cfg != nil {
		for _, item := range cfg.ReleaseSets {
			rules, err := setRules([]string{item.Text}, goVersion, fmt.Sprintf("%s:%d", cfg.File, item.Line))
			if err != nil {
				errs = append(errs, &config.Error{File: cfg.File, Line: item.Line, Msg: "release.sets: " + err.Error()})
				continue
			}
			out = append(out, rules...)
		}
	}
	return dedupe(out), errors.Join(errs...)
}

// defaultOrigin is where the default set's rules come from, for errors:
// they apply wherever no set is named.
const defaultOrigin = "the default rule set"

// dedupe drops the rules that repeat an earlier one (a user's rule that a
// set has too): each would report the same leak.
func dedupe(rules []rule) []rule {
	type key struct {
		kind, acquire, release string
		result                 int
	}
	seen := map[key]bool{}
	out := rules[:0:0]
	for _, r := range rules {
		k := key{r.kind, r.acquire, r.release, r.result}
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// flaggedRules returns the rules the -rules flag gives.
func flaggedRules() []rule {
	rulesFlag.mu.Lock()
	defer rulesFlag.mu.Unlock()
	return rulesFlag.parsed
}

// parseRules parses a ";"-separated list of rules.
func parseRules(s string) ([]rule, error) {
	var out []rule
	for i, text := range strings.Split(s, ";") {
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		r, err := parseUserRule(text)
		if err != nil {
			return nil, fmt.Errorf("release rule %d %q: %v", i+1, text, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// parseUserRule parses a rule a user wrote: one that go vet's lostcancel,
// which reslint runs too, does not check already.
func parseUserRule(text string) (rule, error) {
	r, err := parseRule(text)
	if err == nil && r.pkg == "context" && lostcancelChecks[r.acquire] {
		err = fmt.Errorf("go vet's lostcancel already checks the cancel function of %s: remove the rule, or each leak is reported twice", r.acquire)
	}
	return r, err
}

// lostcancelChecks are the functions whose results lostcancel checks.
var lostcancelChecks = map[string]bool{
	"context.WithCancel": true, "context.WithTimeout": true, "context.WithDeadline": true,
	"context.WithCancelCause": true, "context.WithTimeoutCause": true, "context.WithDeadlineCause": true,
}

func parseRule(text string) (rule, error) {
	f := strings.Fields(text)
	if len(f) < 2 {
		return rule{}, fmt.Errorf(`want "func PKG.F#N", "method PKG.F[#N] METHOD" or "id (*PKG.T).M[#N] METHOD"`)
	}
	r := rule{kind: f[0], text: text}
	switch r.kind {
	case "func":
		if len(f) != 2 {
			return r, fmt.Errorf("a func rule names only the acquiring function: func PKG.F#N")
		}
	case "type":
		// type *PKG.T METHOD: every call returning a *PKG.T acquires it.
		if len(f) != 3 {
			return r, fmt.Errorf("a type rule names the resource's type and its release method: type *PKG.T METHOD")
		}
		r.release = f[2]
		for _, alt := range alternatives(r.release) {
			for _, elem := range strings.Split(alt, ".") {
				if !isIdent(elem) {
					return r, fmt.Errorf("release method %q is not a method name or a field path to one (Close, Body.Close), or alternatives of them (Commit|Rollback)", r.release)
				}
			}
		}
		name := f[1]
		pkg, ok := packageOf(strings.TrimPrefix(name, "*"))
		if !ok || strings.Contains(name, "#") {
			return r, fmt.Errorf("%q: want a type as *import/path.Type or import/path.Type", name)
		}
		r.acquire, r.pkg = name, pkg
		return r, nil
	case "method", "id":
		if len(f) != 3 {
			return r, fmt.Errorf("a %s rule names the acquiring function and the release method: %s PKG.F[#N] METHOD", r.kind, r.kind)
		}
		r.release = f[2]
		for _, alt := range alternatives(r.release) {
			for _, elem := range strings.Split(alt, ".") {
				if !isIdent(elem) {
					return r, fmt.Errorf("release method %q is not a method name or a field path to one (Close, Body.Close), or alternatives of them (Commit|Rollback)", r.release)
				}
			}
			if r.kind == "id" && strings.Contains(alt, ".") {
				return r, fmt.Errorf("an id rule's release method %q is a method of the acquiring call's receiver, not a field path", alt)
			}
		}
	default:
		return r, fmt.Errorf("unknown kind %q: want func, method, type or id", r.kind)
	}
	name := f[1]
	if i := strings.LastIndexByte(name, '#'); i >= 0 {
		n, err := strconv.Atoi(name[i+1:])
		if err != nil || n < 0 {
			return r, fmt.Errorf("result index %q: want #0, #1, ...", name[i+1:])
		}
		r.result, name = n, name[:i]
	}
	pkg, ok := packageOf(name)
	if !ok {
		return r, fmt.Errorf("%q: want a function as import/path.Func or a method as (*import/path.Type).Method", name)
	}
	r.acquire, r.pkg = name, pkg
	return r, nil
}

// packageOf returns the import path in a types.Func full name:
// "context.WithCancel", "(*example.com/pool.Pool).Acquire",
// "(go.opentelemetry.io/otel/trace.Tracer).Start".
func packageOf(name string) (string, bool) {
	if strings.HasPrefix(name, "(") {
		end := strings.Index(name, ").")
		if end < 0 || !isIdent(name[end+2:]) {
			return "", false
		}
		name = strings.TrimPrefix(name[1:end], "*")
	}
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 || !isIdent(name[dot+1:]) {
		return "", false
	}
	return name[:dot], true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// validate checks that the names of r exist and fit, in pkg, the package
// the rule names as the type checker saw it: the acquiring function or
// method, result #N, and the release method (on the result for a method
// rule, along its field path; on the receiver for an id rule). A func
// rule's result must be a function.
func (r rule) validate(pkg *types.Package) error {
	if r.kind == "type" {
		return r.validateType(pkg)
	}
	fn, err := r.lookup(pkg)
	if err == nil {
		err = r.fits(fn)
	}
	if err != nil {
		return fmt.Errorf("release rule %q (%s): %v", r.text, r.origin, err)
	}
	return nil
}

// validateType checks a type rule: the type exists in pkg, and each
// alternative of the release is a method on it, along its field path.
func (r rule) validateType(pkg *types.Package) error {
	name := strings.TrimPrefix(r.acquire, "*")[len(r.pkg)+1:]
	tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return fmt.Errorf("release rule %q (%s): package %s has no type %s", r.text, r.origin, pkg.Path(), name)
	}
	t := tn.Type()
	if strings.HasPrefix(r.acquire, "*") {
		t = types.NewPointer(t)
	}
	if err := releaseFits(t, pkg, r.release); err != nil {
		return fmt.Errorf("release rule %q (%s): %v", r.text, r.origin, err)
	}
	return nil
}

// releaseFits checks that each alternative of release is a method of t,
// reached through its field path.
func releaseFits(t types.Type, pkg *types.Package, release string) error {
	for _, alt := range alternatives(release) {
		t := t
		elems := strings.Split(alt, ".")
		for i, name := range elems {
			obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
			if i < len(elems)-1 {
				field, ok := obj.(*types.Var)
				if !ok {
					return fmt.Errorf("%s has no field %s", t, name)
				}
				t = field.Type()
				continue
			}
			if _, ok := obj.(*types.Func); !ok {
				return fmt.Errorf("%s has no method %s", t, name)
			}
		}
	}
	return nil
}

// lookup finds the acquiring function or method of r in pkg.
func (r rule) lookup(pkg *types.Package) (*types.Func, error) {
	name := r.acquire
	if !strings.HasPrefix(name, "(") {
		fn, ok := pkg.Scope().Lookup(name[len(r.pkg)+1:]).(*types.Func)
		if !ok {
			return nil, fmt.Errorf("package %s has no function %s", pkg.Path(), name[len(r.pkg)+1:])
		}
		return fn, nil
	}
	end := strings.Index(name, ").")
	typeName := strings.TrimPrefix(name[1:end], "*")[len(r.pkg)+1:]
	method := name[end+2:]
	tn, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return nil, fmt.Errorf("package %s has no type %s", pkg.Path(), typeName)
	}
	t := tn.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t) // the method set of *T holds T's too
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, method)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil, fmt.Errorf("type %s has no method %s", typeName, method)
	}
	return fn, nil
}

// fits checks r's result and release method against fn.
func (r rule) fits(fn *types.Func) error {
	sig := fn.Type().(*types.Signature)
	if r.result >= sig.Results().Len() {
		return fmt.Errorf("%s has %d results: #%d does not exist", fn.Name(), sig.Results().Len(), r.result)
	}
	res := sig.Results().At(r.result).Type()
	switch r.kind {
	case "func":
		if _, ok := res.Underlying().(*types.Signature); !ok {
			return fmt.Errorf("result #%d of %s has type %s, not a function type", r.result, fn.Name(), res)
		}
	case "method":
		return releaseFits(res, fn.Pkg(), r.release)
	case "id":
		recv := sig.Recv()
		if recv == nil {
			return fmt.Errorf("an id rule names a method; %s is a function", fn.Name())
		}
		for _, alt := range alternatives(r.release) {
			if obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), alt); obj == nil {
				return fmt.Errorf("%s has no method %s", recv.Type(), alt)
			}
		}
	}
	return nil
}
