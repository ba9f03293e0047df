package ui

import (
	"sync"
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

// closeWait bounds how long closing the window waits for its goroutines
// before it closes the database anyway.
const closeWait = 5 * time.Second

// waitBackground waits until the goroutines spawn started have ended, or
// limit has passed; it reports whether they ended.
func waitBackground(limit time.Duration) bool {
	done := make(chan struct{})
	go func() {
		background.Wait()
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

// spawn runs fn in a new goroutine; fn hands its results to the UI through runOnUI.
func spawn(fn func()) {
	background.Add(1)
	go func() {
		defer background.Done()
		fn()
	}()
}
