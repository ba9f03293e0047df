package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sellermail/app/mailbox"
)

// A seller answers a buyer from the command line: fetch, list, reply.
func TestMailFetchListReply(t *testing.T) {
	s := newShop(t)
	r := s.must(0, "--demo", "mail", "fetch")
	if !strings.Contains(r.out, "6") {
		t.Fatalf("fetch said %q", r.out)
	}
	r = s.must(0, "--demo", "mail", "list", "--format", "json")
	var rows []struct {
		ID       int64  `json:"id"`
		OrderID  string `json:"orderId"`
		Language string `json:"language"`
		Text     string `json:"text"`
	}
	if err := json.Unmarshal([]byte(r.out), &rows); err != nil || len(rows) != 6 {
		t.Fatalf("list: %v\n%s", err, r.out)
	}
	var de int64
	for _, row := range rows {
		if row.Language == "de" && strings.Contains(row.Text, "Leipzig") {
			de = row.ID
		}
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("Schreiben Sie mir an info@example.com."), 0o600)
	s.must(1, "--demo", "mail", "reply", strconv.FormatInt(de, 10), "--text-file", bad)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Guten Tag,\n\nIhr Paket ist unterwegs und kommt morgen an.\n\nViele Grüße"), 0o600)
	s.must(0, "--demo", "mail", "reply", strconv.FormatInt(de, 10), "--text-file", good)
	r = s.must(0, "--demo", "mail", "list", "--unanswered")
	if strings.Contains(r.out, "Leipzig") || len(strings.Split(strings.TrimSpace(r.out), "\n")) != 6 {
		t.Fatalf("unanswered after the reply:\n%s", r.out)
	}
	// The reply is in the history beside the API's messages.
	if r := s.must(0, "--demo", "history"); !strings.Contains(r.out, "reply") {
		t.Fatalf("history lacks the reply:\n%s", r.out)
	}
}

func TestParseMail(t *testing.T) {
	o, err := parseMail([]string{"login", "--user", "shop@gmx.de"})
	if err != nil || o.setup.IMAP.Host != "imap.gmx.net" || o.setup.SMTP.Port != 465 || o.setup.Sender != "shop@gmx.de" {
		t.Fatalf("%+v, %v", o.setup, err)
	}
	o, err = parseMail([]string{"login", "--user", "u", "--imap-host", "imap.example.de", "--imap-security", "starttls", "--smtp-host", "mail.example.de", "--smtp-security", "starttls", "--sender", "shop@example.de"})
	if err != nil || o.setup.IMAP.Port != 143 || o.setup.SMTP.Port != 587 || o.setup.IMAP.Security != mailbox.STARTTLS {
		t.Fatalf("%+v, %v", o.setup, err)
	}
	for _, args := range [][]string{{}, {"nope"}, {"login"}, {"login", "--user", "u@example.org"}, {"login", "--user", "u@gmx.de", "--imap-security", "ssl"},
		{"reply"}, {"reply", "x", "--text-file", "f"}, {"reply", "3"}, {"list", "--format", "csv"}, {"fetch", "extra"}} {
		if _, err := parseMail(args); exitStatus(err) != exitUsage {
			t.Errorf("parseMail(%q) = %v, want a usage error", args, err)
		}
	}
	if o, err := parseMail([]string{"reply", "3", "-"}); err != nil || o.id != 3 || o.src != "-" {
		t.Errorf("reply from stdin: %+v, %v", o, err)
	}
}
