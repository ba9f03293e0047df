package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// tasks runs a part of the window's background work: the network, the
// keyring and the disk are used off the UI goroutine, and what they
// answer comes back on it. The window owns the root; each service, screen
// and dialog that starts work has a group of its own below it (sub), so
// closing one drops the answers meant for it and its parent can wait for
// what still runs. post and wait may be called from any goroutine, the
// other methods on the UI goroutine.
type tasks struct {
	parent *tasks
	// ui hands functions to the UI goroutine: fyne.Do, or in the tests a
	// queue they run themselves, so the race detector sees any widget
	// touched elsewhere.
	ui uiGoroutine
	// ctx ends when the group closes; the work passes it to the service.
	ctx    context.Context
	cancel context.CancelFunc
	// running counts the goroutines started in the group and its subgroups.
	running sync.WaitGroup
}

// uiGoroutine runs functions on the UI goroutine, in the order given.
type uiGoroutine interface{ Do(fn func()) }

// fyneDo is the app's UI goroutine.
type fyneDo struct{}

// Do queues fn on Fyne's UI goroutine.
func (fyneDo) Do(fn func()) { fyne.Do(fn) }

// newTasks starts a root group whose answers reach the UI through ui.
func newTasks(ui uiGoroutine) *tasks {
	ctx, cancel := context.WithCancel(context.Background())
	return &tasks{ui: ui, ctx: ctx, cancel: cancel}
}

// uiTasks is the root of a window, or of a screen shown on its own.
func uiTasks() *tasks { return newTasks(fyneDo{}) }

// sub starts a group below t: it ends when t does, and t counts its work.
func (t *tasks) sub() *tasks {
	ctx, cancel := context.WithCancel(t.ctx)
	return &tasks{parent: t, ui: t.ui, ctx: ctx, cancel: cancel}
}

// run starts work in a goroutine; the function it returns (nil for none)
// runs on the UI goroutine, unless the group was closed meanwhile.
func (t *tasks) run(work func() func()) { t.answer(asking{}, work) }

// answer is run for one asking of a question: the answer is dropped when
// the seller has asked again (or moved on) before it arrived.
func (t *tasks) answer(a asking, work func() func()) {
	t.add(1)
	go func() {
		defer t.add(-1)
		if apply := work(); apply != nil {
			t.post(func() {
				if !a.stale() {
					apply()
				}
			})
		}
	}()
}

// post hands fn to the UI goroutine from any goroutine (a progress report
// of the service); it is dropped when the group has closed by then.
func (t *tasks) post(fn func()) {
	t.ui.Do(func() {
		if t.ctx.Err() == nil {
			fn()
		}
	})
}

// add counts goroutines in t and every group above it.
func (t *tasks) add(n int) {
	for g := t; g != nil; g = g.parent {
		g.running.Add(n)
	}
}

// close ends the group: its context is cancelled and the answers still on
// their way are dropped. The goroutines themselves end when they return;
// wait for them with wait.
func (t *tasks) close() { t.cancel() }

// closed reports whether the group was closed.
func (t *tasks) closed() bool { return t.ctx.Err() != nil }

// closeWait bounds how long closing the window, or switching its service,
// waits for the goroutines before it closes the database anyway.
const closeWait = 5 * time.Second

// wait waits until the group's goroutines have ended, or limit has passed;
// it reports whether they ended.
func (t *tasks) wait(limit time.Duration) bool {
	done := make(chan struct{})
	go func() {
		t.running.Wait()
		close(done)
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
		return false
	}
}

// question is something the window asks again and again (the orders for
// the filter, a test of the credentials): only the answer to the latest
// asking counts. It is used on the UI goroutine only.
type question struct{ n int }

// ask starts a new asking; answers to the earlier ones are dropped.
func (q *question) ask() asking {
	q.n++
	return asking{q, q.n}
}

// current is the asking under way, for more work on it (the next page).
func (q *question) current() asking { return asking{q, q.n} }

// drop makes the answers on their way stale, as when the seller leaves.
func (q *question) drop() { q.n++ }

// asking is one asking of a question; the zero asking is never stale.
type asking struct {
	q *question
	n int
}

// stale reports whether the question was asked again since.
func (a asking) stale() bool { return a.q != nil && a.q.n != a.n }

// debouncer runs the last of a burst of calls once the calls pause. It is
// used on the UI goroutine only; fn runs there too.
type debouncer struct {
	tasks *tasks
	delay time.Duration
	timer *time.Timer
	calls question
}

// call schedules fn after the delay, replacing a call still waiting.
func (b *debouncer) call(fn func()) {
	a := b.calls.ask()
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(b.delay, func() {
		b.tasks.post(func() {
			if !a.stale() {
				fn()
			}
		})
	})
}

// stop drops a call still waiting.
func (b *debouncer) stop() {
	b.calls.drop()
	if b.timer != nil {
		b.timer.Stop()
	}
}
