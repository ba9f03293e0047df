package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// seedReviewRequests records a sent, a failed and an interrupted review
// request (the service marks the last one unknown when it opens), and one
// message, so switching between the two lists shows.
func seedReviewRequests(t *testing.T) func(*store.Store) {
	return func(st *store.Store) {
		ctx := context.Background()
		record := func(order string, status store.ReviewStatus, requestID, errText string) {
			id, err := st.RecordReviewRequest(ctx, store.ReviewRequest{OrderID: order, MarketplaceID: "A1PA6795UKMFR9"})
			if err != nil {
				t.Fatal(err)
			}
			if status != store.ReviewSending {
				if err := st.UpdateReviewRequest(ctx, id, status, requestID, errText); err != nil {
					t.Fatal(err)
				}
			}
		}
		record("302-0000000-0000001", store.ReviewSent, "req-sent-1", "")
		record("302-0000000-0000002", store.ReviewFailed, "", "Amazon refused the request: the order is too old.")
		record("302-0000000-0000003", store.ReviewSending, "", "")
		if _, err := st.EnqueueMessage(ctx, store.Message{OrderID: "302-1111111-2222222", MarketplaceID: "A1PA6795UKMFR9",
			Kind: string(policy.KindUnexpectedProblem), Lang: "en", Text: "Queued notice about the parcel"}); err != nil {
			t.Fatal(err)
		}
	}
}

// listedReviews are the order IDs of the review requests listed, in order.
func listedReviews(s *HistoryScreen) []string {
	out := make([]string, len(s.reviews))
	for i, r := range s.reviews {
		out[i] = r.OrderID
	}
	return out
}

func TestHistoryShowsReviewRequestsAndResolves(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), seedReviewRequests(t))
	s, _ := newTestHistory(t, svc)
	if len(s.messages) != 1 || s.showReviews {
		t.Fatalf("the history starts with %d messages (reviews %v), want the one message", len(s.messages), s.showReviews)
	}
	listReviewRequests(t, s)
	showSentAndResolveUnknown(t, s)
	filterReviewRequests(t, s)
	reviewsInGermanThenMessages(t, s)
}

// listReviewRequests: "Review requests" lists them newest first, with the
// message-only filters off and a failed one marked.
func listReviewRequests(t *testing.T, s *HistoryScreen) {
	t.Helper()
	selectOption(t, s.filters.show, "Review requests")
	s.wait()
	want := []string{"302-0000000-0000003", "302-0000000-0000002", "302-0000000-0000001"}
	if got := listedReviews(s); strings.Join(got, " ") != strings.Join(want, " ") || s.list.Length() != 3 {
		t.Fatalf("listed review requests %v (list length %d), want newest first %v", got, s.list.Length(), want)
	}
	if s.count.Text != "Review requests: 3" {
		t.Errorf("count = %q", s.count.Text)
	}
	if !s.filters.search.Disabled() || !s.filters.kind.Disabled() {
		t.Error("search and purpose stay enabled, though they apply to messages only")
	}
	row := newHistoryRow().(*historyRow)
	s.updateRow(1, row)
	if row.kind.Text != "Review request" || row.status.Text != "Not sent" || row.order.Text != "302-0000000-0000002" ||
		!strings.Contains(row.text.Text, "too old") || row.status.Importance != widget.DangerImportance {
		t.Errorf("failed row shows %q · %q · %q · %q", row.order.Text, row.kind.Text, row.status.Text, row.text.Text)
	}
}

