// Package bytype is checked with the rule "type *example.com/fixture/pool.Conn
// Close": every call that returns a *pool.Conn acquires one.
package bytype

import "example.com/fixture/pool"

// connect is a helper: its callers own what it returns.
func connect(addr string) (*pool.Conn, error) { // want connect:"returns\\(0 Close\\)"
	return pool.Dial(addr)
}

func leak(addr string, quick bool) error {
	c, err := connect(addr) // want `c from bytype.connect: Close is not called on all paths`
	if err != nil {
		return err
	}
	if quick {
		return nil
	}
	return c.Close()
}

func closed(addr string) error {
	c, err := pool.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	same := c.Self() // the type's own method: not a second connection
	_ = same
	return nil
}
