package themes

// A resource wrapped in another (tls.Client(conn, cfg), a struct around a
// listener) is released by releasing either: the wrapper's Close closes
// what it wraps, and closing what it wraps leaves the wrapper nothing to
// hold. A variable that a type assertion of the resource gives (l, ok :=
// ln.(T)) is the resource under another name: storing it in what replaces
// the resource hands the resource over.

import (
	"context"
	"crypto/tls"
	"net"
)

// The raw connection closed on the error paths, the wrapper returned.
func tlsRawClosed(addr string, cfg *tls.Config) (net.Conn, error) { // want tlsRawClosed:"returns\\(0 Close\\)"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, cfg)
	if err := tc.Handshake(); err != nil {
		conn.Close()
		return nil, err
	}
	return tc, nil
}

// The wrapper closed on the error path.
func tlsWrapperClosed(addr string, cfg *tls.Config) (net.Conn, error) { // want tlsWrapperClosed:"returns\\(0 Close\\)"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, cfg)
	if err := tc.Handshake(); err != nil {
		tc.Close()
		return nil, err
	}
	return tc, nil
}

// Neither closed when the handshake fails.
func tlsLeak(addr string, cfg *tls.Config) (net.Conn, error) { // want tlsLeak:"returns\\(0 Close\\)"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, cfg) // want `tc from tls.Client: Close is not called on all paths; this return can be reached without it`
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc, nil
}

// What tlsRawClosed returns is the caller's to close.
func tlsCaller(addr string, cfg *tls.Config) error {
	c, err := tlsRawClosed(addr, cfg) // want `c from themes.tlsRawClosed: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	_ = c.LocalAddr()
	return nil
}

// Only read through the raw connection: no release.
func tlsRawRead(addr string, cfg *tls.Config) (net.Conn, error) { // want tlsRawRead:"returns\\(0 Close\\)"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, cfg) // want `tc from tls.Client: Close is not called on all paths; this return can be reached without it`
	if err := tc.Handshake(); err != nil {
		_ = conn.LocalAddr()
		return nil, err
	}
	return tc, nil
}

type countedListener struct {
	*net.TCPListener
	n int
}

// caddy's listen_unix.go: the listener, asserted to its concrete type,
// goes into the wrapper that replaces it.
func assertedWrapped(ctx context.Context, lc *net.ListenConfig, addr string) (net.Listener, error) { // want assertedWrapped:"returns\\(0 Close\\)"
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if tl, ok := ln.(*net.TCPListener); ok {
		ln = &countedListener{TCPListener: tl, n: 1}
	}
	return ln, nil
}

// The same with the assertion's single-value form.
func assertedWrappedOne(ctx context.Context, lc *net.ListenConfig, addr string) (net.Listener, error) { // want assertedWrappedOne:"returns\\(0 Close\\)"
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	tl := ln.(*net.TCPListener)
	ln = &countedListener{TCPListener: tl}
	return ln, nil
}

// Replaced by something that does not hold it: the listener is lost.
func assertedReplaced(ctx context.Context, lc *net.ListenConfig, addr string, other net.Listener) (net.Listener, error) { // want assertedReplaced:"keeps\\(3 Close\\) returns\\(0 Close\\)"
	ln, err := lc.Listen(ctx, "tcp", addr) // want `ln from lc.Listen: Close is not called on all paths; it is overwritten before it is released`
	if err != nil {
		return nil, err
	}
	if _, ok := ln.(*net.TCPListener); ok {
		ln = other
	}
	return ln, nil
}

type keepAliveListener struct{ *net.TCPListener }

// echo's newListener: the asserted listener wrapped in what is returned.
func assertedReturned(addr string) (*keepAliveListener, error) { // want assertedReturned:"returns\\(0 Close\\)"
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &keepAliveListener{l.(*net.TCPListener)}, nil
}

type streamLayer struct{ listener *net.TCPListener }

// raft's newTCPTransport: stored in a struct, asserted, and closed on the
// paths that fail.
func assertedStored(addr string, use func(*streamLayer) error) error {
	list, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s := &streamLayer{listener: list.(*net.TCPListener)}
	if list.Addr() == nil {
		list.Close()
		return err
	}
	return use(s)
}

// Released through the assertion.
func assertedClosed(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return l.(*net.TCPListener).Close()
}

// Only read through it.
func assertedRead(addr string) error {
	l, err := net.Listen("tcp", addr) // want `l from net.Listen: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	_, err = l.(*net.TCPListener).File()
	return err
}

// A caller of assertedReturned owns the listener.
func assertedCaller(addr string) error {
	l, err := assertedReturned(addr) // want `l from themes.assertedReturned: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	_ = l.Addr()
	return nil
}

// x/net's dialTLSWithContext: the asserted name returned.
func aliasReturned(addr string) (*net.TCPConn, error) {
	cn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := cn.(*net.TCPConn)
	return tc, nil
}

// Closed through the other name.
func aliasClosed(addr string) error {
	cn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	tc, ok := cn.(*net.TCPConn)
	if !ok {
		return cn.Close()
	}
	return tc.Close()
}

// The other name given something else: the resource is not lost, but
// nothing releases it either.
func aliasReassigned(addr string, other *net.TCPConn) error {
	cn, err := net.Dial("tcp", addr) // want `cn from net.Dial: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	tc := cn.(*net.TCPConn)
	tc = other
	return tc.Close()
}

type muxer struct{ addr net.Addr }

func (m *muxer) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.Close()
	}
}

// newMuxer gives the listener to a goroutine of its own: it keeps it.
func newMuxer(ln net.Listener) *muxer { // want newMuxer:"keeps\\(0 \\*\\)"
	m := &muxer{addr: ln.Addr()}
	go m.accept(ln)
	return m
}

// go-plugin's TestPluginGRPCConn: the listener taken over by the muxer on
// one path, closed on the other.
func muxed(addr string, multiplex bool) (net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if multiplex {
		m := newMuxer(ln)
		return m.addr, nil
	}
	defer ln.Close()
	return ln.Addr(), nil
}

// Wrapped in place and returned: the caller owns the wrapper.
func dialReassigned(addr string, cfg *tls.Config) (net.Conn, error) { // want dialReassigned:"returns\\(0 Close\\)"
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c = tls.Client(c, cfg)
	return c, nil
}

func dialReassignedCaller(addr string, cfg *tls.Config) error {
	c, err := dialReassigned(addr, cfg) // want `c from themes.dialReassigned: Close is not called on all paths; this return can be reached without it`
	if err != nil {
		return err
	}
	_, err = c.Write(nil)
	return err
}
