// Package directives has broken directives.
//
//reslint:layer ui
//reslint:layers ui // want `unknown directive //reslint:layers \(known: //reslint:layer NAME, //reslint:ignore ANALYZER reason\)`
package directives

func run() {
	go run() // want `UI code starts a goroutine`
}

//reslint:layer ui // want `//reslint:layer must come before the package clause, where it applies to the whole package; here it is ignored`

//reslint:nolint uilayer // want `unknown directive //reslint:nolint`

func other() {
	// want +1 `//reslint:ignore needs the analyzer to ignore and a reason`
	//reslint:ignore
	go other() // want `UI code starts a goroutine`
}
