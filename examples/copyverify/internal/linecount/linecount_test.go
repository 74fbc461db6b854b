package linecount

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	tabs, err := Count(filepath.Join("testdata", "tabs"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tabs) != 2 || tabs[0].Name != "NewTab" || tabs[1].Name != "OldTab" {
		t.Fatalf("tabs %+v", tabs)
	}
	clean, old := tabs[0], tabs[1]
	if clean.ConstructorLines != 3 || clean.CodeLines != 5 || clean.Resource() != 0 {
		t.Errorf("NewTab: %+v", clean)
	}
	// Calls: Default, RegisterComponent, NewWorkers, Track, Go, Release,
	// CleanupAll (the options WithService and Name are not calls of their
	// own). Fields: svc, workers, ids, a, b (not the parameter other).
	want := Tab{Dir: old.Dir, Name: "OldTab", ConstructorLines: 10, CodeLines: 24,
		ResourceCalls: 7, ResourceFields: 5, GoStatements: 1, ResourceImports: 2}
	if old != want {
		t.Errorf("OldTab:\n got %+v\nwant %+v", old, want)
	}
	if old.Resource() != 15 {
		t.Errorf("Resource() = %d", old.Resource())
	}
	table := Table(tabs)
	if !strings.Contains(table, "| `testdata/tabs` OldTab | 10 | 24 | 7 | 5 | 1 | 2 |") {
		t.Errorf("table:\n%s", table)
	}
}

// The refactored tabs do no resource management at all, and their
// constructors are within the guide's 30–50 lines or under.
func TestRefactoredTabs(t *testing.T) {
	tabs, err := Count(filepath.Join("..", "tabs"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tabs) != 2 {
		t.Fatalf("tabs %+v", tabs)
	}
	for _, tab := range tabs {
		if tab.Resource() != 0 {
			t.Errorf("%s does resource management: %+v", tab.Name, tab)
		}
		if tab.ConstructorLines > 50 {
			t.Errorf("%s: %d constructor lines", tab.Name, tab.ConstructorLines)
		}
	}
	t.Logf("\n%s", Table(tabs))
}

// The app's legacy CopyVerify tab does itself every kind of resource
// management the guide lists, and takes more lines than the refactored
// CopyVerify tab for the same widgets and feature.
func TestLegacyTabOfTheApp(t *testing.T) {
	legacy := only(t, filepath.Join("..", "legacytab"), "CopyVerify")
	if legacy.ResourceCalls == 0 || legacy.ResourceFields == 0 || legacy.GoStatements == 0 || legacy.ResourceImports != 2 {
		t.Errorf("the legacy tab lacks some of the guide's list: %+v", legacy)
	}
	refactored := only(t, filepath.Join("..", "tabs"), "CopyVerify")
	if legacy.ConstructorLines <= refactored.ConstructorLines || legacy.CodeLines <= refactored.CodeLines {
		t.Errorf("the legacy tab is no longer than the refactored one:\n%s", Table([]Tab{legacy, refactored}))
	}
	t.Logf("\n%s", Table([]Tab{legacy, refactored}))
}

// only returns the tab named name in dir, failing the test if it is not
// there.
func only(t *testing.T, dir, name string) Tab {
	t.Helper()
	tabs, err := Count(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range tabs {
		if tab.Name == name {
			return tab
		}
	}
	t.Fatalf("no tab %s in %s: %+v", name, dir, tabs)
	return Tab{}
}

// The legacy tab, in the root module, is measured the same way when it is
// there (go test -v shows the table).
func TestLegacyTab(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "legacy")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no legacy tab:", err)
	}
	tabs, err := Count(dir)
	if err != nil {
		t.Fatal(err)
	}
	resource := 0
	for _, tab := range tabs {
		resource += tab.Resource()
	}
	if resource == 0 {
		t.Errorf("the legacy tabs do no resource management: %+v", tabs)
	}
	t.Logf("\n%s", Table(tabs))
}

func TestMissingDir(t *testing.T) {
	if _, err := Count(filepath.Join("testdata", "missing")); err == nil {
		t.Error("no error for a missing directory")
	}
}
