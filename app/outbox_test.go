package app

import (
	"context"
	"errors"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

func TestOutboxRecoveryAfterCrash(t *testing.T) {
	ctx := context.Background()
	opts := testOptions(t, newMemKeyring())
	s1, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s1.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	d := offersIn(t, s1, policy.KindUnexpectedProblem)
	msg := store.Message{OrderID: d.Order.OrderID, MarketplaceID: d.Order.MarketplaceID, Kind: "unexpectedProblem", Lang: "en"}
	// One message was being sent when the process died, another was still queued.
	msg.Text = problemText(d, "of a crash")
	sending, err := s1.store.EnqueueMessage(ctx, msg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s1.store.MarkSending(ctx, sending); err != nil {
		t.Fatal(err)
	}
	msg.Text = problemText(d, "of a second problem")
	queued, err := s1.store.EnqueueMessage(ctx, msg)
	if err != nil {
		t.Fatal(err)
	}
	s1.Close()

	s2 := openTest(t, opts)
	m, err := s2.Message(ctx, sending)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != store.StatusUnknown || m.Error == "" {
		t.Fatalf("interrupted message is %s (%q), want unknown with a reason", m.Status, m.Error)
	}
	if _, err := s2.SendQueued(ctx, sending, i18n.English); !errors.Is(err, ErrNotQueued) {
		t.Fatalf("SendQueued of the interrupted message = %v, want ErrNotQueued", err)
	}
	pending, err := s2.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != queued || pending[0].Status != store.StatusQueued {
		t.Fatalf("Pending = %+v, want the queued message only", pending)
	}
	// The seller sends the queued one; the interrupted one is never sent.
	res, err := s2.SendQueued(ctx, queued, i18n.English)
	if err != nil || res.Status != store.StatusSent {
		t.Fatalf("SendQueued: %+v, %v", res, err)
	}
	if got := sentFor(s2.demo, d.Order.OrderID); len(got) != 1 || got[0].Text != msg.Text {
		t.Fatalf("sandbox received %+v", got)
	}
}

func TestDiscardQueued(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	id, err := s.store.EnqueueMessage(ctx, store.Message{OrderID: "302-0000000-0000001", MarketplaceID: "A1PA6795UKMFR9", Kind: "unexpectedProblem", Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DiscardQueued(ctx, id); err != nil {
		t.Fatal(err)
	}
	m, _ := s.Message(ctx, id)
	if m.Status != store.StatusFailed || StoredReason(m.Error, i18n.German) != "Vom Verkäufer verworfen." || StoredReason(m.Error, i18n.English) != "Discarded by the seller." {
		t.Fatalf("discarded message %+v", m)
	}
	if err := s.DiscardQueued(ctx, id); !errors.Is(err, ErrNotQueued) {
		t.Fatalf("second discard = %v", err)
	}
}

func TestOutboxRecoveryLeavesWhatAnotherProcessFinished(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	id, err := s.store.EnqueueMessage(ctx, store.Message{OrderID: "302-0000000-0000002", MarketplaceID: "A1PA6795UKMFR9",
		Kind: "unexpectedProblem", Lang: "en", Text: "Your parcel is delayed by two days."})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.MarkSending(ctx, id); err != nil {
		t.Fatal(err)
	}
	// This process lists the message as being sent; meanwhile the other
	// process (the window, say) records Amazon's acceptance.
	snapshot, err := s.store.ListPending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.MarkSent(ctx, id, "req-accepted"); err != nil {
		t.Fatal(err)
	}
	if err := s.markInterrupted(ctx, snapshot); err != nil {
		t.Fatalf("recovery failed on a message another process finished: %v", err)
	}
	m, err := s.Message(ctx, id)
	if err != nil || m.Status != store.StatusSent || m.RequestID != "req-accepted" {
		t.Fatalf("after recovery: %+v, %v", m, err)
	}
}
