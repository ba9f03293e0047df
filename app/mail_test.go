package app

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// The seller's walk through the demo inbox: fetch, read, answer, and the
// state after a restart.
func TestDemoInboxFetchReplyRestart(t *testing.T) {
	ctx := context.Background()
	opts := testOptions(t, newMemKeyring())
	s := openTest(t, opts)
	if _, err := s.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.FetchMail(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Six buyer messages, one of them delivered twice; the private mail is not the inbox's.
	if res.New != 6 || res.Buyer != 6 {
		t.Fatalf("fetch: %+v", res)
	}
	if again, err := s.FetchMail(ctx, nil); err != nil || again.New != 0 {
		t.Fatalf("second fetch: %+v, %v", again, err)
	}
	question := checkDemoInbox(t, s)
	if n, _ := s.Unanswered(ctx); n != 6 {
		t.Fatalf("unanswered %d", n)
	}

	// A reply that breaks a rule is refused before anything is stored or sent.
	_, err = s.Send(ctx, SendRequest{Kind: policy.KindReply, ReplyTo: question.ID,
		Text: "Bitte schreiben Sie mir an info@example.com, dann klären wir das."}, i18n.German)
	wantRefusal(t, err, ErrBlocked)
	if n := len(s.DemoMailServer().Received()); n != 0 {
		t.Fatalf("%d mails sent for a refused reply", n)
	}

	text := "Guten Tag Jana,\n\ndas Paket ist unterwegs und sollte morgen ankommen.\n\nViele Grüße\nIhr Shop"
	r, err := s.Send(ctx, SendRequest{Kind: policy.KindReply, ReplyTo: question.ID, Text: text}, i18n.German)
	if err != nil || r.Status != store.StatusSent {
		t.Fatalf("reply: %+v, %v", r, err)
	}
	checkSentReply(t, s, question)
	hist, err := s.History(ctx, store.HistoryFilter{OrderID: question.OrderID})
	if err != nil || len(hist) != 1 || hist[0].Kind != "reply" || hist[0].Status != store.StatusSent {
		t.Fatalf("history %+v, %v", hist, err)
	}
	if mr, ok, err := s.MailReply(ctx, r.ID); err != nil || !ok || mr.To != question.ReplyTo {
		t.Fatalf("mail reply %+v %v %v", mr, ok, err)
	}
	// The compliance check knows the reply as sent before, as for every message of the order.
	if d := mustDetail(t, s, question.OrderID); len(d.Messages) != 1 || d.Messages[0].Text != text {
		t.Fatalf("order's messages %+v", d.Messages)
	}

	// After a restart the inbox and the answer are still there.
	s.Close()
	s2 := openTest(t, opts)
	if n, _ := s2.Unanswered(ctx); n != 5 {
		t.Fatalf("unanswered after restart %d", n)
	}
	if res, err := s2.FetchMail(ctx, nil); err != nil || res.New != 0 {
		t.Fatalf("fetch after restart: %+v, %v", res, err)
	}
}

// checkDemoInbox checks the fetched demo inbox and returns the German
// delivery question.
func checkDemoInbox(t *testing.T, s *Service) store.InboxMessage {
	t.Helper()
	ctx := context.Background()
	inbox, err := s.Inbox(ctx, store.InboxFilter{})
	if err != nil || len(inbox) != 6 {
		t.Fatalf("inbox %d, %v", len(inbox), err)
	}
	langs := map[string]bool{}
	var question store.InboxMessage
	for _, m := range inbox {
		langs[m.Lang] = true
		if m.OrderID == "" || m.ReplyTo == "" || strings.Contains(m.Text, "End message") || strings.Contains(m.Text, "Danke für Ihre Bestellung") {
			t.Errorf("message %d: order %q alias %q text %q", m.ID, m.OrderID, m.ReplyTo, m.Text)
		}
		if strings.Contains(m.Text, "Leipzig") {
			question = m
		}
	}
	if !langs["de"] || !langs["fr"] || !langs["en"] {
		t.Fatalf("languages %v", langs)
	}
	return question
}

// A connection lost after DATA leaves the reply unknown; it is not sent again by itself.
func TestReplyLostAfterDataIsUnknown(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	if _, err := s.FetchMail(ctx, nil); err != nil {
		t.Fatal(err)
	}
	inbox, _ := s.Inbox(ctx, store.InboxFilter{})
	s.DemoMailServer().DropAfterData(true)
	r, err := s.Send(ctx, SendRequest{Kind: policy.KindReply, ReplyTo: inbox[0].ID, Text: "Guten Tag, danke für Ihre Nachricht. Wir prüfen das heute."}, i18n.English)
	if !errors.Is(err, ErrOutcomeUnknown) || r.Status != store.StatusUnknown {
		t.Fatalf("%+v, %v", r, err)
	}
	if got := Render(r.Explanation, i18n.English); !strings.Contains(got, "may or may not") {
		t.Fatalf("explanation %q", got)
	}
	if _, err := s.SendQueued(ctx, r.ID, i18n.English); !errors.Is(err, ErrNotQueued) {
		t.Fatalf("an unknown reply was sent again: %v", err)
	}
	if m, _ := s.InboxMessage(ctx, inbox[0].ID); !m.AnsweredAt.IsZero() {
		t.Fatal("a reply of unknown outcome counted as an answer")
	}
}

// checkSentReply checks the one mail the demo's SMTP server received.
func checkSentReply(t *testing.T, s *Service, question store.InboxMessage) {
	t.Helper()
	got := s.DemoMailServer().Received()
	if len(got) != 1 || got[0].To[0] != question.ReplyTo || got[0].From != demoMailUser {
		t.Fatalf("received %+v", got)
	}
	for _, want := range []string{"In-Reply-To: <" + question.MessageID + ">", "Subject: Re: ", question.OrderID, "unterwegs"} {
		if !bytes.Contains(got[0].Data, []byte(want)) && !strings.Contains(string(got[0].Data), strings.ReplaceAll(want, " ", "_")) {
			t.Errorf("sent mail lacks %q:\n%s", want, got[0].Data)
		}
	}
}

func mustDetail(t *testing.T, s *Service, orderID string) *OrderDetail {
	t.Helper()
	d, err := s.OrderDetail(context.Background(), orderID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReplySubject(t *testing.T) {
	for in, want := range map[string]string{
		"Frage von Amazon-Kunde Jana (Bestellung: 302-1234567-7654321)": "Re: Frage von Amazon-Kunde Jana (Bestellung: 302-1234567-7654321)",
		"AW: Re: Le colis n'est pas arrivé":                             "Re: Le colis n'est pas arrivé (302-1234567-7654321)",
	} {
		if got := replySubject(in, "302-1234567-7654321"); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
