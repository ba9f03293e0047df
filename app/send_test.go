package app

import (
	"context"
	"errors"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

func TestSendCompliantMessage(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	text := problemText(d, "our supplier delivered late")
	if r := s.Check(text, policy.KindUnexpectedProblem, d, i18n.English); r.Blocked() {
		t.Fatalf("test text is blocked: %+v", r.Findings)
	}
	res, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: text}, i18n.English)
	if err != nil {
		t.Fatalf("Send: %v (%s)", err, res.Explanation)
	}
	if res.Status != store.StatusSent || res.ID == 0 || res.RequestID == "" {
		t.Fatalf("result %+v", res)
	}
	got := sentFor(s.demo, d.Order.OrderID)
	if len(got) != 1 || got[0].Text != text || got[0].Kind != "unexpectedProblem" || got[0].RequestID != res.RequestID {
		t.Fatalf("sandbox received %+v", got)
	}
	h, err := s.History(ctx, store.HistoryFilter{OrderID: d.Order.OrderID})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Status != store.StatusSent || h[0].Text != text || h[0].SentAt.IsZero() {
		t.Fatalf("history %+v", h)
	}
	// The sent message now counts as an earlier one: the same text again is a duplicate.
	d2, err := s.OrderDetail(ctx, d.Order.OrderID)
	if err != nil {
		t.Fatal(err)
	}
	if !hasRule(s.Check(text, policy.KindUnexpectedProblem, d2, i18n.English), "DUPLICATE_MESSAGE") {
		t.Error("sending the same text again is not reported as a duplicate")
	}
}

func hasRule(r policy.Result, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func TestSendRefusesBlockedMessageBeforeAnyRequest(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	text := problemText(d, "the carrier lost it") + " Details: https://example.com/status"
	res, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: text}, i18n.German)
	r := wantRefusal(t, err, ErrBlocked)
	if r.Check == nil || !r.Check.Blocked() || !hasRule(*r.Check, "EXTERNAL_LINK") {
		t.Fatalf("refusal carries no blocking result: %+v", r.Check)
	}
	if res.ID != 0 || res.Explanation.IsZero() {
		t.Fatalf("result %+v", res)
	}
	if got := sentFor(s.demo, d.Order.OrderID); len(got) != 0 {
		t.Fatalf("sandbox received %+v", got)
	}
	if h, _ := s.History(ctx, store.HistoryFilter{}); len(h) != 0 {
		t.Fatalf("a refused message reached the outbox: %+v", h)
	}
}

func TestSendRefusesKindTheOrderDoesNotOffer(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := findOrder(t, s, store.OrderFilter{Status: "SHIPPED"}, func(d *OrderDetail) bool {
		return !d.Offers(policy.KindConfirmOrderDetails)
	})
	_, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindConfirmOrderDetails,
		Text: "Hello, could you confirm the colour for order " + d.Order.OrderID + "?"}, i18n.English)
	wantRefusal(t, err, ErrKindNotOffered)
	_, err = s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindReply, Text: "Hello"}, i18n.English)
	wantRefusal(t, err, ErrKindNotSendable)
	if len(s.demo.Sent()) != 0 {
		t.Fatal("a refused message reached Amazon")
	}
}

func TestSendDryRunSendsNothing(t *testing.T) {
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	res, err := s.Send(context.Background(), SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem,
		Text: problemText(d, "of a storm"), DryRun: true}, i18n.English)
	if err != nil || res.ID != 0 || res.Status != "" {
		t.Fatalf("dry run: %+v, %v", res, err)
	}
	if len(s.demo.Sent()) != 0 {
		t.Fatal("a dry run reached Amazon")
	}
}

