package themes

// A resource put in a generic container (alertmanager's connection pool,
// an lru.Cache[string, *tlsConn]) is the container's: a method of a
// generic type that takes the resource as its element type keeps it,
// however deep the container stores it.

import (
	"net"
)

type entry[K comparable, V any] struct {
	key   K
	value V
}

type list[E any] struct{ items []*E }

func (l *list[E]) pushFront(e E) *E {
	p := &e
	l.items = append([]*E{p}, l.items...)
	return p
}

type lruCache[K comparable, V any] struct {
	order *list[entry[K, V]]
	index map[K]*entry[K, V]
}

func (c *lruCache[K, V]) Add(key K, value V) {
	c.index[key] = c.order.pushFront(entry[K, V]{key, value})
}

func (c *lruCache[K, V]) Get(key K) (V, bool) {
	if e, ok := c.index[key]; ok {
		return e.value, true
	}
	var zero V
	return zero, false
}

type connPool struct{ cache *lruCache[string, net.Conn] }

// Borrowed from the pool or dialled and put in it: the pool owns it, and
// its caller only uses it.
func (p *connPool) borrow(addr string) (net.Conn, error) {
	if c, ok := p.cache.Get(addr); ok {
		return c, nil
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	p.cache.Add(addr, c)
	return c, nil
}

func (p *connPool) write(addr string, b []byte) error {
	c, err := p.borrow(addr)
	if err != nil {
		return err
	}
	_, err = c.Write(b)
	return err
}
