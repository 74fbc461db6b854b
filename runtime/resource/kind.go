package resource

import "fmt"

// Kind says what sort of resource is tracked. It only labels the resource
// (in logs, in [Info] and in leak reports); every kind is released the same
// way.
type Kind uint8

// The kinds of resources, as the original guide names them.
const (
	Custom     Kind = iota // anything else; the zero Kind
	Memory                 // a buffer, a cache
	FileHandle             // an open file or another OS handle
	Thread                 // an OS thread or a goroutine not run through coord.Workers
	Widget                 // a UI toolkit object (the guide's QObject)
	Thumbnail              // a decoded image kept for display
	Map                    // a map or index kept in memory
	Worker                 // background work run by coord.Workers
)

var kindNames = [...]string{
	Custom:     "custom",
	Memory:     "memory",
	FileHandle: "file_handle",
	Thread:     "thread",
	Widget:     "widget",
	Thumbnail:  "thumbnail",
	Map:        "map",
	Worker:     "worker",
}

// String returns the kind's name as the guide writes it: "memory",
// "file_handle", "thread", "widget", "thumbnail", "map", "worker" or "custom".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("resource: invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the names
// [Kind.String] returns.
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseKind returns the Kind whose name is s.
func ParseKind(s string) (Kind, error) {
	for i, name := range kindNames {
		if name == s {
			return Kind(i), nil
		}
	}
	return Custom, fmt.Errorf("resource: unknown kind %q (want one of memory, file_handle, thread, widget, thumbnail, map, worker, custom)", s)
}
