// Package views is in the UI layer only when -uilayer.ui names it.
package views

func run() {
	go run() // want `UI code starts a goroutine`
}
