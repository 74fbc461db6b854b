//go:build !rescoordtag

// Package buildtags has files for two build configurations; only the one
// that is built is analyzed.
//
//reslint:layer ui
package buildtags

func start() {
	go start() // want `UI code starts a goroutine`
}
