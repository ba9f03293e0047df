package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A compliant German message about a delay, and one with a link (%s: the order ID).
const (
	delayFormat = "Guten Tag,\n\nleider verzögert sich der Versand Ihrer Bestellung %s um zwei Tage, weil unser Paketdienst " +
		"die Abholung verschoben hat. Sie erhalten die Sendung voraussichtlich am Freitag.\n\nMit freundlichen Grüßen\nIhr Team"
	linkFormat = "Guten Tag,\n\nleider verzögert sich der Versand Ihrer Bestellung %s um zwei Tage. Den aktuellen Stand finden Sie " +
		"unter https://paketstatus.example.com/verfolgung.\n\nMit freundlichen Grüßen\nIhr Team"
)

// TestNewSellerFlow walks the command line the way a new seller does in
// the demo: sync, list, look at an order, lint and send a message, refuse a
// message with a link, request reviews and find the message in the history.
func TestNewSellerFlow(t *testing.T) {
	s := newShop(t)
	syncAndListOrders(t, s)
	order := demoOrderOffering(t, s, "DE", "unexpectedProblem")
	delayText := lintAndSend(t, s, order)
	findInHistory(t, s, order, delayText)
	requestReviews(t, s)
}

// syncAndListOrders: the first sync, and the orders as a table and as JSON.
func syncAndListOrders(t *testing.T, s *shop) {
	t.Helper()
	r := s.must(exitOK, "sync", "--demo")
	if !strings.Contains(r.out, "Synced") {
		t.Errorf("sync printed %q, want a summary", r.out)
	}
	if !strings.HasPrefix(strings.ToLower(r.errOut), "demo mode") || strings.Count(r.errOut, "\n") != 1 {
		t.Errorf("sync stderr = %q, want exactly one line starting with the demo notice", r.errOut)
	}
	if strings.Contains(r.errOut, "\r") {
		t.Errorf("progress written to a pipe: %q", r.errOut)
	}

	// The table and the JSON list the same orders.
	table := s.must(exitOK, "orders", "--demo", "--limit", "20")
	lines := strings.Split(strings.TrimSpace(table.out), "\n")
	if len(lines) != 21 || !strings.HasPrefix(lines[0], "ORDER") {
		t.Fatalf("orders table has %d lines, want header + 20:\n%s", len(lines), table.out)
	}
	var orders []orderJSON
	js := s.must(exitOK, "--demo", "orders", "--format", "json", "--limit", "20")
	if err := json.Unmarshal([]byte(js.out), &orders); err != nil {
		t.Fatalf("orders --format json: %v\n%s", err, js.out)
	}
	if len(orders) != 20 {
		t.Fatalf("orders JSON has %d orders, want 20", len(orders))
	}
	for i, o := range orders {
		if !strings.HasPrefix(lines[i+1], o.OrderID+" ") {
			t.Errorf("table row %d = %q, JSON says order %s", i+1, lines[i+1], o.OrderID)
		}
	}
}

// lintAndSend: a German order to which Amazon lets us write about a
// problem; a message with a link is refused, a compliant one goes out.
// It returns the text sent.
func lintAndSend(t *testing.T, s *shop, order string) string {
	t.Helper()
	act := s.must(exitOK, "actions", order, "--demo")
	for _, want := range []string{"unexpectedProblem", "Buyer's language: de", "Review request:", "reply: Replies to buyer messages"} {
		if !strings.Contains(act.out, want) {
			t.Errorf("actions output lacks %q:\n%s", want, act.out)
		}
	}

	dir := t.TempDir()
	good := filepath.Join(dir, "delay.txt")
	bad := filepath.Join(dir, "link.txt")
	delayText := fmt.Sprintf(delayFormat, order)
	writeFile(t, good, delayText)
	writeFile(t, bad, fmt.Sprintf(linkFormat, order))

	if r := s.must(exitOK, "lint", good, "--lang", "de", "--order", order, "--kind", "unexpectedProblem"); r.out != "" {
		t.Errorf("lint finds something in the compliant text:\n%s", r.out)
	}
	r := s.must(exitFindings, "lint", bad, "--order", order, "--lang", "de")
	if !strings.Contains(r.out, "EXTERNAL_LINK") {
		t.Errorf("lint misses the link:\n%s", r.out)
	}

	// The link blocks sending; nothing reaches Amazon or the history.
	r = s.must(exitFindings, "send", order, "--kind", "unexpectedProblem", "--text-file", bad, "--demo")
	if !strings.Contains(r.out, bad+":") || !strings.Contains(r.out, "block EXTERNAL_LINK") || !strings.Contains(r.out, "not sent:") {
		t.Errorf("refused send printed:\n%s", r.out)
	}
	if r := s.must(exitOK, "history", "--demo", "--format", "json"); strings.TrimSpace(r.out) != "[]" {
		t.Fatalf("history after a refused send = %s, want empty", r.out)
	}

	// A dry run checks and sends nothing.
	r = s.must(exitOK, "send", order, "--kind", "unexpectedProblem", "--text-file", good, "--dry-run", "--demo")
	if !strings.Contains(r.out, "dry run") {
		t.Errorf("dry run printed %q", r.out)
	}
	if r := s.must(exitOK, "history", "--demo", "--format", "json"); strings.TrimSpace(r.out) != "[]" {
		t.Fatalf("history after a dry run = %s, want empty", r.out)
	}

	// The compliant text goes out, read from standard input this time.
	sent := s.run(delayText, "--demo", "send", order, "-", "--kind", "unexpectedProblem")
	if sent.code != exitOK || !regexp.MustCompile(`(?m)^sent \(Amazon request ID \S+\)$`).MatchString(sent.out) {
		t.Fatalf("send: exit %d\n%s\n%s", sent.code, sent.out, sent.errOut)
	}
	return delayText
}

