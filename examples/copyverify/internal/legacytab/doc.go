// Package legacytab holds the CopyVerify tab written the old way, before
// the original guide's refactor: the same Fyne widgets, the same copy,
// verify, progress, cancel and results as package tabs' CopyVerify, with
// the resource management inside the tab.
//
// Everything the guide's "What to Remove from Tabs" lists is here: the tab
// looks the resource service up, registers itself and its cleanup with it,
// makes its own coordinator, tracks its icons as thumbnails and its worker,
// keeps their IDs in fields, releases them with methods of its own, and
// starts its own goroutines. It works (its tests are those of the
// refactored tab, leak checks included), and it is the one UI package of
// the example that reslint reports; cmd/linecount measures it beside the
// refactored tab.
//
//reslint:layer ui
package legacytab
