package tabs

// NewTab is clean.
type NewTab struct{ ctrl *Ctrl }

// NewNewTab is short.
func NewNewTab(c *Ctrl) NewTab {
	return NewTab{ctrl: c}
}

func (t NewTab) Cleanup() error { return t.ctrl.Cleanup() }

// Ctrl has no constructor here: not a tab.
type Ctrl struct{}

func (*Ctrl) Cleanup() error { return nil }

// NewString is not a constructor of a type of the package.
func NewString() string { return "" }
