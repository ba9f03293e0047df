package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// addShortcuts registers the main screen's keys on the canvas: Ctrl+F
// (Cmd+F on macOS) searches the orders, Ctrl+R syncs, Ctrl+Enter sends. It
// returns a function that removes them.
func addShortcuts(c fyne.Canvas, ms *mainScreen) (remove func()) {
	search := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	syncKey := &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	c.AddShortcut(search, func(fyne.Shortcut) {
		ms.showOrders()
		ms.work.orders.focusSearch()
	})
	c.AddShortcut(syncKey, func(fyne.Shortcut) { ms.work.orders.sync.Start() })
	sends := sendShortcuts()
	ms.work.composer.AddShortcuts(c)
	return func() {
		c.RemoveShortcut(search)
		c.RemoveShortcut(syncKey)
		for _, s := range sends {
			c.RemoveShortcut(s)
		}
	}
}

// installEscape makes Escape close the dialog on top, as its cancel
// button would: Fyne's dialogs do not listen for Escape themselves.
// dismiss reports whether it closed one.
func installEscape(c fyne.Canvas, dismiss func() bool) {
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && dismiss() {
			return
		}
		if previous != nil {
			previous(ev)
		}
	})
}

// installEnter makes Enter confirm the dialog on top when no field in it
// has the focus, as its default button would; confirm reports whether it did.
func installEnter(c fyne.Canvas, confirm func() bool) {
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && confirm() {
			return
		}
		if previous != nil {
			previous(ev)
		}
	})
}

// dialogStack holds the window's open dialogs, newest last, so Escape can
// close the one on top. Dialogs are added by show and leave when closed.
type dialogStack struct{ open []dialog.Dialog }

// show opens d and keeps it on the stack until it closes.
func (s *dialogStack) show(d dialog.Dialog) {
	s.open = append(s.open, d)
	d.SetOnClosed(func() {
		if i := slices.Index(s.open, d); i >= 0 {
			s.open = slices.Delete(s.open, i, i+1)
		}
	})
	d.Show()
}

// dismissTop hides the newest open dialog as its cancel button would; it
// reports whether there was one.
func (s *dialogStack) dismissTop() bool {
	n := len(s.open)
	if n == 0 {
		return false
	}
	s.open[n-1].Hide()
	return true
}
