package cli

import (
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/term"
)

// progressLine shows a long operation's progress as one line rewritten in
// place. It writes only when stderr is a terminal, so logs and pipes get
// the final summary alone.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	shown bool
}

func newProgress(w io.Writer) *progressLine {
	f, ok := w.(*os.File)
	return &progressLine{w: w, on: ok && term.IsTerminal(int(f.Fd()))}
}

// show replaces the line with text.
func (p *progressLine) show(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on {
		return
	}
	// \x1b[K clears what a longer earlier line left behind.
	fmt.Fprintf(p.w, "\r%s\x1b[K", fmt.Sprintf(format, a...))
	p.shown = true
}

// clear removes the line, before the summary is printed.
func (p *progressLine) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
