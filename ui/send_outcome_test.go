package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi/sandbox"
)

// failWhenMarkedSent makes the demo database refuse to mark a row of table
// as sent, as a full disk would: Amazon accepts, recording it fails.
func failWhenMarkedSent(t *testing.T, dir, table string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, app.DemoDir, store.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON ` + table +
		` WHEN NEW.status = 'sent' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
}

// A message Amazon accepted is shown as sent, with a warning, even when
// recording it failed: shown as failed, the seller would send it again.
func TestSentButNotRecordedShowsSent(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	c.SetText(noticeText(d))
	failWhenMarkedSent(t, e.dir, "messages")
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Send")
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	text := c.resultText.Text
	if c.outcome != ResultSentUnrecorded || c.resultText.Importance != widget.WarningImportance {
		t.Fatalf("outcome %v (importance %v): %q", c.outcome, c.resultText.Importance, text)
	}
	if !strings.HasPrefix(text, "Sent. Amazon accepted the message") || !strings.Contains(text, "do not send it again") ||
		strings.Contains(text, "Not sent") {
		t.Errorf("the outcome does not say the message went out and must not be sent again: %q", text)
	}
	if c.detail == "" || !strings.HasSuffix(text, "\n"+c.detail) {
		t.Errorf("the outcome does not explain why recording failed: %q", text)
	}
	if c.sendButton.Text != "Send…" {
		t.Errorf("the Send button still says %q after the outcome", c.sendButton.Text)
	}
}

// The same for a review request, which also cannot be asked for twice
// while the first is on its way.
func TestReviewRequestedButNotRecordedShowsSent(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	id := e.openEligibleOrder(ms)
	v := ms.work.detail
	failWhenMarkedSent(t, e.dir, "review_requests")
	test.Tap(v.reviewBtn)
	if !v.reviewBtn.Disabled() || v.reviewBtn.Text != "Requesting…" {
		t.Errorf("while the request runs: button disabled %v, says %q", v.reviewBtn.Disabled(), v.reviewBtn.Text)
	}
	v.onReviewTapped() // a second tap, as a quick double click would
	e.q.until(t, "the review request", func() bool { return v.reviewOut.Visible() && !v.loading() })
	if !strings.HasPrefix(v.reviewOut.Text, "Amazon sent the review request to the buyer, but Sellermail could not record it") ||
		v.reviewOut.Importance != widget.WarningImportance || !strings.Contains(v.reviewOut.Text, "do not request it again") {
		t.Errorf("outcome %q, importance %v", v.reviewOut.Text, v.reviewOut.Importance)
	}
	reqs, err := e.m.svc.ReviewRequests(context.Background(), id)
	if err != nil || len(reqs) != 1 {
		t.Errorf("%d review requests recorded (%v), want the one asked for", len(reqs), err)
	}
	if !v.reviewBtn.Disabled() || v.reviewBtn.Text != "Request a review" {
		t.Errorf("after the request: button disabled %v, says %q", v.reviewBtn.Disabled(), v.reviewBtn.Text)
	}
}

// While a confirmed message is on its way, neither Send nor Ctrl+Enter
// confirms it again, also after looking at another order and coming back.
func TestSendConfirmedOnceWhileOnItsWay(t *testing.T) {
	e := newTestEnv(t)
	srv := e.useAccountSandbox(40)
	e.start()
	ms := e.m.main
	if ms == nil {
		t.Fatal("the account's services do not open the main screens")
	}
	e.sync(ms)
	d := findDetail(t, e.m.svc, store.OrderFilter{}, offersTo(policy.KindUnexpectedProblem))
	id := d.Order.OrderID
	e.showOrder(ms, id)
	c := ms.work.composer
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	c.SetText(noticeText(d))
	// Amazon holds the send until the test closes the server.
	srv.SetFaults(sandbox.Faults{Latency: time.Minute, PathPrefix: "/messaging/v1/orders/" + id + "/messages/"})
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Send")
	if !c.sendButton.Disabled() || c.sendButton.Text != "Sending…" {
		t.Errorf("while sending: Send disabled %v, says %q", c.sendButton.Disabled(), c.sendButton.Text)
	}
	sendAgain := func(when string) {
		t.Helper()
		ctrlEnter := &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
		c.entry.TypedShortcut(ctrlEnter)
		e.w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlEnter)
		test.Tap(c.sendButton)
		if e.w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s: a second confirmation opened while the message is on its way", when)
			tapDialogButton(t, e.w, "Send") // so the history below counts the second send
		}
	}
	sendAgain("at once")

	e.showOrder(ms, e.otherOrder(id))
	if c.sendButton.Text != "Send…" {
		t.Errorf("another order's composer says %q", c.sendButton.Text)
	}
	e.showOrder(ms, id)
	e.q.until(t, "the draft in the composer", func() bool { return c.Text() == noticeText(d) })
	if !c.sendButton.Disabled() || c.sendButton.Text != "Sending…" {
		t.Errorf("back at the order: Send disabled %v, says %q", c.sendButton.Disabled(), c.sendButton.Text)
	}
	sendAgain("back at the order")

	srv.Close() // the answer never comes
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	// The outcome is unknown, so the buyer may have the text: it is not
	// offered again, and the button no longer says it is sending.
	if !c.sendButton.Disabled() || c.sendButton.Text != "Send…" {
		t.Errorf("after the outcome: Send disabled %v, says %q", c.sendButton.Disabled(), c.sendButton.Text)
	}
	msgs, err := e.m.svc.History(context.Background(), store.HistoryFilter{OrderID: id})
	if err != nil || len(msgs) != 1 {
		t.Errorf("%d messages went out for the order (%v), want the one confirmed", len(msgs), err)
	}
}
