package owners

import "github.com/rescoord/rescoord/runtime/controller"

type Ctrl struct{ controller.Base }

type Tab struct { // want `Tab holds the controller ctrl \(\*Ctrl\) but has no cleanup method`
	ctrl *Ctrl
}

type GoodTab struct{ ctrl *Ctrl }

func (t *GoodTab) Close() { t.ctrl.Cleanup() }

type BadTab struct{ ctrl *Ctrl }

func (t *BadTab) Close() {} // want `BadTab.Close does not call ctrl.Cleanup\(\)`

type Helped struct{ ctrl *Ctrl }

func (h *Helped) Dispose()  { h.teardown() }
func (h *Helped) teardown() { h.ctrl.Cleanup() }

type Own struct{ controller.Base }

func (o *Own) Cleanup() error { return nil } // want `Own.Cleanup replaces controller.Base.Cleanup without calling it`

type OwnGood struct{ controller.Base }

func (o *OwnGood) Cleanup() error { return o.Base.Cleanup() }

// Embedding a controller promotes its Cleanup: whoever holds Wrapper calls it.
type Wrapper struct{ *Ctrl }
