// Package load loads packages for a go/analysis driver whose analyzers use
// facts, from source only where facts can arise.
//
// A driver that runs an analyzer with facts must normally load every
// dependency from source (packages.LoadAllSyntax) and run the analyzer on
// each, since any of them might export a fact. An analyzer that can only
// export facts about packages that reach some known packages (the rescoord
// runtime, the packages its rules name) does not need that: Load parses and
// type-checks from source the packages that matched the patterns and the
// dependencies that reach one of those packages, and reads every other
// dependency's types from export data, as packages.LoadSyntax does. The
// cost of a load in which no dependency reaches them is that of
// packages.LoadSyntax.
package load
