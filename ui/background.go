package ui

import (
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// runOnUI queues fn on the UI goroutine. Every goroutine the window starts
// hands its results back through it. Tests replace it with a queue they
// pump themselves, so the race detector sees any widget touched elsewhere.
var runOnUI = fyne.Do

// debouncer runs the last of a burst of calls once the calls pause. It is
// used on the UI goroutine only; fn runs there too.
type debouncer struct {
	delay time.Duration
	timer *time.Timer
	gen   int
}

// call schedules fn after the delay, replacing a call still waiting.
func (b *debouncer) call(fn func()) {
	b.gen++
	gen := b.gen
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(b.delay, func() {
		runOnUI(func() {
			if gen == b.gen {
				fn()
			}
		})
	})
}

// stop drops a call still waiting.
func (b *debouncer) stop() {
	b.gen++
	if b.timer != nil {
		b.timer.Stop()
	}
}

// background counts the goroutines spawn started that are still running,
// so closing the window (and the tests) can wait for them.
var background sync.WaitGroup

// workGroup counts the goroutines spawn started for one service's screens,
// so switching between the demo and the account can wait for the old
// screens' work (a draft being saved, a send's outcome being recorded)
// before their service closes.
type workGroup struct{ wg sync.WaitGroup }

// currentWork is the group spawn adds to; newWork replaces it.
var currentWork atomic.Pointer[workGroup]

func init() { currentWork.Store(&workGroup{}) }

// newWork starts a new group for the goroutines spawned from now on and
// returns the one that counted until now.
func newWork() *workGroup { return currentWork.Swap(&workGroup{}) }

// wait waits until the group's goroutines have ended, or limit has passed;
// it reports whether they ended.
func (g *workGroup) wait(limit time.Duration) bool { return waitFor(&g.wg, limit) }

// closeWait bounds how long closing the window, or switching its service,
// waits for the goroutines before it closes the database anyway.
const closeWait = 5 * time.Second

// waitBackground waits until the goroutines spawn started have ended, or
// limit has passed; it reports whether they ended.
func waitBackground(limit time.Duration) bool { return waitFor(&background, limit) }

// waitFor waits for wg, or until limit has passed; it reports whether wg ended.
func waitFor(wg *sync.WaitGroup, limit time.Duration) bool {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}

// spawn runs fn in a new goroutine, counted in background and the current
// work group; fn hands its results to the UI through runOnUI.
func spawn(fn func()) {
	g := currentWork.Load()
	background.Add(1)
	g.wg.Add(1)
	go func() {
		defer background.Done()
		defer g.wg.Done()
		fn()
	}()
}
