package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resdebug"
	"github.com/rescoord/rescoord/runtime/resource"
)

// serveDebug serves, on addr, the resource service's debug page
// (/debug/rescoord, resdebug) and the Go runtime's profiles (/debug/pprof/,
// net/http/pprof), and returns the page's URL. The server runs as a worker
// of the service, so that shutting the service down stops it, and so that
// its goroutines carry the worker's pprof labels: the goroutine profile
// shows them under component DebugServer.
func serveDebug(addr string, svc resource.Service) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("debug server: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/debug/rescoord", resdebug.Handler(svc))
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	w := coord.NewWorkers("DebugServer", coord.WithService(svc))
	w.Go("serve "+ln.Addr().String(), func(ctx context.Context) error {
		stop := context.AfterFunc(ctx, func() { srv.Close() })
		defer stop()
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	return "http://" + ln.Addr().String() + "/debug/rescoord", nil
}
