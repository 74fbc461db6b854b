package coord

import (
	"math/rand/v2"

	"github.com/rescoord/rescoord/runtime/internal/rawid"
	"github.com/rescoord/rescoord/runtime/resource"
)

// ids makes the IDs of one coordinator and finds the slot of an ID without
// a map: each ID carries its slot's index, and a counter that never repeats
// within the coordinator, so a stale ID never matches the slot's next
// occupant.
//
// An ID is a version 8 UUID (RFC 9562):
//
//	bytes 0-3   slot index, masked with a random value of the coordinator
//	bytes 4-7   the coordinator's tag: 28 random bits and the version
//	bytes 8-15  the variant and a 62-bit counter from a random start
//
// Two coordinators make the same ID only if they drew the same 28 random
// bits and counters that, from random starts in 2⁶², meet.
type ids struct {
	tag   uint64 // bytes 4-7, in the low half of the first word
	mask  uint32 // masks the slot index
	count uint64 // next counter value, below 2⁶²
}

const (
	versionBits = 0xF << 12 // high nibble of byte 6
	version8    = 0x8 << 12
	counterMask = 1<<62 - 1
	variantRFC  = 0b10 << 62 // top bits of byte 8
)

func newIDs() ids {
	return ids{
		tag:   uint64(rand.Uint32())&^versionBits | version8,
		mask:  rand.Uint32(),
		count: rand.Uint64() & counterMask,
	}
}

// make returns a new ID for slot i.
func (g *ids) make(i int32) resource.ID {
	id := rawid.Make(uint64(uint32(i)^g.mask)<<32|g.tag, g.count|variantRFC)
	g.count = (g.count + 1) & counterMask
	return id
}

// slot returns the slot index id names if it is an ID of this coordinator;
// the caller still compares the whole ID with the slot's.
func (g *ids) slot(id resource.ID) (int32, bool) {
	hi, _ := rawid.Words(id)
	if hi&0xFFFFFFFF != g.tag {
		return 0, false
	}
	return int32(uint32(hi>>32) ^ g.mask), true
}
