//go:build rescoordtag

//reslint:layer ui
package buildtags

// Not built without the tag: never reported.
func start() {
	go start()
}
