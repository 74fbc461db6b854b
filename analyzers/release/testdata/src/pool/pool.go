// Package pool is a resource pool with ID handles, for the id rule.
package pool

import "context"

type Handle int

type Pool struct{ n int }

func (p *Pool) Acquire() Handle  { p.n++; return Handle(p.n) }
func (p *Pool) Release(h Handle) {}
func (p *Pool) Tracer() *Pool    { return p }

// Lease returns a context and the function that ends the lease, for the
// func rule.
func Lease(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	return ctx, cancel
}

// Conn is a connection, for the type rule: whoever returns a *Conn hands
// over one that must be closed.
type Conn struct{ open bool }

func (c *Conn) Close() error { c.open = false; return nil }

// Self returns its receiver: the type's own methods acquire nothing.
func (c *Conn) Self() *Conn { return c }

// Dial opens a connection.
func Dial(addr string) (*Conn, error) { return &Conn{open: true}, nil }
