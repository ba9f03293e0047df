package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"sellermail/policy"
)

// Tab leaves the editor and reaches Purpose, Template and Send; Ctrl+Tab
// types a tab into the text.
func TestTabLeavesTheEditor(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	c.SetText(noticeText(d))
	if c.entry.AcceptsTab() {
		t.Fatal("the editor keeps Tab for itself, so the keyboard cannot leave it")
	}
	cv := e.w.Canvas()
	cv.Focus(c.entry)
	reached := map[fyne.Focusable]bool{}
	for i := 0; i < 200; i++ {
		test.FocusNext(cv)
		f := cv.Focused()
		if f == fyne.Focusable(c.entry) {
			break
		}
		reached[f] = true
	}
	for name, w := range map[string]fyne.Focusable{"Purpose": c.kindButton.button, "Template": c.templateSelect, "Send": c.sendButton} {
		if !reached[w] {
			t.Errorf("Tab from the editor never reaches %s", name)
		}
	}
	cv.Focus(c.entry)
	before := c.Text()
	c.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if got := c.Text(); strings.Count(got, "\t") != strings.Count(before, "\t")+1 {
		t.Errorf("Ctrl+Tab typed no tab: %q", got)
	}
}

// Enter confirms the confirmation to send, and the Enter key does not land
// in the editor as a line break.
func TestEnterConfirmsSend(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	text := noticeText(d)
	c.SetText(text)
	e.w.Canvas().Focus(c.entry)
	test.Tap(c.sendButton)
	if c.confirm == nil {
		t.Fatal("Send asks for no confirmation")
	}
	e.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.confirm != nil || e.w.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter leaves the confirmation open")
	}
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	if c.outcome != ResultSent {
		t.Errorf("outcome %v: %q", c.outcome, c.resultText.Text)
	}
	if c.Text() != text {
		t.Errorf("the key that closed the dialog changed the text to %q", c.Text())
	}
}
