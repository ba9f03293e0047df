package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"

	"sellermail/app"
)

// screen is what the History and Templates screens share: the service,
// the window their dialogs open over, a context that ends with the screen,
// and the count of their goroutines.
type screen struct {
	svc    *app.Service
	win    fyne.Window
	ctx    context.Context
	cancel context.CancelFunc
	// busy counts the goroutines at work, so tests can wait for them.
	busy     sync.WaitGroup
	unlisten func()
	// dialogs holds the screen's open dialogs, so Escape closes them.
	dialogs *dialogStack
}

// newScreen starts a screen over svc; relabel runs on every language change.
func newScreen(svc *app.Service, w fyne.Window, dialogs *dialogStack, relabel func()) screen {
	loadTranslations()
	ctx, cancel := context.WithCancel(context.Background())
	return screen{svc: svc, win: w, ctx: ctx, cancel: cancel, dialogs: dialogs, unlisten: OnLanguageChange(relabel)}
}

// standaloneDialogs is the dialog stack of a screen used outside the main
// window: Escape in w closes its dialogs.
func standaloneDialogs(w fyne.Window) *dialogStack {
	dialogs := &dialogStack{}
	if w != nil {
		installEscape(w.Canvas(), dialogs.dismissTop)
	}
	return dialogs
}

// Close stops the screen's pending work and its listening for language changes.
func (s *screen) Close() {
	s.cancel()
	s.unlisten()
}

// goDo runs work in the background and applies what it returns on the UI
// goroutine, unless the screen was closed meanwhile.
func (s *screen) goDo(work func() func()) {
	s.busy.Add(1)
	spawn(func() {
		defer s.busy.Done()
		apply := work()
		if s.ctx.Err() != nil {
			return
		}
		runOnUI(apply)
	})
}

// showError tells the seller what went wrong, in the window's language.
func (s *screen) showError(err error) {
	if s.ctx.Err() != nil || s.win == nil {
		return
	}
	s.dialogs.show(explainedError(err, s.win))
}
