package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"sellermail/policy"
)

// After a send the composer says the message went out and does not offer
// the same text again: Send stays off for it and the live check counts it,
// as the check at send time does. Starting a new message is the deliberate
// step that empties the editor.
func TestSentMessageIsNotOfferedAgain(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	text := noticeText(d)
	c.SetText(text)
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Send")
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	if c.outcome != ResultSent {
		t.Fatalf("outcome %v: %q", c.outcome, c.resultText.Text)
	}
	if !c.sendButton.Disabled() {
		t.Error("Send is enabled for the text that was just sent")
	}
	if c.actionHint.Text == "" {
		t.Error("nothing says why Send is off after the send")
	}
	if !hasFinding(c.Result(), "DUPLICATE_MESSAGE") {
		t.Errorf("the live check does not count the message just sent: %+v", c.Result().Findings)
	}
	c.onSendTapped() // Ctrl+Enter or a second click
	if c.confirm != nil {
		t.Fatal("a confirmation to send the same text again opened")
	}
	// Coming back to the order: the detail is loaded afresh and the check
	// still counts the message.
	e.showOrder(ms, e.otherOrder(d.Order.OrderID))
	ms.work.orders.list.UnselectAll()
	if again := e.showOrder(ms, d.Order.OrderID); again.Order.OrderID != d.Order.OrderID {
		t.Fatalf("showing %s, want %s", again.Order.OrderID, d.Order.OrderID)
	}
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	c.SetText(text)
	if !hasFinding(c.Result(), "DUPLICATE_MESSAGE") {
		t.Errorf("after reopening the order the same text is no duplicate: %+v", c.Result().Findings)
	}
}

// The new-message step clears the sent text and offers Send for a new one.
func TestNewMessageAfterSend(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	c.SetText(noticeText(d))
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Send")
	e.q.until(t, "the send's outcome", func() bool { return c.outcome == ResultSent })
	if !c.newButton.Visible() {
		t.Fatal("no way to start a new message after the send")
	}
	test.Tap(c.newButton)
	if c.Text() != "" || c.resultBox.Visible() {
		t.Errorf("after New message: text %q, result shown %v", c.Text(), c.resultBox.Visible())
	}
	c.SetText(noticeText(d) + " We are sorry for the delay.")
	if c.sendButton.Disabled() {
		t.Errorf("Send is off for a changed text: hint %q", c.actionHint.Text)
	}
}

func hasFinding(r policy.Result, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
