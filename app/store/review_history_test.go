package store

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"slices"
	"testing"
	"time"
)

// seedReviews records one review request per entry and backdates it, so
// the date filters have something to tell apart. It returns the IDs.
func seedReviews(t *testing.T, s *Store, rs []ReviewRequest) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for _, r := range rs {
		id, err := s.RecordReviewRequest(ctx, ReviewRequest{OrderID: r.OrderID, MarketplaceID: r.MarketplaceID})
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != ReviewSending {
			if err := s.UpdateReviewRequest(ctx, id, r.Status, r.RequestID, r.Error); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.w.ExecContext(ctx, `UPDATE review_requests SET created_at = ? WHERE id = ?`, r.CreatedAt.UnixMilli(), id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func TestListReviewRequestsFilters(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const de, fr = "A1PA6795UKMFR9", "A13V1IB3VIYZZH"
	ids := seedReviews(t, s, []ReviewRequest{
		{OrderID: "302-0000001-0000001", MarketplaceID: de, Status: ReviewSent, RequestID: "req-1", CreatedAt: t0},
		{OrderID: "302-0000002-0000002", MarketplaceID: fr, Status: ReviewFailed, Error: "403 not available", CreatedAt: t0.Add(24 * time.Hour)},
		{OrderID: "302-0000003-0000003", MarketplaceID: de, Status: ReviewUnknown, Error: "no answer", CreatedAt: t0.Add(48 * time.Hour)},
		{OrderID: "302-0000002-0000002", MarketplaceID: fr, Status: ReviewSent, RequestID: "req-4", CreatedAt: t0.Add(72 * time.Hour)},
	})
	tests := []struct {
		name string
		f    ReviewFilter
		want []int64
	}{
		{"all, newest first", ReviewFilter{}, []int64{ids[3], ids[2], ids[1], ids[0]}},
		{"order", ReviewFilter{OrderID: "302-0000002-0000002"}, []int64{ids[3], ids[1]}},
		{"status", ReviewFilter{Status: ReviewSent}, []int64{ids[3], ids[0]}},
		{"unknown", ReviewFilter{Status: ReviewUnknown}, []int64{ids[2]}},
		{"marketplace", ReviewFilter{Marketplace: de}, []int64{ids[2], ids[0]}},
		{"from inclusive", ReviewFilter{From: t0.Add(48 * time.Hour)}, []int64{ids[3], ids[2]}},
		{"to exclusive", ReviewFilter{To: t0.Add(24 * time.Hour)}, []int64{ids[0]}},
		{"range and status", ReviewFilter{From: t0, To: t0.Add(72 * time.Hour), Status: ReviewFailed}, []int64{ids[1]}},
		{"page", ReviewFilter{Limit: 2, Offset: 1}, []int64{ids[2], ids[1]}},
		{"past the end", ReviewFilter{Offset: 10}, nil},
		{"no match", ReviewFilter{OrderID: "302-9999999-9999999"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.ListReviewRequests(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []int64
			for _, r := range got {
				gotIDs = append(gotIDs, r.ID)
			}
			if !slices.Equal(gotIDs, tt.want) {
				t.Errorf("got %v, want %v", gotIDs, tt.want)
			}
		})
	}
	got, err := s.GetReviewRequest(ctx, ids[1])
	if err != nil || got.Status != ReviewFailed || got.Error != "403 not available" || got.MarketplaceID != fr || !got.CreatedAt.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("GetReviewRequest = %+v, %v", got, err)
	}
	if _, err := s.GetReviewRequest(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing review request: %v", err)
	}
}

func TestExportReviewsCSV(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var rs []ReviewRequest
	for range 3 {
		rs = append(rs, ReviewRequest{OrderID: "302-0000001-0000001", MarketplaceID: "A1PA6795UKMFR9", Status: ReviewFailed,
			Error: "=HYPERLINK(\"x\")", CreatedAt: t0})
	}
	seedReviews(t, s, rs)
	var buf bytes.Buffer
	if err := s.ExportReviewsCSV(ctx, &buf, ReviewFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || !slices.Equal(rows[0], reviewCSVHeader) {
		t.Fatalf("export has %d rows, want the header and all 3: %q", len(rows), rows)
	}
	if r := rows[1]; r[3] != "302-0000001-0000001" || r[5] != "failed" || r[7] != "'=HYPERLINK(\"x\")" || r[1] != "2026-03-01T12:00:00Z" {
		t.Errorf("row %q", r)
	}
	buf.Reset()
	if err := s.ExportReviewsCSV(ctx, &buf, ReviewFilter{Limit: 1}, nil); err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(&buf).ReadAll(); len(rows) != 2 {
		t.Errorf("Limit 1 exported %d rows", len(rows))
	}
}
