package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUsageErrors: wrong command lines get exit 2 and say what is wrong,
// before anything is opened or sent.
func TestUsageErrors(t *testing.T) {
	s := newShop(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"orders", "--format", "xml"}, "--format must be table or json"},
		{[]string{"orders", "--since", "last week"}, "--since \"last week\""},
		{[]string{"orders", "--marketplace", "Atlantis"}, "not a marketplace ID or country code"},
		{[]string{"orders", "--limit", "0"}, "--limit must be between"},
		{[]string{"orders", "extra"}, "unexpected argument"},
		{[]string{"actions"}, "name one order ID"},
		{[]string{"send", "302-1234567-1234567", "-"}, "--kind is required"},
		{[]string{"send", "302-1234567-1234567", "--kind", "unexpectedProblem"}, "--text-file"},
		{[]string{"send", "--kind", "unexpectedProblem", "-"}, "name one order ID"},
		{[]string{"send", "302-1234567-1234567", "--kind", "postcard", "-"}, "postcard"},
		{[]string{"send", "302-1234567-1234567", "--kind", "unexpectedProblem", "--text-file", "/nonexistent/msg.txt"}, "/nonexistent/msg.txt"},
		{[]string{"request-review"}, "name one order ID, or give --all-eligible"},
		{[]string{"request-review", "302-1234567-1234567", "--all-eligible"}, "name one order ID, or give --all-eligible"},
		{[]string{"history", "--status", "lost"}, "--status \"lost\""},
		{[]string{"history", "--kind", "postcard"}, "postcard"},
		{[]string{"history", "--format", "xml"}, "--format must be table, csv or json"},
		{[]string{"history", "--reviews", "--search", "parcel"}, "--search applies to messages only"},
		{[]string{"history", "--reviews", "--kind", "unexpectedProblem"}, "--kind applies to messages only"},
		{[]string{"history", "--reviews", "--status", "queued"}, "review requests are sending, sent, failed or unknown"},
		{[]string{"history", "--reviews", "--format", "xml"}, "--format must be table, csv or json"},
		{[]string{"history", "--reviews", "--limit", "0"}, "--limit must be between"},
		{[]string{"login", "--region", "asia"}, "want eu, na or fe"},
		{[]string{"sync", "now"}, "unexpected argument"},
		{[]string{"send", "-h"}, "3 outcome unknown"},
	} {
		args := tc.args
		if args[0] != "login" { // login refuses --demo
			args = append(args, "--demo")
		}
		r := s.run("", args...)
		if r.code != exitUsage || !strings.Contains(r.errOut, tc.want) {
			t.Errorf("sellermail %s: exit %d, want %d with %q\nstderr: %s", strings.Join(tc.args, " "), r.code, exitUsage, tc.want, r.errOut)
		}
		if r.out != "" {
			t.Errorf("sellermail %s printed %q on stdout", strings.Join(tc.args, " "), r.out)
		}
	}
}

// TestUnknownOrder: an order ID that is malformed or unknown to Amazon is a
// clear error with exit 2, and nothing is sent.
func TestUnknownOrder(t *testing.T) {
	s := newShop(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"actions", "123-4567890-1234567"}, "Amazon does not know the order 123-4567890-1234567."},
		{[]string{"actions", "12345"}, "“12345” is not an Amazon order ID"},
		{[]string{"send", "123-4567890-1234567", "--kind", "unexpectedProblem", "-"}, "Amazon does not know the order 123-4567890-1234567."},
		{[]string{"request-review", "123-4567890-1234567"}, "is not in the local data; sync first"},
		{[]string{"request-review", "123-4567890-1234567", "--dry-run"}, "Amazon does not know the order"},
	} {
		r := s.run("Guten Tag, eine Frage zu Ihrer Bestellung.", append([]string{"--demo"}, tc.args...)...)
		if r.code != exitUsage || !strings.Contains(r.out+r.errOut, tc.want) {
			t.Errorf("sellermail %s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), r.code, exitUsage, tc.want, r.out, r.errOut)
		}
	}
	if r := s.must(exitOK, "history", "--demo", "--format", "json"); strings.TrimSpace(r.out) != "[]" {
		t.Errorf("history = %s, want empty", r.out)
	}
}

// TestGermanOutput: --ui-lang de (or a German locale) speaks German,
// with the demo notice said once.
func TestGermanOutput(t *testing.T) {
	s := newShop(t)
	r := s.must(exitOK, "sync", "--ui-lang", "de", "--demo")
	if !strings.HasPrefix(r.errOut, "Demo-Modus: ") || strings.Count(r.errOut, "Demo-Modus") != 1 {
		t.Errorf("German demo notice = %q", r.errOut)
	}
	if !strings.Contains(r.out, "Marktplätze synchronisiert") {
		t.Errorf("German sync summary = %q", r.out)
	}
	s.env["LANG"] = "de_DE.UTF-8"
	r = s.must(exitUsage, "actions", "--demo", "999-0000000-0000000")
	if !strings.Contains(r.errOut, "Amazon kennt die Bestellung 999-0000000-0000000 nicht.") {
		t.Errorf("German error = %q", r.errOut)
	}
}

