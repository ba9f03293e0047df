package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

func TestHistoryListsSentMessagesAndSearches(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), nil)
	ids := sentDemoMessages(t, svc, "a thunderstorm flooded the warehouse", "the courier van broke down")
	s, _ := newTestHistory(t, svc)

	if got, want := listedOrders(s), []string{ids[1], ids[0]}; !slices.Equal(got, want) {
		t.Fatalf("listed %v, want both messages newest first %v", got, want)
	}
	if s.count.Text != "Messages: 2" {
		t.Errorf("count = %q", s.count.Text)
	}

	s.filters.search.SetText("thunderstorm")
	s.wait()
	if got := listedOrders(s); !slices.Equal(got, []string{ids[0]}) {
		t.Fatalf("search for thunderstorm lists %v, want only %s", got, ids[0])
	}
	s.list.Select(0)
	if !s.detail.body.Visible() || !strings.Contains(s.detail.text.Text, "thunderstorm") {
		t.Fatalf("the detail does not show the message: %q", s.detail.text.Text)
	}
	if s.detail.status.Text != "Sent" {
		t.Errorf("status = %q, want Sent", s.detail.status.Text)
	}
	if s.detail.gotIt.Visible() || s.detail.sendNow.Visible() {
		t.Error("a sent message offers to resolve or send it")
	}

	s.filters.search.SetText("")
	s.wait()
	s.filters.order.SetText(ids[1])
	s.wait()
	if got := listedOrders(s); !slices.Equal(got, []string{ids[1]}) {
		t.Fatalf("order filter lists %v", got)
	}
	if s.detail.body.Visible() {
		t.Error("the detail still shows a message the filter hides")
	}
}