// findInHistory: the history finds the message sent by a word of its
// text, in every format.
func findInHistory(t *testing.T, s *shop, order, delayText string) {
	t.Helper()
	r := s.must(exitOK, "history", "--search", "Paketdienst", "--demo")
	if !strings.Contains(r.out, order) || !strings.Contains(r.out, "unexpectedProblem") || !strings.Contains(r.out, "sent") {
		t.Errorf("history table:\n%s", r.out)
	}
	var msgs []messageJSON
	if err := json.Unmarshal([]byte(s.must(exitOK, "history", "--demo", "--search", "Paketdienst", "--format", "json").out), &msgs); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].OrderID != order || msgs[0].Text != delayText || msgs[0].Status != "sent" || msgs[0].Lang != "de" {
		t.Errorf("history JSON = %+v", msgs)
	}
	rows, err := csv.NewReader(strings.NewReader(s.must(exitOK, "history", "--format", "csv", "--search", "Paketdienst", "--demo").out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !strings.Contains(strings.Join(rows[1], "|"), order) {
		t.Errorf("history CSV = %q, want a header and the message", rows)
	}
	if r := s.must(exitOK, "history", "--search", "Regenschirm", "--demo", "--format", "json"); strings.TrimSpace(r.out) != "[]" {
		t.Errorf("search for a word not in any message found %s", r.out)
	}
	if r := s.must(exitOK, "orders", "--has-messages", "--format", "json", "--demo"); !strings.Contains(r.out, order) {
		t.Errorf("orders --has-messages lacks %s:\n%s", order, r.out)
	}
}

// requestReviews: a dry run counts, the real run sends that many, and the
// history lists them.
func requestReviews(t *testing.T, s *shop) {
	t.Helper()
	dry := s.must(exitOK, "request-review", "--all-eligible", "--dry-run", "--demo")
	m := regexp.MustCompile(`dry run: (\d+) orders are eligible`).FindStringSubmatch(dry.out)
	if m == nil {
		t.Fatalf("dry run printed %q", dry.out)
	}
	eligible, _ := strconv.Atoi(m[1])
	if eligible == 0 {
		t.Fatalf("no demo order is eligible for a review request: %s", dry.out)
	}
	r := s.run("", "request-review", "--demo", "--all-eligible")
	m = regexp.MustCompile(`Review requests: (\d+) sent, (\d+) skipped \(not eligible\), (\d+) failed, (\d+) outcome unknown \(of (\d+) orders\)`).FindStringSubmatch(r.out)
	if m == nil || m[5] != strconv.Itoa(eligible) {
		t.Fatalf("request-review --all-eligible: exit %d, want a summary over %d orders:\n%s\n%s", r.code, eligible, r.out, r.errOut)
	}
	if n, _ := strconv.Atoi(m[1]); n == 0 {
		t.Errorf("no review request was sent: %s", r.out)
	}
	sentReviews, _ := strconv.Atoi(m[1])
	reviewHistory(t, s, sentReviews)

	// Every order asked once is no longer eligible.
	again := s.must(exitOK, "request-review", "--all-eligible", "--dry-run", "--demo")
	if !strings.Contains(again.out, "dry run: 0 orders") {
		t.Errorf("after requesting, dry run says %q", again.out)
	}
}

// reviewHistory: the history lists the review requests sent, in every format.
func reviewHistory(t *testing.T, s *shop, sentReviews int) {
	t.Helper()
	var reviews []reviewRequestJSON
	if err := json.Unmarshal([]byte(s.must(exitOK, "history", "--reviews", "--demo", "--format", "json", "--limit", "1000").out), &reviews); err != nil {
		t.Fatal(err)
	}
	if len(reviews) != sentReviews || len(reviews) == 0 {
		t.Fatalf("history --reviews JSON: %d requests, want the %d sent", len(reviews), sentReviews)
	}
	if reviews[0].Status != "sent" || reviews[0].RequestID == "" || reviews[0].Country == "" {
		t.Fatalf("history --reviews JSON: first %+v", reviews[0])
	}
	reviewTable := s.must(exitOK, "history", "--reviews", "--demo", "--order", reviews[0].OrderID)
	if lines := strings.Split(strings.TrimSpace(reviewTable.out), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "ID") ||
		!strings.Contains(lines[1], reviews[0].OrderID) || !strings.Contains(lines[1], "sent") || !strings.Contains(lines[1], reviews[0].RequestID) {
		t.Errorf("history --reviews --order table:\n%s", reviewTable.out)
	}
	rows, err := csv.NewReader(strings.NewReader(s.must(exitOK, "history", "--reviews", "--format", "csv", "--demo").out)).ReadAll()
	if err != nil || len(rows) != sentReviews+1 || rows[0][3] != "order_id" || rows[1][3] != reviews[0].OrderID {
		t.Errorf("history --reviews CSV: %d rows, %v", len(rows), err)
	}
	if r := s.must(exitOK, "history", "--reviews", "--status", "failed", "--demo"); r.out != "" || !strings.Contains(r.errOut, "No review requests match") {
		t.Errorf("history --reviews --status failed: %q / %q", r.out, r.errOut)
	}
	if r := s.must(exitOK, "history", "--reviews", "--status", "failed", "--demo", "--ui-lang", "de"); !strings.Contains(r.errOut, "Keine Bewertungsanfragen gefunden") {
		t.Errorf("German empty history --reviews: %q", r.errOut)
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
