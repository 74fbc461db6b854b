package suite

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Doc returns the section "# Analyzer NAME" of the package comment in
// content, the text of an analyzer's doc.go, in the form Analyzer.Doc
// takes: what follows "NAME: ", the summary line first. It panics if there
// is no such section, which the analyzer's tests catch: the section is the
// one text both the package documentation and the driver's help show.
//
//	//go:embed doc.go
//	var doc string
//
//	var Analyzer = &analysis.Analyzer{Name: "uilayer", Doc: suite.Doc(doc, "uilayer"), ...}
func Doc(content, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("doc.go of %s: no package comment (%v)", name, err))
	}
	heading := "# Analyzer " + name
	_, section, ok := strings.Cut("\n"+f.Doc.Text(), "\n"+heading+"\n")
	if !ok {
		panic(fmt.Sprintf("doc.go of %s: no %q section", name, heading))
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section = strings.TrimSpace(section)
	summary, ok := strings.CutPrefix(section, name+": ")
	if !ok {
		panic(fmt.Sprintf("doc.go of %s: the section must start with %q", name, name+": SUMMARY"))
	}
	return summary
}