func TestHistoryFiltersByStatusAndResolves(t *testing.T) {
	seed := func(st *store.Store) {
		ctx := context.Background()
		for _, text := range []string{"Queued notice about the parcel", "Notice sent when Sellermail stopped"} {
			id, err := st.EnqueueMessage(ctx, store.Message{OrderID: "302-1111111-2222222", MarketplaceID: "A1PA6795UKMFR9",
				Kind: string(policy.KindUnexpectedProblem), Lang: "en", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(text, "Notice sent") {
				// Left "sending" by a crash: the service marks it unknown when it opens.
				if err := st.MarkSending(ctx, id); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	svc := openScreenService(t, t.TempDir(), seed)
	s, w := newTestHistory(t, svc)
	if len(s.messages) != 2 {
		t.Fatalf("listed %d messages, want the queued and the unknown one", len(s.messages))
	}

	selectOption(t, s.filters.status, "Unclear whether it arrived")
	s.wait()
	if len(s.messages) != 1 || s.messages[0].Status != store.StatusUnknown {
		t.Fatalf("status filter lists %+v", s.messages)
	}
	s.list.Select(0)
	if !s.detail.gotIt.Visible() || !s.detail.notSent.Visible() || s.detail.sendNow.Visible() {
		t.Fatal("an unknown message does not offer to say what Seller Central shows")
	}
	test.Tap(s.detail.gotIt)
	s.wait()
	if len(s.messages) != 0 {
		t.Fatalf("the resolved message is still listed as unknown: %+v", s.messages)
	}

	selectOption(t, s.filters.status, "Sent")
	s.wait()
	if len(s.messages) != 1 || s.messages[0].Text != "Notice sent when Sellermail stopped" {
		t.Fatalf("sent filter lists %+v", s.messages)
	}

	selectOption(t, s.filters.status, "Waiting to be sent")
	s.wait()
	if len(s.messages) != 1 {
		t.Fatalf("queued filter lists %d", len(s.messages))
	}
	s.list.Select(0)
	if !s.detail.sendNow.Visible() || !s.detail.discard.Visible() {
		t.Fatal("a queued message does not offer Send now and Discard")
	}
	test.Tap(s.detail.discard)
	tapDialogButton(t, w, "Yes")
	s.wait()
	selectOption(t, s.filters.status, "Not sent")
	s.wait()
	if len(s.messages) != 1 || !strings.Contains(app.StoredReason(s.messages[0].Error, Lang()), "Discarded") {
		t.Fatalf("the discarded message is not listed as not sent: %+v", s.messages)
	}
}

func TestHistoryReuseHandsOverMessage(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), nil)
	sentDemoMessages(t, svc, "the supplier delivered late")
	s, _ := newTestHistory(t, svc)
	var got []store.Message
	s.OnReuse = func(m store.Message) { got = append(got, m) }
	s.list.Select(0)
	if !s.detail.reuse.Visible() {
		t.Fatal("no Reuse button")
	}
	test.Tap(s.detail.reuse)
	if len(got) != 1 || got[0].ID != s.messages[0].ID || !strings.Contains(got[0].Text, "supplier delivered late") {
		t.Fatalf("OnReuse got %+v", got)
	}
}

func TestHistoryExportWritesCSV(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), nil)
	ids := sentDemoMessages(t, svc, "the label printer failed", "a storm closed the depot")
	s, _ := newTestHistory(t, svc)
	s.filters.search.SetText("storm")
	s.wait()

	rows, _ := exportCSV(t, s)
	if len(rows) != 2 || rows[0][0] != "id" || rows[0][3] != "order_id" {
		t.Fatalf("want the header and the one message the search finds, got %q", rows)
	}
	if rows[1][3] != ids[1] || !strings.Contains(rows[1][9], "storm") {
		t.Errorf("exported row %q, want the message to %s", rows[1], ids[1])
	}
}

func TestHistoryShowsFindingsAtSendTime(t *testing.T) {
	fs := []policy.Finding{{Rule: "EXTERNAL_LINK", Severity: policy.Warn, Start: 4, End: 20, Excerpt: "www.example.com", Message: "Links are risky."}}
	seed := func(st *store.Store) {
		js := `[{"Rule":"EXTERNAL_LINK","Severity":"warn","Start":4,"End":20,"Excerpt":"www.example.com","Message":"Links are risky.","Fix":""}]`
		if _, err := st.EnqueueMessage(context.Background(), store.Message{OrderID: "302-1111111-2222222", MarketplaceID: "A1PA6795UKMFR9",
			Kind: string(policy.KindUnexpectedProblem), Lang: "en", Text: "See www.example.com", FindingsJSON: js}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.EnqueueMessage(context.Background(), store.Message{OrderID: "302-1111111-3333333", MarketplaceID: "A1PA6795UKMFR9",
			Kind: string(policy.KindUnexpectedProblem), Lang: "en", Text: "Broken record", FindingsJSON: `{"Rule":"EXTERNAL_LINK"}`}); err != nil {
			t.Fatal(err)
		}
	}
	svc := openScreenService(t, t.TempDir(), seed)
	s, _ := newTestHistory(t, svc)
	s.filters.order.SetText("302-1111111-2222222")
	s.wait()
	s.list.Select(0)
	rows := s.detail.findings.rows
	if len(rows) != 1 || !rows[0].Visible() {
		t.Fatalf("%d finding rows, want 1", len(rows))
	}
	r := rows[0]
	// The explanation is policy's, in the window's language of now; the
	// rule, severity and words are the ones recorded.
	got := r.finding
	got.Message, got.Fix = fs[0].Message, fs[0].Fix
	if got != fs[0] || !strings.Contains(r.finding.Message, "Links are allowed only") || !strings.Contains(r.head.Text, "EXTERNAL_LINK") || !strings.Contains(r.head.Text, "Warning") ||
		r.excerpt.Text != "“www.example.com”" {
		t.Errorf("finding row shows %q / %q for %+v", r.head.Text, r.excerpt.Text, r.finding)
	}

	s.filters.order.SetText("302-1111111-3333333")
	s.wait()
	s.list.Select(0)
	if s.detail.findings.empty.Text != "The hints recorded with this message cannot be read." {
		t.Errorf("a malformed record shows %q", s.detail.findings.empty.Text)
	}
}

func TestHistoryPagesThroughLongHistory(t *testing.T) {
	const n = historyPage + 50
	seed := func(st *store.Store) {
		for i := range n {
			if _, err := st.EnqueueMessage(context.Background(), store.Message{OrderID: fmt.Sprintf("302-0000000-%07d", i),
				MarketplaceID: "A1PA6795UKMFR9", Kind: string(policy.KindUnexpectedProblem), Lang: "en",
				Text: fmt.Sprintf("Queued notice number %d", i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	svc := openScreenService(t, t.TempDir(), seed)
	s, _ := newTestHistory(t, svc)
	if len(s.messages) != historyPage || !s.more || s.count.Text != fmt.Sprintf("Messages: the first %d, more as you scroll down", historyPage) {
		t.Fatalf("first page: %d messages, more %v, count %q", len(s.messages), s.more, s.count.Text)
	}
	s.list.ScrollToBottom()
	s.wait()
	if len(s.messages) != n || s.more || s.count.Text != fmt.Sprintf("Messages: %d", n) {
		t.Fatalf("after scrolling down: %d messages, more %v, count %q", len(s.messages), s.more, s.count.Text)
	}
	if s.messages[n-1].Text != "Queued notice number 0" || s.messages[0].Text != fmt.Sprintf("Queued notice number %d", n-1) {
		t.Errorf("pages joined out of order: first %q, last %q", s.messages[0].Text, s.messages[n-1].Text)
	}
}

func TestHistoryRelabelsInGerman(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), nil)
	sentDemoMessages(t, svc, "the courier lost the parcel")
	s, _ := newTestHistory(t, svc)
	s.list.Select(0)
	setTestLanguage(t, LanguageGerman)
	if s.export.Text != "Als CSV exportieren…" || s.detail.status.Text != "Gesendet" || s.filters.status.Options[0] != "Alle" {
		t.Errorf("German labels: export %q, status %q, filter %q", s.export.Text, s.detail.status.Text, s.filters.status.Options[0])
	}
	if s.count.Text != "Nachrichten: 1" {
		t.Errorf("count %q", s.count.Text)
	}
}

func TestHistoryFiltersByDate(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), nil)
	sentDemoMessages(t, svc, "the forklift broke")
	s, _ := newTestHistory(t, svc)
	// The day the message was written, so the test holds across midnight.
	written := s.messages[0].CreatedAt.Local()
	today := written.Format(historyDateLayout)
	yesterday := written.AddDate(0, 0, -1).Format(historyDateLayout)

	s.filters.to.SetText(today) // the "to" day is included
	s.wait()
	if len(s.messages) != 1 {
		t.Fatalf("up to today: %d messages, want today's", len(s.messages))
	}
	s.filters.to.SetText(yesterday)
	s.wait()
	if len(s.messages) != 0 {
		t.Fatalf("up to yesterday: %d messages, want none", len(s.messages))
	}
	s.filters.to.SetText("2026-13-45")
	s.wait()
	if len(s.messages) != 1 || s.filters.to.Validate() == nil {
		t.Fatalf("a malformed date filtered (%d messages) or was accepted", len(s.messages))
	}
	s.filters.to.SetText("")
	s.filters.from.SetText(today)
	s.wait()
	if len(s.messages) != 1 {
		t.Fatalf("from today: %d messages", len(s.messages))
	}
}
