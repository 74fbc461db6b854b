package resource

import (
	"encoding/binary"

	"github.com/google/uuid"
)

// ID identifies one tracked resource. It is a UUID (RFC 9562), held as its
// two 64-bit halves so that it is passed and returned in registers: IDs are
// made and compared on every Track and Release. It is comparable, usable as
// a map key, printed in the usual 8-4-4-4-12 form, and converts to and from
// [uuid.UUID]. The zero ID is never given to a live resource.
//
// Coordinators make IDs of version 8, the RFC's layout for IDs an
// application defines: random per coordinator, with a counter that never
// repeats within one, so that making one costs neither a lock shared with
// other coordinators nor a read of the system's random source. [NewID]
// makes a random (version 4) one.
type ID struct {
	hi, lo uint64
}

// FromUUID converts a uuid.UUID to an ID.
func FromUUID(u uuid.UUID) ID {
	return ID{binary.BigEndian.Uint64(u[:8]), binary.BigEndian.Uint64(u[8:])}
}

// UUID converts the ID to a uuid.UUID.
func (id ID) UUID() uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], id.hi)
	binary.BigEndian.PutUint64(u[8:], id.lo)
	return u
}

// String returns the ID in the canonical UUID form.
func (id ID) String() string { return id.UUID().String() }

// IsZero reports whether id is the zero ID.
func (id ID) IsZero() bool { return id == ID{} }

// MarshalText implements [encoding.TextMarshaler].
func (id ID) MarshalText() ([]byte, error) { return id.UUID().MarshalText() }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (id *ID) UnmarshalText(text []byte) error {
	var u uuid.UUID
	if err := u.UnmarshalText(text); err != nil {
		return err
	}
	*id = FromUUID(u)
	return nil
}

// ParseID parses the text form of an ID.
func ParseID(s string) (ID, error) {
	u, err := uuid.Parse(s)
	return FromUUID(u), err
}

// NewID returns a random (version 4) ID.
func NewID() ID { return FromUUID(uuid.New()) }
