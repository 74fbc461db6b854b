package themes

// A function that keeps what it is given as an interface beyond the call
// (in a goroutine, a package variable, a field of its receiver) takes a
// file over, as pprof.StartCPUProfile and trace.Start do; one that only
// reads it, or wraps it in what it returns, leaves it to the caller.

import (
	"bufio"
	"io"
	"os"
)

var sink io.Writer

func keepGlobally(w io.Writer) { sink = w } // want keepGlobally:"keeps\\(0 \\*\\)"

func writeLater(w io.Writer, data []byte) { // want writeLater:"keeps\\(0 \\*\\)"
	go func() { w.Write(data) }()
}

type response struct{ body io.Reader }

func (r *response) setBodyStream(b io.Reader) { r.body = b } // want setBodyStream:"keeps\\(0 \\*recv\\)"

func profileTo(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	keepGlobally(f)
	return nil
}

func traceTo(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	writeLater(f, data)
	return nil
}

func serveFile(r *response, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	r.setBodyStream(f)
	return nil
}

func firstLine(name string) (string, error) {
	f, err := os.Open(name) // want `f from os.Open: Close is not called on all paths`
	if err != nil {
		return "", err
	}
	s := bufio.NewScanner(f)
	s.Scan()
	return s.Text(), s.Err()
}

type traceSink struct{ w io.Writer }

var tracing traceSink

func (t *traceSink) subscribe(w io.Writer) { t.w = w } // want subscribe:"keeps\\(0 \\*recv\\)"

// startTrace keeps w through a method that does: trace.Start's shape.
func startTrace(w io.Writer) { tracing.subscribe(w) } // want startTrace:"keeps\\(0 \\*\\)"

func traceToFile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	startTrace(f)
	return nil
}

// A writer that wraps what it is given, as gzip.NewWriter does with a
// method of its new value: the caller holds the wrapper, and must still
// close the file.
type compressor struct{ w io.Writer }

func (z *compressor) init(w io.Writer) { z.w = w } // want init:"keeps\\(0 \\*recv\\)"

func newCompressor(w io.Writer) *compressor {
	z := new(compressor)
	z.init(w)
	return z
}

func compressTo(name string) error {
	f, err := os.Create(name) // want `f from os.Create: Close is not called on all paths`
	if err != nil {
		return err
	}
	z := newCompressor(f)
	_, err = z.w.Write(nil)
	return err
}
