// Package shell assembles the application's window: one controller per
// tab, each registered with the resource service; the tabs, in Fyne's
// AppTabs, with the CopyVerify tab written the old way (package legacytab)
// beside the refactored ones; and the guide's clean shutdown when the
// window closes (each tab's cleanup, then the service's).
//
// It takes the fyne.App from its caller, so that the real application
// (package main, the only importer of fyne.io/fyne/v2/app) and the headless
// tests (fyne.io/fyne/v2/test) share it.
package shell

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/rescoord/rescoord/examples/copyverify/internal/browser"
	"github.com/rescoord/rescoord/examples/copyverify/internal/copyverify"
	"github.com/rescoord/rescoord/examples/copyverify/internal/legacytab"
	"github.com/rescoord/rescoord/examples/copyverify/internal/tabs"
	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Options set the window up.
type Options struct {
	Src, Dst  string // the folders of both CopyVerify tabs
	Browse    string // the folder the Browser tab opens first; none if empty
	RateLimit int64  // both CopyVerify tabs' limit in bytes per second; 0 for none
	Start     bool   // start copying at once, in the refactored CopyVerify tab
	Tab       string // the tab shown first: "copy" (the default), "browse" or "legacy"
}

// ShutdownTimeout bounds how long closing the window waits for the
// service's cleanups.
const ShutdownTimeout = 5 * time.Second

// Shell is the application's main window and what it owns.
type Shell struct {
	svc     resource.Service
	win     fyne.Window
	tabs    *container.AppTabs
	copy    *tabs.CopyVerify
	browser *tabs.Browser
	legacy  *legacytab.CopyVerify

	once sync.Once
	err  error
}

// New builds the main window of a in a, with controllers registered with
// svc. The legacy tab looks its service up the old way, as the process
// default: New makes svc the default (resource.SetDefault), and Close
// restores the built-in one. Closing the window closes the shell.
func New(a fyne.App, svc resource.Service, o Options) *Shell {
	s := &Shell{svc: svc, win: a.NewWindow("CopyVerify")}

	cv := copyverify.NewController(controller.WithService(svc))
	cv.SetRateLimit(o.RateLimit)
	s.copy = tabs.NewCopyVerify(cv, s.win)
	s.copy.SetFolders(o.Src, o.Dst)
	s.browser = tabs.NewBrowser(browser.NewController(controller.WithService(svc)))
	resource.SetDefault(svc)
	s.legacy = legacytab.NewCopyVerify(s.win)
	s.legacy.SetRateLimit(o.RateLimit)
	s.legacy.SetFolders(o.Src, o.Dst)

	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("CopyVerify", theme.ContentCopyIcon(), s.copy.Content()),
		container.NewTabItemWithIcon("Browser", theme.FolderIcon(), s.browser.Content()),
		container.NewTabItemWithIcon("CopyVerify (legacy)", theme.HistoryIcon(), s.legacy.Content()),
	)
	switch o.Tab {
	case "browse":
		s.tabs.SelectIndex(1)
	case "legacy":
		s.tabs.SelectIndex(2)
	}
	s.win.SetContent(s.tabs)
	s.win.Resize(fyne.NewSize(960, 640))
	s.win.SetOnClosed(func() {
		if err := s.Close(); err != nil {
			svc.Logger().Error("closing the window", "error", err)
		}
	})
	if o.Browse != "" {
		s.browser.Open(o.Browse)
	}
	if o.Start {
		s.copy.Start()
	}
	return s
}

// Window returns the main window.
func (s *Shell) Window() fyne.Window { return s.win }

// Tabs returns the window's tabs.
func (s *Shell) Tabs() *container.AppTabs { return s.tabs }

// Close cleans every tab up (each cancels its operation and cleans its
// controller up; the legacy tab releases what it tracks itself), then shuts
// the resource service down, waiting at most ShutdownTimeout. Only the
// first call does anything; the others return its error.
func (s *Shell) Close() error {
	s.once.Do(func() {
		var errs []error
		if err := s.copy.Cleanup(); err != nil {
			errs = append(errs, fmt.Errorf("CopyVerify tab: %w", err))
		}
		if err := s.browser.Cleanup(); err != nil {
			errs = append(errs, fmt.Errorf("Browser tab: %w", err))
		}
		if err := s.legacy.Cleanup(); err != nil {
			errs = append(errs, fmt.Errorf("legacy CopyVerify tab: %w", err))
		}
		ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
		defer cancel()
		if err := s.svc.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("resource service: %w", err))
		}
		if resource.Default() == s.svc {
			resource.SetDefault(nil)
		}
		s.err = errors.Join(errs...)
	})
	return s.err
}
