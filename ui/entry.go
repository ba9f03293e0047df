package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// composerEntry is the message editor: a wrapping multi-line entry that
// also takes Ctrl+Enter (Cmd+Enter on macOS). A focused entry receives every
// shortcut itself, so a shortcut registered on the canvas would never fire
// while the seller is typing.
type composerEntry struct {
	widget.Entry
	onSubmit func()
}

func newComposerEntry(onChanged func(string), onSubmit func()) *composerEntry {
	e := &composerEntry{onSubmit: onSubmit}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.OnChanged = onChanged
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(8)
	return e
}

// AcceptsTab is false: Tab moves on to the next control, as everywhere
// else in the window, and Ctrl+Tab types a tab.
func (e *composerEntry) AcceptsTab() bool { return false }

// TypedShortcut handles Ctrl+Enter and Ctrl+Tab and passes every other shortcut on.
func (e *composerEntry) TypedShortcut(s fyne.Shortcut) {
	if isSendShortcut(s) {
		e.onSubmit()
		return
	}
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.KeyName == fyne.KeyTab && cs.Modifier == fyne.KeyModifierControl {
		e.TypedRune('\t')
		return
	}
	e.Entry.TypedShortcut(s)
}

// sendShortcuts are Ctrl+Enter (Cmd+Enter on macOS) on both Enter keys.
func sendShortcuts() []fyne.Shortcut {
	return []fyne.Shortcut{
		&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault},
		&desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault},
	}
}

// isSendShortcut reports Ctrl+Enter, and Cmd+Enter where Cmd is the shortcut key.
func isSendShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || (cs.KeyName != fyne.KeyReturn && cs.KeyName != fyne.KeyEnter) {
		return false
	}
	return cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierShortcutDefault
}