func TestSendLostAnswerIsUnknownAndNeverRetried(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	s.demo.SetFaults(sandbox.Faults{DropAfterRead: true, PathPrefix: "/messaging/v1/orders/" + d.Order.OrderID + "/messages/", Count: 1})
	res, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: problemText(d, "of a strike")}, i18n.English)
	if !errors.Is(err, spapi.ErrOutcomeUnknown) {
		t.Fatalf("Send = %v, want ErrOutcomeUnknown", err)
	}
	if res.Status != store.StatusUnknown || res.Explanation.IsZero() {
		t.Fatalf("result %+v", res)
	}
	if got := sentFor(s.demo, d.Order.OrderID); len(got) != 1 {
		t.Fatalf("sandbox recorded %d sends, want exactly 1", len(got))
	}
	m, err := s.Message(ctx, res.ID)
	if err != nil || m.Status != store.StatusUnknown {
		t.Fatalf("stored message %+v, %v", m, err)
	}
	if _, err := s.SendQueued(ctx, res.ID, i18n.English); !errors.Is(err, ErrNotQueued) {
		t.Fatalf("SendQueued on an unknown message = %v, want ErrNotQueued", err)
	}
	if p, _ := s.Pending(ctx); len(p) != 0 {
		t.Fatalf("unknown message listed as pending: %+v", p)
	}
	if u, _ := s.Unresolved(ctx); len(u) != 1 || u[0].ID != res.ID {
		t.Fatalf("Unresolved = %+v", u)
	}
	if got := sentFor(s.demo, d.Order.OrderID); len(got) != 1 {
		t.Fatalf("sandbox recorded %d sends after all, want 1", len(got))
	}
	// The seller checked Seller Central and found it sent.
	if err := s.ResolveUnknown(ctx, res.ID, true); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Message(ctx, res.ID); m.Status != store.StatusSent {
		t.Fatalf("resolved message is %s", m.Status)
	}
}

func TestSendThrottledIsRetriedAndSentOnce(t *testing.T) {
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	s.demo.SetFaults(sandbox.Faults{Throttle: true, PathPrefix: "/messaging/v1/orders/" + d.Order.OrderID + "/messages/", Count: 3})
	res, err := s.Send(context.Background(), SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: problemText(d, "of snow")}, i18n.English)
	if err != nil || res.Status != store.StatusSent {
		t.Fatalf("Send after 429s: %+v, %v", res, err)
	}
	if got := sentFor(s.demo, d.Order.OrderID); len(got) != 1 {
		t.Fatalf("sandbox recorded %d sends, want 1", len(got))
	}
}

func TestSendWithAttachments(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindInvoice)
	pdf := []byte("%PDF-1.4 invoice 1")
	res, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindInvoice,
		Attachments: []AttachmentFile{{Name: "invoice.pdf", Data: pdf}}}, i18n.English)
	if err != nil || res.Status != store.StatusSent {
		t.Fatalf("Send invoice: %+v, %v (%s)", res, err, res.Explanation)
	}
	got := sentFor(s.demo, d.Order.OrderID)
	if len(got) != 1 || len(got[0].Attachments) != 1 || got[0].Attachments[0].FileName != "invoice.pdf" || got[0].Attachments[0].Size != int64(len(pdf)) {
		t.Fatalf("sandbox received %+v", got)
	}
	m, _ := s.Message(ctx, res.ID)
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "invoice.pdf" || len(m.Attachments[0].SHA256) != 64 {
		t.Fatalf("stored attachments %+v", m.Attachments)
	}
	six := make([]AttachmentFile, 6)
	for i := range six {
		six[i] = AttachmentFile{Name: "f.pdf", Data: pdf}
	}
	_, err = s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindInvoice, Attachments: six}, i18n.English)
	wantRefusal(t, err, ErrAttachments)
}

func TestDraftsAutosave(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	if _, ok, err := s.LoadDraft(ctx, "302-0000000-0000000", policy.KindUnexpectedProblem); ok || err != nil {
		t.Fatalf("LoadDraft of nothing: %v, %v", ok, err)
	}
	if err := s.SaveDraft(ctx, "302-0000000-0000000", policy.KindUnexpectedProblem, "Hallo", []string{"/tmp/a.pdf"}); err != nil {
		t.Fatal(err)
	}
	d, ok, err := s.LoadDraft(ctx, "302-0000000-0000000", policy.KindUnexpectedProblem)
	if !ok || err != nil || d.Text != "Hallo" || len(d.Attachments) != 1 {
		t.Fatalf("LoadDraft: %+v, %v, %v", d, ok, err)
	}
}
