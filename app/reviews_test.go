package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

// solicitations counts the review requests the demo server received.
func solicitations(srv *sandbox.Server) int {
	n := 0
	for _, r := range srv.Sent() {
		if r.Kind == "productReviewAndSellerFeedback" {
			n++
		}
	}
	return n
}

func TestRequestReview(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	eligible, err := s.Orders(ctx, store.OrderFilter{ReviewEligible: true})
	if err != nil || len(eligible) == 0 {
		t.Fatalf("no eligible demo orders: %v", err)
	}
	id := eligible[0].OrderID
	r, err := s.RequestReview(ctx, id)
	if err != nil || r.Status != store.ReviewSent || r.RequestID == "" {
		t.Fatalf("RequestReview: %+v, %v", r, err)
	}
	if solicitations(s.demo) != 1 {
		t.Fatalf("sandbox got %d review requests", solicitations(s.demo))
	}
	// A second request is refused locally: Amazon allows one per order.
	_, err = s.RequestReview(ctx, id)
	ref := wantRefusal(t, err, ErrNotEligible)
	if ref.Eligibility == nil || ref.Eligibility.Reason != ReasonAlreadyRequested {
		t.Fatalf("second request refused with %+v", ref.Eligibility)
	}
	if solicitations(s.demo) != 1 {
		t.Fatal("the second request reached Amazon")
	}
	d, _ := s.OrderDetail(ctx, id)
	if d.Eligibility.OK || d.Eligibility.Reason != ReasonAlreadyRequested {
		t.Fatalf("detail eligibility %+v", d.Eligibility)
	}

	// An unshipped order is not eligible, with the reason in German too.
	un, _ := s.Orders(ctx, store.OrderFilter{Status: "UNSHIPPED", Limit: 1})
	if len(un) == 0 {
		t.Fatal("no unshipped demo order")
	}
	_, err = s.RequestReview(ctx, un[0].OrderID)
	if !strings.Contains(Explain(err, i18n.German), "versandte") {
		t.Fatalf("German reason %q", Explain(err, i18n.German))
	}
}

func TestRequestReviewNotOfferedByAmazon(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	eligible, _ := s.Orders(ctx, store.OrderFilter{ReviewEligible: true})
	id := eligible[0].OrderID
	// Requested outside Sellermail: locally eligible, but Amazon no longer offers it.
	if _, err := s.client.RequestReview(ctx, id, eligible[0].MarketplaceID); err != nil {
		t.Fatal(err)
	}
	_, err := s.RequestReview(ctx, id)
	ref := wantRefusal(t, err, ErrNotEligible)
	if ref.Eligibility.Reason != ReasonNotOffered {
		t.Fatalf("reason %v, want ReasonNotOffered", ref.Eligibility.Reason)
	}
	if solicitations(s.demo) != 1 {
		t.Fatalf("sandbox got %d requests, want only the outside one", solicitations(s.demo))
	}
	// Amazon's answer is kept as a fact of the order.
	d, _ := s.OrderDetail(ctx, id)
	if d.ReviewOffered == nil || *d.ReviewOffered || d.Eligibility.Reason != ReasonNotOffered {
		t.Fatalf("detail: offered %v, eligibility %+v", d.ReviewOffered, d.Eligibility)
	}
}

