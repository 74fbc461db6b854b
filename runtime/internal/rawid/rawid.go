// Package rawid builds resource IDs from their two 64-bit words and takes
// them apart again, for the coordinators, which make an ID on every Track
// and read one on every Release. resource.ID keeps its words unexported so
// that users see a UUID and nothing else; going through uuid.UUID bytes
// here instead would cost Track and Release about a quarter of their time.
//
// The conversions rely on resource.ID being exactly its two words, high
// first; the package's test checks that against resource.FromUUID, so a
// change of the layout fails the tests instead of making wrong IDs.
package rawid

import (
	"unsafe"

	"github.com/rescoord/rescoord/runtime/resource"
)

type words struct{ hi, lo uint64 }

// The layouts must match in size; the test checks the order.
var _ [unsafe.Sizeof(resource.ID{}) - unsafe.Sizeof(words{})]struct{}
var _ [unsafe.Sizeof(words{}) - unsafe.Sizeof(resource.ID{})]struct{}

// Make returns the ID whose 16 bytes are hi and then lo, each big-endian.
func Make(hi, lo uint64) resource.ID {
	w := words{hi, lo}
	return *(*resource.ID)(unsafe.Pointer(&w))
}

// Words returns the ID's first and last 8 bytes as big-endian words: the
// inverse of [Make].
func Words(id resource.ID) (hi, lo uint64) {
	w := *(*words)(unsafe.Pointer(&id))
	return w.hi, w.lo
}
