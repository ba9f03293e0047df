package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellermail/policy"
)

// Closing the window right after typing keeps the draft: the save waiting
// for the pause runs, and ends, before the database closes.
func TestClosingKeepsDraftTypedJustBefore(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	text := noticeText(d)
	test.Type(c.entry, text)
	e.m.Close()

	svc, err := e.open(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	got, ok, err := svc.LoadDraft(context.Background(), d.Order.OrderID, policy.KindUnexpectedProblem)
	if err != nil || !ok || got.Text != text {
		t.Errorf("after closing: draft %q (found %v, %v), want what was typed", got.Text, ok, err)
	}
}
