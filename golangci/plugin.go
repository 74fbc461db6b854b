// Package golangci is the golangci-lint v2 module plugin of rescoord: it
// runs the reslint analyzer suite inside golangci-lint, configured from the
// linter's settings in .golangci.yml.
//
// The settings are decoded strictly (a misspelt key is an error) and set
// the same flags the analyzers take on the command line, so that reslint,
// go vet -vettool and golangci-lint read one configuration the same way:
//
//	linters:
//	  enable: [rescoord]
//	  settings:
//	    custom:
//	      rescoord:
//	        type: module
//	        description: keeps UI code free of resource management
//	        settings:
//	          layers:
//	            ui: ["./ui/..."]             # -uilayer.ui
//	            controller: ["./ctrl/..."]   # -untracked.controller
//	          release:
//	            rules: ["method example.com/pool.Get Release"]   # -release.rules
//	            sets: [std]                  # -release.sets
//	          tests: false                   # -ANALYZER.tests
//	          config: ""                     # -ANALYZER.config (a .reslint.yaml, or "off")
//	          disable: []                    # analyzers not to run
//
// It lives in a module of its own, so that users of the library never
// download golangci-lint's plugin API.
package golangci

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/rescoord/rescoord/analyzers"
)

// Name is the plugin's name in .golangci.yml and .custom-gcl.yml.
const Name = "rescoord"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings.
type Settings struct {
	Layers struct {
		UI         []string `json:"ui"`
		Controller []string `json:"controller"`
	} `json:"layers"`
	Release struct {
		Rules []string `json:"rules"`
		Sets  []string `json:"sets"`
	} `json:"release"`
	Tests   bool     `json:"tests"`
	Config  string   `json:"config"`
	Disable []string `json:"disable"`
}

// New returns the plugin for the settings golangci-lint read from its
// configuration.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("rescoord settings: %w", err)
	}
	return &plugin{settings: s}, nil
}

type plugin struct{ settings Settings }

// BuildAnalyzers returns the suite's analyzers, their flags set from the
// settings.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	s := p.settings
	all := analyzers.All()
	for _, name := range s.Disable {
		if !slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			return nil, fmt.Errorf("rescoord settings: disable: unknown analyzer %q (known: %s)", name, names(all))
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if slices.Contains(s.Disable, a.Name) {
			continue
		}
		set := map[string]string{"tests": strconv.FormatBool(s.Tests)}
		if s.Config != "" {
			set["config"] = s.Config
		}
		switch a.Name {
		case "uilayer":
			set["ui"] = strings.Join(s.Layers.UI, ",")
		case "untracked":
			set["controller"] = strings.Join(s.Layers.Controller, ",")
		case "release":
			if len(s.Release.Rules) > 0 {
				set["rules"] = strings.Join(s.Release.Rules, ";")
			}
			if len(s.Release.Sets) > 0 {
				set["sets"] = strings.Join(s.Release.Sets, ",")
			}
		}
		for flag, value := range set {
			if value == "" && flag != "tests" {
				continue
			}
			if err := a.Flags.Set(flag, value); err != nil {
				return nil, fmt.Errorf("rescoord settings for %s: -%s.%s: %w", a.Name, a.Name, flag, err)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// GetLoadMode says the analyzers need type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func names(as []*analysis.Analyzer) string {
	n := make([]string, len(as))
	for i, a := range as {
		n[i] = a.Name
	}
	return strings.Join(n, ", ")
}
