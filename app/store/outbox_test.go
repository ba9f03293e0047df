package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestOutboxLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	o := testOrder(1)
	if err := s.UpsertOrders(ctx, []Order{o}); err != nil {
		t.Fatal(err)
	}
	m := testMessage(o.OrderID)
	m.FindingsJSON = `[{"rule":"no-links","severity":"info"}]`
	id, err := s.EnqueueMessage(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := s.ListPending(ctx)
	if err != nil || len(pending) != 1 || pending[0].ID != id || pending[0].Status != StatusQueued {
		t.Fatalf("pending after enqueue = %+v, %v", pending, err)
	}
	if err := s.MarkSent(ctx, id, "req"); !errors.Is(err, ErrInvalidTransition) || !strings.Contains(err.Error(), "queued") {
		t.Errorf("queued -> sent: %v, want ErrInvalidTransition naming the current status", err)
	}
	if err := s.MarkSending(ctx, id); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.ListPending(ctx); len(p) != 1 || p[0].Status != StatusSending {
		t.Errorf("a message being sent must stay pending for crash recovery: %+v", p)
	}
	before := time.Now().Add(-time.Second)
	if err := s.MarkSent(ctx, id, "a1b2-request"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetMessage(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != StatusSent || got.RequestID != "a1b2-request" || got.SentAt.Before(before) ||
		got.Text != m.Text || got.FindingsJSON != m.FindingsJSON || len(got.Attachments) != 1 || got.Attachments[0] != m.Attachments[0] {
		t.Errorf("sent message = %+v", got)
	}
	if p, _ := s.ListPending(ctx); len(p) != 0 {
		t.Errorf("sent message still pending: %+v", p)
	}
	if ord, _ := s.GetOrder(ctx, o.OrderID); ord.SentMessages != 1 {
		t.Errorf("order counts %d sent messages, want 1", ord.SentMessages)
	}
	if err := s.MarkSending(ctx, id); !errors.Is(err, ErrInvalidTransition) {
		t.Errorf("sent -> sending: %v, want ErrInvalidTransition", err)
	}
	if err := s.MarkSending(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing message: %v, want ErrNotFound", err)
	}
}

func TestUnknownMessageIsNeverSentAgain(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if from := messageTransitions[StatusQueued]; len(from) != 0 {
		t.Fatalf("messages can return to the queue from %v", from)
	}
	for _, verdict := range []struct {
		name string
		mark func(id int64) error
		want MessageStatus
	}{
		{"seller saw it in Seller Central", func(id int64) error { return s.MarkSent(ctx, id, "") }, StatusSent},
		{"seller says it did not arrive", func(id int64) error { return s.MarkFailed(ctx, id, "not in Seller Central") }, StatusFailed},
	} {
		t.Run(verdict.name, func(t *testing.T) {
			id, err := s.EnqueueMessage(ctx, testMessage("302-0000001-0000001"))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.MarkSending(ctx, id); err != nil {
				t.Fatal(err)
			}
			if err := s.MarkUnknown(ctx, id, "timeout after 30 s"); err != nil {
				t.Fatal(err)
			}
			if err := s.MarkSending(ctx, id); !errors.Is(err, ErrInvalidTransition) {
				t.Fatalf("unknown -> sending: %v, want ErrInvalidTransition", err)
			}
			if p, _ := s.ListPending(ctx); len(p) != 0 {
				t.Fatalf("unknown message is pending: %+v", p)
			}
			if err := verdict.mark(id); err != nil {
				t.Fatal(err)
			}
			m, _ := s.GetMessage(ctx, id)
			if m.Status != verdict.want {
				t.Fatalf("status %s, want %s", m.Status, verdict.want)
			}
		})
	}
}

func TestEnqueueRejectsBadInput(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	bad := testMessage("302-0000001-0000001")
	bad.FindingsJSON = "{not json"
	if _, err := s.EnqueueMessage(ctx, bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad findings: %v, want ErrInvalid", err)
	}
	bad = testMessage("302-0000001-0000001")
	bad.Text = "Hallo \xc3"
	if _, err := s.EnqueueMessage(ctx, bad); !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "text") {
		t.Errorf("invalid UTF-8: %v, want ErrInvalidUTF8 naming the text", err)
	}
	if h, _ := s.ListHistory(ctx, HistoryFilter{}); len(h) != 0 {
		t.Errorf("rejected messages were stored: %+v", h)
	}
}

func TestListHistoryFilters(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	texts := []string{"Ihre Lieferung verzögert sich", "Bitte bestätigen Sie die Adresse", "Rückerstattung wurde veranlasst"}
	var ids []int64
	for i, text := range texts {
		m := testMessage(testOrder(i + 1).OrderID)
		m.Text = text
		if i == 2 {
			m.Kind, m.MarketplaceID = "unexpectedProblem", "A1F83G8C2ARO7P"
		}
		id, err := s.EnqueueMessage(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s.MarkSending(ctx, ids[1])
	s.MarkSent(ctx, ids[1], "r")
	cases := []struct {
		name string
		f    HistoryFilter
		want []int64
	}{
		{"all newest first", HistoryFilter{}, []int64{ids[2], ids[1], ids[0]}},
		{"text word without umlaut", HistoryFilter{Search: "verzogert"}, []int64{ids[0]}},
		{"text prefix", HistoryFilter{Search: "rückerst"}, []int64{ids[2]}},
		{"order id", HistoryFilter{Search: testOrder(2).OrderID}, []int64{ids[1]}},
		{"order id exact", HistoryFilter{OrderID: testOrder(1).OrderID}, []int64{ids[0]}},
		{"kind", HistoryFilter{Kind: "unexpectedProblem"}, []int64{ids[2]}},
		{"status", HistoryFilter{Status: StatusSent}, []int64{ids[1]}},
		{"marketplace", HistoryFilter{Marketplace: "A1PA6795UKMFR9"}, []int64{ids[1], ids[0]}},
		{"search and status", HistoryFilter{Search: "bitte", Status: StatusQueued}, nil},
		{"future", HistoryFilter{From: time.Now().Add(time.Hour)}, nil},
		{"limit offset", HistoryFilter{Limit: 1, Offset: 1}, []int64{ids[1]}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list, err := s.ListHistory(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, m := range list {
				got = append(got, m.ID)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
	msgs, err := s.MessagesForOrder(ctx, testOrder(3).OrderID)
	if err != nil || len(msgs) != 1 || msgs[0].ID != ids[2] {
		t.Errorf("MessagesForOrder = %+v, %v", msgs, err)
	}
}

func TestSentCountFollowsOrderArrivingLater(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	o := testOrder(1)
	id, _ := s.EnqueueMessage(ctx, testMessage(o.OrderID))
	s.MarkSending(ctx, id)
	if err := s.MarkSent(ctx, id, "r"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordReviewRequest(ctx, ReviewRequest{OrderID: o.OrderID, MarketplaceID: o.MarketplaceID, Status: ReviewSent}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpsertOrders(ctx, []Order{o}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.GetOrder(ctx, o.OrderID)
	if got.SentMessages != 1 || !got.ReviewRequested {
		t.Errorf("order synced after its message: sent=%d reviewRequested=%v", got.SentMessages, got.ReviewRequested)
	}
}
