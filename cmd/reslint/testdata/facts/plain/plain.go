// Package plain does not reach the runtime: drivers may load it from
// export data.
package plain

// Ready reports whether name is worth a thumbnail.
func Ready(name string) bool { return name != "" }
