package ui

import (
	"fyne.io/fyne/v2"

	"sellermail/app"
)

// screen is what the History and Templates screens share: the service,
// the window their dialogs open over, and their background work, which
// ends with the screen.
type screen struct {
	svc      *app.Service
	win      fyne.Window
	tasks    *tasks
	unlisten func()
	// dialogs holds the screen's open dialogs, so Escape closes them.
	dialogs *dialogStack
}

// newScreen starts a screen over svc with its work below t; relabel runs
// on every language change.
func newScreen(t *tasks, svc *app.Service, w fyne.Window, dialogs *dialogStack, relabel func()) screen {
	registerFyneTexts()
	return screen{svc: svc, win: w, tasks: t.sub(), dialogs: dialogs, unlisten: OnLanguageChange(relabel)}
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
	s.tasks.close()
	s.unlisten()
}

// showError tells the seller what went wrong, in the window's language.
func (s *screen) showError(err error) {
	if s.tasks.closed() || s.win == nil {
		return
	}
	s.dialogs.show(explainedError(err, s.win))
}
