package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestProfiles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := Profile{Name: "default", Region: "eu", MarketplaceIDs: []string{"A1PA6795UKMFR9", "A1F83G8C2ARO7P"}, StoreName: "Teehaus"}
	if err := s.PutProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.StoreName = "Teehaus Berlin"
	if err := s.PutProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetProfile(ctx, "default")
	if err != nil {
		t.Fatal(err)
	}
	if got.StoreName != p.StoreName || !reflect.DeepEqual(got.MarketplaceIDs, p.MarketplaceIDs) || got.UpdatedAt.IsZero() {
		t.Errorf("profile = %+v", got)
	}
	all, _ := s.Profiles(ctx)
	if len(all) != 1 {
		t.Errorf("Profiles = %+v, want one", all)
	}
	s.DeleteProfile(ctx, "default")
	if _, err := s.GetProfile(ctx, "default"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted profile: %v", err)
	}
}

func TestOrderFacts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	f, err := s.GetOrderFacts(ctx, "x")
	if err != nil || !f.MessageKindsFetchedAt.IsZero() || !f.BuyerLocaleFetchedAt.IsZero() || !f.SolicitationFetchedAt.IsZero() {
		t.Fatalf("unknown order facts = %+v, %v; want zero fetch times", f, err)
	}
	at := t0.Add(time.Hour)
	if err := s.PutMessageKinds(ctx, "x", []string{"confirmDeliveryDetails", "unexpectedProblem"}, at); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSolicitationAvailable(ctx, "x", true, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	f, err = s.GetOrderFacts(ctx, "x")
	if err != nil {
		t.Fatal(err)
	}
	want := OrderFacts{OrderID: "x", MessageKinds: []string{"confirmDeliveryDetails", "unexpectedProblem"}, MessageKindsFetchedAt: at,
		SolicitationAvailable: true, SolicitationFetchedAt: at.Add(time.Minute)}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("facts = %+v\nwant %+v", f, want)
	}
	if err := s.PutBuyerLocale(ctx, "x", "de-DE", at); err != nil {
		t.Fatal(err)
	}
	f, _ = s.GetOrderFacts(ctx, "x")
	if f.BuyerLocale != "de-DE" || len(f.MessageKinds) != 2 {
		t.Errorf("a later fact must not erase earlier ones: %+v", f)
	}
}

func TestDrafts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := Draft{OrderID: "o1", Kind: "unexpectedProblem", Text: "Entwurf 1", Attachments: []string{"/tmp/a.pdf"}}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	d.Text = "Entwurf 2"
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetDraft(ctx, "o1", "unexpectedProblem")
	if err != nil || got.Text != "Entwurf 2" || !reflect.DeepEqual(got.Attachments, d.Attachments) || got.UpdatedAt.IsZero() {
		t.Fatalf("draft = %+v, %v", got, err)
	}
	if list, _ := s.DraftsForOrder(ctx, "o1"); len(list) != 1 {
		t.Errorf("one draft per order and kind, got %d", len(list))
	}
	if err := s.SaveDraft(ctx, Draft{OrderID: "o1", Kind: "x", Text: "\xff"}); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("invalid UTF-8 draft: %v", err)
	}
	s.DeleteDraft(ctx, "o1", "unexpectedProblem")
	if _, err := s.GetDraft(ctx, "o1", "unexpectedProblem"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted draft: %v", err)
	}
}

func TestReviewRequests(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	o := testOrder(1)
	s.UpsertOrders(ctx, []Order{o})
	id, err := s.RecordReviewRequest(ctx, ReviewRequest{OrderID: o.OrderID, MarketplaceID: o.MarketplaceID})
	if err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasReviewRequest(ctx, o.OrderID); !has {
		t.Error("a request being sent must count: it may reach Amazon")
	}
	if err := s.UpdateReviewRequest(ctx, id, ReviewFailed, "", "403 not available"); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasReviewRequest(ctx, o.OrderID); has {
		t.Error("a failed request must not count")
	}
	if got, _ := s.GetOrder(ctx, o.OrderID); got.ReviewRequested {
		t.Error("order flag still set after the only request failed")
	}
	list, err := s.ReviewRequests(ctx, o.OrderID, 0)
	if err != nil || len(list) != 1 || list[0].Status != ReviewFailed || list[0].Error != "403 not available" {
		t.Errorf("ReviewRequests = %+v, %v", list, err)
	}
	if err := s.UpdateReviewRequest(ctx, id, "bogus", "", ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("bogus status: %v", err)
	}
	if err := s.UpdateReviewRequest(ctx, 42, ReviewSent, "", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing request: %v", err)
	}
}