// showSentAndResolveUnknown: the sent one shows its request ID and offers
// nothing; the interrupted one is unclear, says why, and can be resolved.
func showSentAndResolveUnknown(t *testing.T, s *HistoryScreen) {
	t.Helper()
	s.list.Select(2)
	if s.detail.title.Text != "Review request for order 302-0000000-0000001" || s.detail.status.Text != "Sent" ||
		!strings.Contains(s.detail.facts.Text, "req-sent-1") {
		t.Errorf("sent detail: %q / %q / %q", s.detail.title.Text, s.detail.status.Text, s.detail.facts.Text)
	}
	if s.detail.gotIt.Visible() || s.detail.text.Visible() || s.detail.reuse.Visible() || s.detail.sendNow.Visible() {
		t.Error("a sent review request offers message actions or a text")
	}

	// The interrupted one is unclear, says why, and can be resolved.
	s.list.Select(0)
	if s.detail.status.Text != "Unclear whether it arrived" || !strings.Contains(s.detail.reason.Text, "review request") ||
		!s.detail.gotIt.Visible() || !s.detail.notSent.Visible() {
		t.Fatalf("unknown detail: status %q, reason %q, resolve offered %v", s.detail.status.Text, s.detail.reason.Text, s.detail.gotIt.Visible())
	}
	test.Tap(s.detail.notSent)
	s.wait()
	if s.reviews[0].Status != store.ReviewFailed || !strings.Contains(app.StoredReason(s.reviews[0].Error, Lang()), "as the seller checked") {
		t.Fatalf("after \"It was not sent\": %+v", s.reviews[0])
	}
	if s.detail.status.Text != "Not sent" || s.detail.gotIt.Visible() {
		t.Errorf("the detail still shows the old status %q", s.detail.status.Text)
	}
}

// filterReviewRequests: the status and order filters apply to them.
func filterReviewRequests(t *testing.T, s *HistoryScreen) {
	t.Helper()
	selectOption(t, s.filters.status, "Not sent")
	s.wait()
	if got := listedReviews(s); len(got) != 2 {
		t.Errorf("not sent filter lists %v", got)
	}
	selectOption(t, s.filters.status, "Any")
	s.filters.order.SetText("302-0000000-0000001")
	s.wait()
	if got := listedReviews(s); len(got) != 1 || got[0] != "302-0000000-0000001" {
		t.Errorf("order filter lists %v", got)
	}
}

// reviewsInGermanThenMessages: the screen speaks German, then goes back to
// the messages.
func reviewsInGermanThenMessages(t *testing.T, s *HistoryScreen) {
	t.Helper()
	setTestLanguage(t, LanguageGerman)
	if s.filters.show.Selected != "Bewertungsanfragen" || s.count.Text != "Bewertungsanfragen: 1" {
		t.Errorf("German: show %q, count %q", s.filters.show.Selected, s.count.Text)
	}
	setTestLanguage(t, LanguageEnglish)
	s.filters.order.SetText("")
	selectOption(t, s.filters.show, "Messages")
	s.wait()
	if len(s.messages) != 1 || s.list.Length() != 1 || s.count.Text != "Messages: 1" || s.filters.search.Disabled() {
		t.Errorf("back to messages: %d listed, count %q", len(s.messages), s.count.Text)
	}
}

func TestHistoryListsReviewsRequestedForAllEligible(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), nil)
	ctx := context.Background()
	if _, err := svc.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	sum, err := svc.RequestReviewsAll(ctx, false, nil)
	if err != nil || sum.Sent == 0 {
		t.Fatalf("RequestReviewsAll: %+v, %v", sum, err)
	}
	s, _ := newTestHistory(t, svc)
	selectOption(t, s.filters.show, "Review requests")
	s.wait()
	if len(s.reviews) != sum.Sent {
		t.Fatalf("the history lists %d review requests, want the %d sent", len(s.reviews), sum.Sent)
	}
	for _, r := range s.reviews {
		if r.Status != store.ReviewSent {
			t.Errorf("review request for %s is %s", r.OrderID, r.Status)
		}
	}

	rows, data := exportCSV(t, s)
	if len(rows) != sum.Sent+1 || rows[0][3] != "order_id" || rows[1][3] != s.reviews[0].OrderID {
		t.Errorf("export of the review requests: %d rows\n%s", len(rows), data)
	}
}
