package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func inboxMsg(uid uint32, key, order, text string) InboxMessage {
	return InboxMessage{Folder: "INBOX", UIDValidity: 7, UID: uid, DedupKey: key, MessageID: fmt.Sprintf("m%d@ses", uid),
		Kind: "buyer", ReceivedAt: t0.Add(time.Duration(uid) * time.Hour), Subject: "Frage (Bestellung: " + order + ")",
		BuyerName: "Jana", ReplyTo: "abc+1@marketplace.amazon.de", Buyer: "abc@marketplace.amazon.de",
		MarketplaceID: "A1PA6795UKMFR9", OrderID: order, Text: text, Lang: "de",
		Attachments: []InboxAttachment{{Name: "foto.jpg", ContentType: "image/jpeg", Size: 3}}}
}

func TestInboxKeepsEveryMessageOnceAndItsFolderState(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	st, err := s.GetFolderState(ctx, "INBOX")
	if err != nil || st.LastUID != 0 || st.UIDValidity != 0 {
		t.Fatalf("fresh folder state %+v, %v", st, err)
	}
	added, err := s.SaveFetched(ctx, FolderState{Folder: "INBOX", UIDValidity: 7, LastUID: 2, CheckedAt: t0},
		[]InboxMessage{inboxMsg(1, "amazon:A", "302-1111111-1111111", "Wann kommt mein Paket?"),
			inboxMsg(2, "amazon:A", "302-1111111-1111111", "Wann kommt mein Paket?")}) // a second delivery
	if err != nil || len(added) != 1 {
		t.Fatalf("added %v, %v; want one", added, err)
	}
	// The same UID again (a refetch after a crash) adds nothing.
	if added, err := s.SaveFetched(ctx, FolderState{Folder: "INBOX", UIDValidity: 7, LastUID: 2}, []InboxMessage{inboxMsg(1, "amazon:B", "", "x")}); err != nil || len(added) != 0 {
		t.Fatalf("refetch added %v, %v", added, err)
	}
	st, _ = s.GetFolderState(ctx, "INBOX")
	if st.UIDValidity != 7 || st.LastUID != 2 {
		t.Fatalf("folder state %+v", st)
	}
	got, err := s.GetInbox(ctx, added[0])
	if err != nil || got.Text != "Wann kommt mein Paket?" || len(got.Attachments) != 1 || got.Attachments[0].Name != "foto.jpg" || !got.ReceivedAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("stored %+v, %v", got, err)
	}
	// A second opening of the file (the command line beside the window) sees the same.
	s2, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if l, err := s2.ListInbox(ctx, InboxFilter{}); err != nil || len(l) != 1 {
		t.Fatalf("second opening: %d, %v", len(l), err)
	}
}