func TestTemplates(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id, err := s.SaveTemplate(ctx, Template{Kind: "unexpectedProblem", Lang: "de", Title: "Verzögerung", Body: "Hallo {{.Buyer}}"})
	if err != nil {
		t.Fatal(err)
	}
	s.SaveTemplate(ctx, Template{Kind: "unexpectedProblem", Lang: "en", Title: "Delay", Body: "Hello"})
	if _, err := s.SaveTemplate(ctx, Template{ID: id, Kind: "unexpectedProblem", Lang: "de", Title: "Verzögerung", Body: "Neu"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetTemplate(ctx, id)
	if err != nil || got.Body != "Neu" {
		t.Errorf("template = %+v, %v", got, err)
	}
	de, _ := s.ListTemplates(ctx, "unexpectedProblem", "de")
	all, _ := s.ListTemplates(ctx, "", "")
	if len(de) != 1 || len(all) != 2 {
		t.Errorf("ListTemplates: de=%d all=%d, want 1 and 2", len(de), len(all))
	}
	if _, err := s.SaveTemplate(ctx, Template{ID: 999, Kind: "k", Title: "t"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of missing template: %v", err)
	}
	s.DeleteTemplate(ctx, id)
	if _, err := s.GetTemplate(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted template: %v", err)
	}
}

func TestSyncState(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.GetSyncState(ctx, "A1PA6795UKMFR9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("never synced: %v", err)
	}
	st := SyncState{MarketplaceID: "A1PA6795UKMFR9", LastUpdatedAfter: t0, NextToken: "tok", LastSync: t0.Add(time.Hour), Status: "ok"}
	if err := s.PutSyncState(ctx, st); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetSyncState(ctx, st.MarketplaceID)
	if err != nil || got != st {
		t.Errorf("sync state = %+v, %v; want %+v", got, err, st)
	}
}

func TestOptimizeKeepsSearchWorking(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for i := 0; i < 3; i++ {
		if err := s.UpsertOrders(ctx, []Order{testOrder(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := s.CountOrders(ctx, OrderFilter{Search: "teekanne"}); err != nil || n != 3 {
		t.Errorf("search after Optimize = %d, %v; want 3", n, err)
	}
}

func TestReviewOutcomeOnlyMovesForward(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	o := testOrder(1)
	if err := s.UpsertOrders(ctx, []Order{o}); err != nil {
		t.Fatal(err)
	}
	record := func() int64 {
		id, err := s.RecordReviewRequest(ctx, ReviewRequest{OrderID: o.OrderID, MarketplaceID: o.MarketplaceID})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	cases := []struct {
		name    string
		path    []ReviewStatus // applied in turn after sending
		refused ReviewStatus   // then refused
		want    ReviewStatus
	}{
		{"sent stays sent", []ReviewStatus{ReviewSent}, ReviewUnknown, ReviewSent},
		{"sent is not failed", []ReviewStatus{ReviewSent}, ReviewFailed, ReviewSent},
		{"failed stays failed", []ReviewStatus{ReviewFailed}, ReviewUnknown, ReviewFailed},
		{"resolved unknown stays", []ReviewStatus{ReviewUnknown, ReviewSent}, ReviewUnknown, ReviewSent},
		{"nothing goes back to sending", []ReviewStatus{ReviewUnknown}, ReviewSending, ReviewUnknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id := record()
			for _, st := range c.path {
				if err := s.UpdateReviewRequest(ctx, id, st, "req-"+string(st), ""); err != nil {
					t.Fatalf("%s: %v", st, err)
				}
			}
			if err := s.UpdateReviewRequest(ctx, id, c.refused, "", "too late"); !errors.Is(err, ErrInvalidTransition) {
				t.Fatalf("%s accepted: %v", c.refused, err)
			}
			r, err := s.GetReviewRequest(ctx, id)
			if err != nil || r.Status != c.want || r.RequestID != "req-"+string(c.path[len(c.path)-1]) || r.Error != "" {
				t.Fatalf("after refused change: %+v, %v", r, err)
			}
		})
	}
}