func TestRequestReviewsAll(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	want, err := s.CountOrders(ctx, store.OrderFilter{ReviewEligible: true})
	if err != nil || want < 2 {
		t.Fatalf("need at least two eligible demo orders, have %d (%v)", want, err)
	}
	dry, err := s.RequestReviewsAll(ctx, true, nil)
	if err != nil || dry.Eligible != want || dry.Total != want {
		t.Fatalf("dry run: %+v, %v; want %d eligible", dry, err, want)
	}
	if solicitations(s.demo) != 0 {
		t.Fatal("the dry run reached Amazon")
	}
	var reports []ReviewProgress
	sum, err := s.RequestReviewsAll(ctx, false, func(p ReviewProgress) { reports = append(reports, p) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Sent != want || len(reports) != want || reports[len(reports)-1].Done != want {
		t.Fatalf("batch: %+v with %d reports; want %d sent", sum, len(reports), want)
	}
	if solicitations(s.demo) != want {
		t.Fatalf("sandbox got %d requests, want %d", solicitations(s.demo), want)
	}
	again, err := s.RequestReviewsAll(ctx, false, nil)
	if err != nil || again.Total != 0 {
		t.Fatalf("second batch: %+v, %v", again, err)
	}
}

func TestReviewRecoveryAfterCrash(t *testing.T) {
	ctx := context.Background()
	opts := testOptions(t, newMemKeyring())
	s1, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s1.store.RecordReviewRequest(ctx, store.ReviewRequest{OrderID: "302-0000000-0000002", MarketplaceID: "A1PA6795UKMFR9"})
	if err != nil {
		t.Fatal(err)
	}
	s1.Close()
	s2 := openTest(t, opts)
	rs, err := s2.ReviewRequests(ctx, "302-0000000-0000002")
	if err != nil || len(rs) != 1 || rs[0].ID != id || rs[0].Status != store.ReviewUnknown {
		t.Fatalf("after reopen: %+v, %v", rs, err)
	}
}

func TestReviewRequestWithLostAnswerIsExplainedAsAReviewRequest(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	eligible, err := s.Orders(ctx, store.OrderFilter{ReviewEligible: true})
	if err != nil || len(eligible) == 0 {
		t.Fatalf("no eligible demo orders: %v", err)
	}
	o := eligible[0]
	s.demo.SetFaults(sandbox.Faults{DropAfterRead: true, Count: 1,
		PathPrefix: "/solicitations/v1/orders/" + o.OrderID + "/solicitations/productReviewAndSellerFeedback"})
	r, err := s.RequestReview(ctx, o.OrderID)
	if !errors.Is(err, spapi.ErrOutcomeUnknown) || r.Status != store.ReviewUnknown {
		t.Fatalf("RequestReview: %+v, %v", r, err)
	}
	rs, _ := s.ReviewRequests(ctx, o.OrderID)
	if len(rs) != 1 || rs[0].Status != store.ReviewUnknown {
		t.Fatalf("recorded %+v", rs)
	}
	for _, c := range []struct {
		lang       i18n.Lang
		text, want string
	}{
		{i18n.English, Explain(err, i18n.English), "review request"},
		{i18n.German, Explain(err, i18n.German), "Bewertungsanfrage"},
		{i18n.English, StoredReason(rs[0].Error, i18n.English), "review request"},
		{i18n.German, StoredReason(rs[0].Error, i18n.German), "Bewertungsanfrage"},
	} {
		if !strings.Contains(c.text, c.want) || strings.Contains(c.text, "Buyer-Seller") || strings.Contains(c.text, "Käufer-Verkäufer") {
			t.Errorf("%s explanation %q does not speak of the review request", c.lang, c.text)
		}
	}
}

func TestReviewRecoveryLeavesWhatAnotherProcessFinished(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	id, err := s.store.RecordReviewRequest(ctx, store.ReviewRequest{OrderID: "302-0000000-0000002", MarketplaceID: "A1PA6795UKMFR9"})
	if err != nil {
		t.Fatal(err)
	}
	// This process lists the request as being sent; meanwhile the other
	// process (the window, say) records Amazon's acceptance.
	snapshot, err := s.store.ReviewRequests(ctx, "", store.MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.UpdateReviewRequest(ctx, id, store.ReviewSent, "req-accepted", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.markReviewsInterrupted(ctx, snapshot); err != nil {
		t.Fatalf("recovery failed on a request another process finished: %v", err)
	}
	rs, _ := s.ReviewRequests(ctx, "302-0000000-0000002")
	if len(rs) != 1 || rs[0].Status != store.ReviewSent || rs[0].RequestID != "req-accepted" {
		t.Fatalf("recovery changed a sent request: %+v", rs)
	}
}
