package legacy

import "sync"

// The tab's "widgets": just enough of a UI toolkit for the tab to be
// written the way the old code was, without depending on one.

// TextField is a one-line text input.
type TextField struct {
	mu   sync.Mutex
	text string
}

// Text returns the field's text.
func (f *TextField) Text() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.text
}

// SetText replaces the field's text.
func (f *TextField) SetText(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.text = s
}

// Label shows a line of text.
type Label struct{ TextField }

// ProgressBar shows how far an operation is, from 0 to 1.
type ProgressBar struct {
	mu    sync.Mutex
	value float64
}

// SetValue moves the bar.
func (p *ProgressBar) SetValue(v float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.value = v
}

// Value returns where the bar is.
func (p *ProgressBar) Value() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.value
}

// Button runs its handler when clicked.
type Button struct {
	Label   string
	onClick func()
}

// OnClick sets the handler.
func (b *Button) OnClick(fn func()) { b.onClick = fn }

// Click clicks the button.
func (b *Button) Click() {
	if b.onClick != nil {
		b.onClick()
	}
}

// Thumbnail is a decoded image kept for display.
type Thumbnail struct {
	Name   string
	pixels []byte
}

// Close frees the image.
func (t *Thumbnail) Close() error {
	t.pixels = nil
	return nil
}
