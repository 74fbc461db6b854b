package coord

import (
	"time"

	"github.com/rescoord/rescoord/runtime/resource"
)

// slot is one tracked resource.
type slot struct {
	id      resource.ID
	res     any
	name    string
	release func() error
	w       *worker // nil unless kind is Worker
	x       *extra  // nil unless there is metadata or an origin
	prev    int32
	next    int32
	kind    resource.Kind
}

// extra holds what few resources have, out of the slot to keep it small.
type extra struct {
	meta   []meta
	origin *origin // nil unless the service records origins
}

type meta struct {
	key   string
	value any
}

type origin struct {
	at  time.Time
	pcs [8]uintptr
	n   int
}

const none int32 = -1

// slots holds the live resources of one coordinator in a slab: a slice of
// slots linked in tracking order (so CleanupAll walks them last-first in
// linear time) with a free list, so that steady tracking and releasing
// allocates nothing. Not safe for concurrent use.
type slots struct {
	s          []slot
	head, tail int32 // oldest and newest live slot
	free       int32 // first free slot, linked through next
	n          int   // live slots
}

func newSlots() slots { return slots{head: none, tail: none, free: none} }

// add links a zeroed slot as the newest and returns its index and a
// pointer to it, valid until the next add.
func (l *slots) add() (int32, *slot) {
	var i int32
	if l.free != none {
		i = l.free
		l.free = l.s[i].next
	} else {
		i = int32(len(l.s))
		l.s = append(l.s, slot{})
	}
	s := &l.s[i]
	s.prev, s.next = l.tail, none
	if l.tail != none {
		l.s[l.tail].next = i
	} else {
		l.head = i
	}
	l.tail = i
	l.n++
	return i, s
}

// find reports whether slot i is live and holds id.
func (l *slots) find(i int32, id resource.ID) bool {
	return i >= 0 && int(i) < len(l.s) && l.s[i].id == id
}

// remove unlinks slot i and forgets its references.
func (l *slots) remove(i int32) {
	s := &l.s[i]
	if s.prev != none {
		l.s[s.prev].next = s.next
	} else {
		l.head = s.next
	}
	if s.next != none {
		l.s[s.next].prev = s.prev
	} else {
		l.tail = s.prev
	}
	s.id, s.res, s.name, s.release, s.w, s.x = resource.ID{}, nil, "", nil, nil, nil
	s.prev, s.next = none, l.free
	l.free = i
	l.n--
}

// each calls fn for every live slot, oldest first.
func (l *slots) each(fn func(*slot)) {
	for i := l.head; i != none; i = l.s[i].next {
		fn(&l.s[i])
	}
}

// reverse calls fn for every live slot, newest first.
func (l *slots) reverse(fn func(*slot)) {
	for i := l.tail; i != none; i = l.s[i].prev {
		fn(&l.s[i])
	}
}
