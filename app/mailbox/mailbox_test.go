package mailbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"sellermail/app/mailserver"
)

const secret = "app-pass-XYZ-123"

func start(t *testing.T, imapSec, smtpSec string) (*mailserver.Server, Account) {
	t.Helper()
	srv, err := mailserver.Start(mailserver.Options{User: "shop@example.de", Password: secret, IMAPTLS: imapSec, SMTPTLS: smtpSec})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	a := Account{IMAP: Server{"127.0.0.1", srv.IMAPPort(), Security(imapSec)}, SMTP: Server{"127.0.0.1", srv.SMTPPort(), Security(smtpSec)},
		User: "shop@example.de", Password: secret, Sender: "shop@example.de", RootCAs: srv.CertPool(), Timeout: 10 * time.Second}
	return srv, a
}

func relayMail(n int) []byte {
	return []byte(fmt.Sprintf("From: Jana <abc%d@marketplace.amazon.de>\r\nSubject: Frage %d\r\nMessage-ID: <m%d@ses>\r\n"+
		"X-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT\r\n\r\nHallo %d\r\n", n, n, n, n))
}

var privateMail = []byte("From: Oma <oma@example.org>\r\nSubject: Weihnachten\r\n\r\nKommst du?\r\n")

// sink keeps what a fetch saved; failAt makes Save fail at that batch.
type sink struct {
	mu     sync.Mutex
	saved  []Fetched
	states []FolderState
	last   [2]int
}

func (s *sink) Wanted(h []byte) bool { return bytes.Contains(h, []byte("marketplace.amazon.")) }

func (s *sink) Save(_ context.Context, st FolderState, mails []Fetched) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved = append(s.saved, mails...)
	s.states = append(s.states, st)
	return nil
}

func (s *sink) Progress(done, total int) { s.last = [2]int{done, total} }

func TestFetchReadsOnlyWhatIsNewAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	srv, a := start(t, mailserver.TLS, mailserver.TLS)
	for i := 1; i <= 3; i++ {
		if _, err := srv.Append("INBOX", relayMail(i)); err != nil {
			t.Fatal(err)
		}
	}
	privUID, _ := srv.Append("INBOX", privateMail)
	folders, err := Folders(ctx, a)
	if err != nil || len(folders) != 1 || folders[0] != "INBOX" {
		t.Fatalf("folders %v, %v", folders, err)
	}
	s := &sink{}
	st, err := Fetch(ctx, a, "INBOX", FolderState{}, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.saved) != 3 || st.LastUID != privUID || st.UIDValidity == 0 {
		t.Fatalf("saved %d, state %+v", len(s.saved), st)
	}
	for _, f := range s.saved {
		if !bytes.Contains(f.Raw, []byte("Hallo")) || f.InternalDate.IsZero() {
			t.Fatalf("mail %d: %q", f.UID, f.Raw)
		}
	}
	assertUntouched(t, srv, privUID)
	// Nothing new: fast, nothing saved.
	begin := time.Now()
	st2, err := Fetch(ctx, a, "INBOX", st, s)
	if took := time.Since(begin); err != nil || st2 != st || len(s.saved) != 3 || took > 200*time.Millisecond {
		t.Fatalf("second fetch: %+v, %v, %d saved, took %v", st2, err, len(s.saved), took)
	}
	// One new mail: only that one.
	srv.Append("INBOX", relayMail(4))
	st3, err := Fetch(ctx, a, "INBOX", st2, s)
	if err != nil || len(s.saved) != 4 || st3.LastUID != privUID+1 {
		t.Fatalf("third fetch: %+v, %v, %d saved", st3, err, len(s.saved))
	}
	// A new UIDVALIDITY reads the folder again from the start.
	srv.RenewUIDValidity("INBOX")
	st4, err := Fetch(ctx, a, "INBOX", st3, s)
	if err != nil || len(s.saved) != 8 || st4.UIDValidity == st3.UIDValidity {
		t.Fatalf("after new UIDVALIDITY: %+v, %v, %d saved", st4, err, len(s.saved))
	}
}

// assertUntouched fails when a mail got a flag or the client sent a
// command that changes a folder or reads a body without PEEK.
func assertUntouched(t *testing.T, srv *mailserver.Server, lastUID uint32) {
	t.Helper()
	for uid := uint32(1); uid <= lastUID; uid++ {
		if fl := srv.Flags("INBOX", uid); len(fl) != 0 {
			t.Fatalf("mail %d has flags %v after the fetch", uid, fl)
		}
	}
	for _, c := range srv.Commands() {
		u := strings.ToUpper(c)
		for _, bad := range []string{"SELECT", "STORE", "COPY", "MOVE", "EXPUNGE", "DELETE", "APPEND"} {
			if strings.HasPrefix(u, bad) || strings.HasPrefix(u, "UID "+bad) {
				t.Fatalf("client sent %q", c)
			}
		}
		if strings.Contains(u, "FETCH") && strings.Contains(u, "BODY[") {
			t.Fatalf("client fetched a body without PEEK: %q", c)
		}
	}
}