func TestListInboxUnansweredFirstAndSearch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids, err := s.SaveFetched(ctx, FolderState{Folder: "INBOX", UIDValidity: 1, LastUID: 3}, []InboxMessage{
		inboxMsg(1, "k1", "302-1111111-1111111", "Ist der Rucksack wasserdicht?"),
		inboxMsg(2, "k2", "302-2222222-2222222", "Où est mon colis ?"),
		inboxMsg(3, "k3", "302-3333333-3333333", "Size M fits?"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkAnswered(ctx, ids[2], t0); err != nil {
		t.Fatal(err)
	}
	l, err := s.ListInbox(ctx, InboxFilter{})
	if err != nil || len(l) != 3 {
		t.Fatalf("%d, %v", len(l), err)
	}
	if l[0].ID != ids[1] || l[1].ID != ids[0] || l[2].ID != ids[2] {
		t.Fatalf("order %d %d %d; want unanswered newest first, then answered", l[0].ID, l[1].ID, l[2].ID)
	}
	if n, _ := s.CountUnanswered(ctx); n != 2 {
		t.Fatalf("unanswered %d", n)
	}
	for q, want := range map[string]int{"colis": 1, "ou est": 1, "wasserd": 1, "302-3333333-3333333": 1, "Jana": 3, "nichts": 0, "***": 3} {
		l, err := s.ListInbox(ctx, InboxFilter{Query: q})
		if err != nil || len(l) != want {
			t.Errorf("search %q: %d, %v; want %d", q, len(l), err, want)
		}
	}
	if l, _ := s.ListInbox(ctx, InboxFilter{Unanswered: true}); len(l) != 2 {
		t.Errorf("unanswered filter: %d", len(l))
	}
	if l, _ := s.InboxForOrder(ctx, "302-2222222-2222222"); len(l) != 1 || l[0].ID != ids[1] {
		t.Errorf("inbox of order: %v", l)
	}
}

func TestMailReplyIsQueuedWholeAndBouncesMatch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids, _ := s.SaveFetched(ctx, FolderState{Folder: "INBOX", UIDValidity: 1, LastUID: 1}, []InboxMessage{inboxMsg(1, "k1", "302-1111111-1111111", "Frage")})
	m := Message{OrderID: "302-1111111-1111111", MarketplaceID: "A1PA6795UKMFR9", Kind: "reply", Lang: "de", Text: "Morgen."}
	id, err := s.EnqueueMailReply(ctx, m, MailReply{InboxID: ids[0], To: "abc+1@marketplace.amazon.de", Subject: "Re: Frage", MailMessageID: "r1@shop"})
	if err != nil {
		t.Fatal(err)
	}
	// A second reply with the same Message-ID fails and leaves nothing queued.
	if _, err := s.EnqueueMailReply(ctx, m, MailReply{InboxID: ids[0], To: "abc+1@marketplace.amazon.de", MailMessageID: "r1@shop"}); err == nil {
		t.Fatal("duplicate Message-ID accepted")
	}
	if p, _ := s.ListPending(ctx); len(p) != 1 || p[0].ID != id {
		t.Fatalf("pending %v", p)
	}
	r, err := s.GetMailReply(ctx, id)
	if err != nil || r.To != "abc+1@marketplace.amazon.de" || r.InboxID != ids[0] || r.MailMessageID != "r1@shop" {
		t.Fatalf("%+v, %v", r, err)
	}
	if _, err := s.GetMailReply(ctx, id+1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("not a mail reply: %v", err)
	}
	b := inboxMsg(9, "kb", "302-1111111-1111111", "nicht zugestellt")
	b.Kind = "bounce"
	bids, _ := s.SaveFetched(ctx, FolderState{Folder: "INBOX", UIDValidity: 1, LastUID: 9}, []InboxMessage{b})
	b.ID = bids[0]
	got, err := s.MatchBounce(ctx, b)
	if err != nil || got != id {
		t.Fatalf("bounce matched %d, %v; want %d", got, err, id)
	}
	if r, _ := s.GetMailReply(ctx, id); r.BounceID != b.ID {
		t.Fatalf("bounce id %d", r.BounceID)
	}
	// An unrelated bounce matches nothing.
	b.Buyer, b.BounceFor = "zzz@marketplace.amazon.de", "other@x"
	if got, err := s.MatchBounce(ctx, b); err != nil || got != 0 {
		t.Fatalf("unrelated bounce matched %d, %v", got, err)
	}
}

func TestMailAccountRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.GetMailAccount(ctx, "default"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("%v", err)
	}
	a := MailAccount{Profile: "default", IMAPHost: "imap.gmx.net", IMAPPort: 993, IMAPTLS: "tls", SMTPHost: "mail.gmx.net",
		SMTPPort: 587, SMTPTLS: "starttls", Username: "shop@gmx.de", Sender: "shop@gmx.de", Folders: []string{"INBOX", "Amazon"}}
	if err := s.PutMailAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetMailAccount(ctx, "default")
	if err != nil || got.SMTPPort != 587 || got.Folders[1] != "Amazon" || got.Username != "shop@gmx.de" {
		t.Fatalf("%+v, %v", got, err)
	}
	if err := s.DeleteMailAccount(ctx, "default"); err != nil {
		t.Fatal(err)
	}
}
