// Package legacy is the CopyVerify tab written the old way, before the
// controller refactor: the tab registers itself with the resource service,
// tracks its own thumbnails and worker, keeps their IDs and releases them
// by hand, and starts goroutines of its own. It compiles and works; it is
// exactly what reslint's uilayer analyzer exists to find:
//
//	go run ./cmd/reslint ./examples/legacy/...
//
// The rebuilt tab holds a controller and calls it; everything below that
// mentions resource or coord moves into that controller.
//
//reslint:layer ui
package legacy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// CopyVerifyTab copies a folder and verifies every file's checksum, with
// progress and cancel.
type CopyVerifyTab struct {
	Source, Target *TextField
	Progress       *ProgressBar
	Status         *Label
	Start, Cancel  *Button

	resourceManager      resource.Service
	workers              *coord.Workers
	workerResourceID     resource.ID
	thumbnailResourceIDs []resource.ID
	// lastThumbnailID was the icon of the last result; nothing uses it
	// any more.
	lastThumbnailID resource.ID
}

// ComponentID, ComponentType and Live make the tab a component of the
// resource service, which the old code registered directly.
func (t *CopyVerifyTab) ComponentID() string   { return "CopyVerifyTab" }
func (t *CopyVerifyTab) ComponentType() string { return "tab" }
func (t *CopyVerifyTab) Live() []resource.Info { return t.workers.Live() }

// NewCopyVerifyTab builds the tab, registers it and tracks its icons.
func NewCopyVerifyTab() *CopyVerifyTab {
	t := &CopyVerifyTab{
		Source:   &TextField{},
		Target:   &TextField{},
		Progress: &ProgressBar{},
		Status:   &Label{},
		Start:    &Button{Label: "Start"},
		Cancel:   &Button{Label: "Cancel"},
	}
	t.resourceManager = resource.Default()
	t.resourceManager.RegisterComponent(t)
	t.resourceManager.RegisterCleanup(t, 10, t.cleanupResources)
	t.workers = coord.NewWorkers("CopyVerifyTab", coord.WithService(t.resourceManager))
	t.trackInternalResources()
	t.Start.OnClick(t.startOperation)
	t.Cancel.OnClick(t.cancelOperation)
	return t
}

func (t *CopyVerifyTab) trackInternalResources() {
	for _, icon := range []string{"ok.png", "failed.png"} {
		id := t.workers.Track(&Thumbnail{Name: icon}, resource.Thumbnail, coord.Name(icon))
		t.thumbnailResourceIDs = append(t.thumbnailResourceIDs, id)
	}
}

func (t *CopyVerifyTab) startOperation() {
	src, dst := t.Source.Text(), t.Target.Text()
	name := "operation_" + time.Now().Format("150405")
	t.workerResourceID = t.workers.Go(name, func(ctx context.Context) error {
		return copyVerify(ctx, src, dst, t.Progress.SetValue)
	})
	go t.watchProgress()
}

// watchProgress updates the status line until the worker is gone.
func (t *CopyVerifyTab) watchProgress() {
	for len(t.workers.ActiveWorkers()) > 0 {
		t.Status.SetText(fmt.Sprintf("%.0f%%", 100*t.Progress.Value()))
		time.Sleep(100 * time.Millisecond)
	}
	t.Status.SetText("done")
}

func (t *CopyVerifyTab) cancelOperation() {
	t.releaseWorkerResource()
	t.Status.SetText("cancelled")
}

func (t *CopyVerifyTab) releaseWorkerResource() {
	if !t.workerResourceID.IsZero() {
		t.workers.Release(t.workerResourceID)
		t.workerResourceID = resource.ID{}
	}
}

func (t *CopyVerifyTab) cleanupResources(ctx context.Context) error {
	t.releaseWorkerResource()
	for _, id := range t.thumbnailResourceIDs {
		t.workers.Release(id)
	}
	t.thumbnailResourceIDs = nil
	return t.workers.CleanupAll(ctx)
}

// copyVerify copies every regular file under src to dst and checks that
// each copy has the checksum of its original, reporting progress by the
// number of files done.
func copyVerify(ctx context.Context, src, dst string, progress func(float64)) error {
	var files []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return err
	}
	for i, from := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(src, from)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if err := copyFile(from, to); err != nil {
			return err
		}
		a, err := checksum(from)
		if err != nil {
			return err
		}
		b, err := checksum(to)
		if err != nil {
			return err
		}
		if !bytes.Equal(a, b) {
			return fmt.Errorf("verify %s: checksum differs from %s", to, from)
		}
		progress(float64(i+1) / float64(len(files)))
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func checksum(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}