func TestADroppedFetchLosesNothing(t *testing.T) {
	ctx := context.Background()
	srv, a := start(t, mailserver.STARTTLS, mailserver.STARTTLS)
	const n = batchSize + 50
	for i := 1; i <= n; i++ {
		srv.Append("INBOX", relayMail(i))
	}
	srv.DropFetchAfter(20) // in the first FETCH of the second batch
	s := &sink{}
	st, err := Fetch(ctx, a, "INBOX", FolderState{}, s)
	if !errors.Is(err, ErrConnect) {
		t.Fatalf("err = %v, want ErrConnect", err)
	}
	if st.LastUID != 0 && st.LastUID != batchSize {
		t.Fatalf("state after the drop %+v", st)
	}
	st, err = Fetch(ctx, a, "INBOX", st, s)
	if err != nil || st.LastUID != n {
		t.Fatalf("resumed: %+v, %v", st, err)
	}
	seen := map[uint32]bool{}
	for _, f := range s.saved {
		seen[f.UID] = true
	}
	if len(seen) != n {
		t.Fatalf("%d distinct mails saved, want %d", len(seen), n)
	}
	if s.last[0] != s.last[1] || s.last[1] == 0 {
		t.Fatalf("progress %v does not end at its total", s.last)
	}
}

func TestLoginAndTLSErrorsAreTold(t *testing.T) {
	ctx := context.Background()
	_, a := start(t, mailserver.TLS, mailserver.TLS)
	bad := a
	bad.Password = "wrong-" + secret
	if _, err := Folders(ctx, bad); !errors.Is(err, ErrLogin) || strings.Contains(err.Error(), secret) {
		t.Fatalf("IMAP wrong password: %v", err)
	}
	if err := TestSMTP(ctx, bad); !errors.Is(err, ErrLogin) || strings.Contains(err.Error(), secret) {
		t.Fatalf("SMTP wrong password: %v", err)
	}
	untrusted := a
	untrusted.RootCAs = nil
	if _, err := Folders(ctx, untrusted); !errors.Is(err, ErrTLS) {
		t.Fatalf("untrusted certificate: %v", err)
	}
	closed := a
	closed.IMAP.Port = 1
	if _, err := Folders(ctx, closed); !errors.Is(err, ErrConnect) {
		t.Fatalf("closed port: %v", err)
	}
	if _, err := Fetch(ctx, a, "Nope", FolderState{}, &sink{}); !errors.Is(err, ErrNoFolder) {
		t.Fatalf("missing folder: %v", err)
	}
	if s := fmt.Sprintf("%v %+v %#v", a, a, a); strings.Contains(s, secret) {
		t.Fatalf("password printed: %s", s)
	}
}

func TestPlainTextOnlyToLoopback(t *testing.T) {
	ctx := context.Background()
	srv, a := start(t, mailserver.Plain, mailserver.Plain)
	srv.Append("INBOX", relayMail(1))
	if _, err := Folders(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := TestSMTP(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("loopback plain refused: %v", err)
	}
	a.IMAP.Host = "imap.example.de"
	a.SMTP = Server{"mail.example.de", 25, "none"}
	a.Sender = "Shop <shop@example.de>"
	fields := map[string]bool{}
	for _, fe := range FieldErrors(a.Validate()) {
		fields[fe.Field] = true
	}
	if !fields["imap.security"] || !fields["smtp.security"] || !fields["sender"] || len(fields) != 3 {
		t.Fatalf("fields %v", fields)
	}
}

func TestSendAndItsOutcomes(t *testing.T) {
	ctx := context.Background()
	srv, a := start(t, mailserver.TLS, mailserver.STARTTLS)
	out := Outgoing{MessageID: NewMessageID(a.Sender), To: "abc+1@marketplace.amazon.de", Subject: "Re: Frage (Bestellung: 302-1234567-7654321)",
		InReplyTo: "m1@ses", References: []string{"m1@ses"}, Text: "Guten Tag,\nIhr Paket kommt morgen.\nGrüße", Date: time.Now(),
		Files: []File{{Name: "rechnung.pdf", Data: []byte("%PDF-1.4")}}}
	data, err := Compose(a.Sender, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := Send(ctx, a, out.To, data); err != nil {
		t.Fatal(err)
	}
	got := srv.Received()
	if len(got) != 1 || got[0].From != a.Sender || got[0].To[0] != out.To {
		t.Fatalf("received %+v", got)
	}
	for _, want := range []string{"In-Reply-To: <m1@ses>", "Message-Id: <" + out.MessageID + ">", "rechnung.pdf", "Subject: Re: Frage"} {
		if !bytes.Contains(got[0].Data, []byte(want)) {
			t.Errorf("mail lacks %q:\n%s", want, got[0].Data)
		}
	}
	srv.DropAfterData(true)
	if err := Send(ctx, a, out.To, data); !errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("dropped after DATA: %v", err)
	}
	srv.DropAfterData(false)
	srv.RejectData("sender not approved")
	var rej *RejectedError
	if err := Send(ctx, a, out.To, data); !errors.As(err, &rej) || rej.Code != 554 {
		t.Fatalf("rejected: %v", err)
	}
	srv.RejectData("")
	srv.Delay(2 * time.Second)
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	// The seller gave up while the server had the whole mail: it may
	// have gone out.
	if err := Send(short, a, out.To, data); !errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("slow server: %v", err)
	}
	if n := len(srv.Received()); n != 1 {
		t.Fatalf("%d mails received; the dropped and refused ones must not count", n)
	}
}

func TestProviders(t *testing.T) {
	p, ok := ProviderFor("Shop@GMX.de")
	if !ok || p.IMAP.Host != "imap.gmx.net" {
		t.Fatalf("%+v %v", p, ok)
	}
	if p, _ := ProviderFor("x@gmail.com"); !p.AppPassword {
		t.Fatal("Gmail needs an app password")
	}
	if _, ok := ProviderFor("x@example.org"); ok {
		t.Fatal("unknown provider found")
	}
}