// TestOrderFilters checks the filters against the JSON list itself.
func TestOrderFilters(t *testing.T) {
	s := newShop(t)
	s.must(exitOK, "--demo", "sync")
	list := func(args ...string) []orderJSON {
		t.Helper()
		var out []orderJSON
		r := s.must(exitOK, append([]string{"orders", "--demo", "--format", "json", "--limit", "1000"}, args...)...)
		if err := json.Unmarshal([]byte(r.out), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	all := list()
	if len(all) != testOrders {
		t.Fatalf("%d orders listed, want all %d", len(all), testOrders)
	}
	shipped := list("--status", "shipped")
	if len(shipped) == 0 || len(shipped) == len(all) {
		t.Fatalf("--status shipped kept %d of %d", len(shipped), len(all))
	}
	for _, o := range shipped {
		if o.Status != "SHIPPED" {
			t.Errorf("--status shipped listed %s (%s)", o.OrderID, o.Status)
		}
	}
	cutoff := time.Now().AddDate(0, 0, -7)
	for _, o := range list("--since", "7d") {
		if o.PurchaseDate.Before(cutoff.Add(-time.Minute)) {
			t.Errorf("--since 7d listed %s bought %s", o.OrderID, o.PurchaseDate)
		}
	}
	eligible := list("--eligible")
	if len(eligible) == 0 {
		t.Fatal("no order is eligible for a review request")
	}
	for _, o := range eligible {
		if o.Status != "SHIPPED" || o.ReviewRequested {
			t.Errorf("--eligible listed %s (%s, requested %t)", o.OrderID, o.Status, o.ReviewRequested)
		}
	}
	// One order found by its ID through --search.
	if got := list("--search", all[3].OrderID); len(got) != 1 || got[0].OrderID != all[3].OrderID {
		t.Errorf("--search %s found %d orders", all[3].OrderID, len(got))
	}
	if len(list("--has-messages")) != 0 {
		t.Error("--has-messages lists orders before any message was sent")
	}

	// One review request: that order drops out of --eligible.
	r := s.must(exitOK, "request-review", eligible[0].OrderID, "--demo")
	if !strings.HasPrefix(r.out, "review requested (Amazon request ID ") {
		t.Errorf("request-review printed %q", r.out)
	}
	if got := list("--eligible"); len(got) != len(eligible)-1 {
		t.Errorf("after one request %d orders are eligible, want %d", len(got), len(eligible)-1)
	}
	r = s.must(exitFindings, "request-review", eligible[0].OrderID, "--demo")
	if !strings.Contains(r.out, "not eligible: A review was already requested") {
		t.Errorf("second request printed %q", r.out)
	}
}

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
		err  bool
	}{
		{"", time.Time{}, false},
		{"7d", now.AddDate(0, 0, -7), false},
		{"0d", now, false},
		{"2026-01-31", time.Date(2026, 1, 31, 0, 0, 0, 0, time.Local), false},
		{"-3d", time.Time{}, true},
		{"2026-02-30", time.Time{}, true},
		{"yesterday", time.Time{}, true},
		{"99999999d", time.Time{}, true},
	} {
		got, err := parseSince(tc.in, now)
		if (err != nil) != tc.err || !got.Equal(tc.want) {
			t.Errorf("parseSince(%q) = %v, %v; want %v (error %t)", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// TestProgress: a terminal sees one rewritten line that is cleared before
// the summary; anything else sees nothing.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progressLine{w: &buf, on: true}
	p.show("Syncing %s: %d orders", "DE", 10)
	p.show("Syncing %s: %d orders", "DE", 200)
	p.clear()
	p.clear()
	if want := "\rSyncing DE: 10 orders\x1b[K\rSyncing DE: 200 orders\x1b[K\r\x1b[K"; buf.String() != want {
		t.Errorf("terminal got %q, want %q", buf.String(), want)
	}

	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, w := range []io.Writer{&bytes.Buffer{}, f} {
		p := newProgress(w)
		p.show("Syncing")
		p.clear()
		if p.on || p.shown {
			t.Errorf("progress on for %T", w)
		}
	}
	if st, _ := f.Stat(); st.Size() != 0 {
		t.Errorf("progress wrote %d bytes to a file", st.Size())
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Kurz", 10, "Kurz"},
		{"Zeile eins\nZeile  zwei", 30, "Zeile eins Zeile zwei"},
		{"Größenangabe überprüfen", 8, "Größena…"},
	} {
		if got := shorten(tc.in, tc.n); got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
