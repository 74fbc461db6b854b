// want +1 `conflicting //reslint:layer directives: "controller" here, "ui" at .*a.go:3:1`
//reslint:layer controller

// want +1 `unknown layer "uii" in //reslint:layer \(known layers: ui, controller\)`
//reslint:layer uii

// want +1 `//reslint:layer needs a layer name \(known layers: ui, controller\)`
//reslint:layer

// want +1 `//reslint:layer takes one layer name, found "ui controller"`
//reslint:layer ui controller

// A directive in the middle of a block is not where directives go:
// want +1 `//reslint:layer must be at the end of its comment block, with the other directives \(gofmt puts them there in a doc comment\); here it is ignored`
//reslint:layer ui
// and it is not read.

package directives
