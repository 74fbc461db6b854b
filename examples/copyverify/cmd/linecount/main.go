// Command linecount prints, as a Markdown table, the guide's measures of
// the tabs in each package directory given (see package linecount):
//
//	go run ./cmd/linecount ./internal/legacytab ./internal/tabs ../legacy
package main

import (
	"fmt"
	"os"

	"github.com/rescoord/rescoord/examples/copyverify/internal/linecount"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: linecount dir...")
		os.Exit(2)
	}
	var all []linecount.Tab
	for _, dir := range os.Args[1:] {
		tabs, err := linecount.Count(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "linecount:", err)
			os.Exit(1)
		}
		all = append(all, tabs...)
	}
	fmt.Print(linecount.Table(all))
}
