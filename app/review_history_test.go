package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
)

func TestReviewHistoryListsRequests(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	sum, err := s.RequestReviewsAll(ctx, false, nil)
	if err != nil || sum.Sent < 2 {
		t.Fatalf("batch: %+v, %v; want at least two sent", sum, err)
	}
	all, err := s.ReviewHistory(ctx, store.ReviewFilter{Limit: store.MaxLimit})
	if err != nil || len(all) != sum.Sent {
		t.Fatalf("ReviewHistory: %d requests, %v; want the %d sent", len(all), err, sum.Sent)
	}
	// Newest first: the batch's last order comes first.
	last := sum.Results[len(sum.Results)-1]
	if all[0].OrderID != last.OrderID || all[0].Status != store.ReviewSent || all[0].RequestID != last.RequestID {
		t.Errorf("first listed %+v, want the last sent %+v", all[0], last)
	}
	one, err := s.ReviewHistory(ctx, store.ReviewFilter{OrderID: all[1].OrderID})
	if err != nil || len(one) != 1 || one[0].ID != all[1].ID {
		t.Errorf("by order: %+v, %v", one, err)
	}
	if failed, _ := s.ReviewHistory(ctx, store.ReviewFilter{Status: store.ReviewFailed}); len(failed) != 0 {
		t.Errorf("failed filter lists %d", len(failed))
	}
	mp := all[0].MarketplaceID
	inMP, err := s.ReviewHistory(ctx, store.ReviewFilter{Marketplace: mp, Limit: store.MaxLimit})
	if err != nil || len(inMP) == 0 || inMP[0].ID != all[0].ID {
		t.Errorf("marketplace filter: %d requests, %v", len(inMP), err)
	}
	for _, r := range inMP {
		if r.MarketplaceID != mp {
			t.Errorf("marketplace filter %s lists %+v", mp, r)
		}
	}
	var buf bytes.Buffer
	if err := s.ExportReviewsCSV(ctx, &buf, store.ReviewFilter{}, i18n.English); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != sum.Sent+1 || rows[1][3] != all[0].OrderID {
		t.Errorf("CSV: %d rows, %v", len(rows), err)
	}
}

func TestResolveUnknownReview(t *testing.T) {
	ctx := context.Background()
	opts := testOptions(t, newMemKeyring())
	s1, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Two requests left "sending" by a crash become unknown when the service opens.
	var ids []int64
	for _, order := range []string{"302-0000000-0000001", "302-0000000-0000002"} {
		id, err := s1.store.RecordReviewRequest(ctx, store.ReviewRequest{OrderID: order, MarketplaceID: "A1PA6795UKMFR9"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s1.Close()
	s := openTest(t, opts)
	unknown, err := s.ReviewHistory(ctx, store.ReviewFilter{Status: store.ReviewUnknown})
	if err != nil || len(unknown) != 2 || unknown[0].Error == "" {
		t.Fatalf("unknown after the crash: %+v, %v", unknown, err)
	}

	if err := s.ResolveUnknownReview(ctx, ids[0], true); err != nil {
		t.Fatal(err)
	}
	if err := s.ResolveUnknownReview(ctx, ids[1], false); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ReviewHistory(ctx, store.ReviewFilter{})
	byID := map[int64]store.ReviewRequest{}
	for _, r := range got {
		byID[r.ID] = r
	}
	if r := byID[ids[0]]; r.Status != store.ReviewSent || r.Error != "" {
		t.Errorf("resolved as sent: %+v", r)
	}
	if r := byID[ids[1]]; r.Status != store.ReviewFailed || StoredReason(r.Error, i18n.German) != "Laut Prüfung des Verkäufers nicht bei Amazon angekommen." {
		t.Errorf("resolved as not sent: %+v", r)
	}
	// Sent counts as requested, not sent frees the order for a new request.
	if has, _ := s.store.HasReviewRequest(ctx, "302-0000000-0000001"); !has {
		t.Error("a request Amazon got does not count as requested")
	}
	if has, _ := s.store.HasReviewRequest(ctx, "302-0000000-0000002"); has {
		t.Error("a request that was not sent still blocks a new one")
	}

	// Only unknown outcomes can be resolved.
	err = s.ResolveUnknownReview(ctx, ids[0], false)
	if !errors.Is(err, ErrOutcomeKnown) || Explain(err, i18n.German) != "Nur eine Bewertungsanfrage mit unbekanntem Ergebnis kann geklärt werden." {
		t.Errorf("resolving a sent request: %v", err)
	}
	if err := s.ResolveUnknownReview(ctx, 999, true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("resolving a missing request: %v", err)
	}
}
