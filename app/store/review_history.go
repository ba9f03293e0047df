package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"time"
)

// ReviewFilter selects review requests for ListReviewRequests and
// ExportReviewsCSV. Zero fields do not filter. Results are sorted newest first.
type ReviewFilter struct {
	From, To    time.Time // creation time: From inclusive, To exclusive
	Status      ReviewStatus
	Marketplace string
	OrderID     string
	Limit       int // 0 means DefaultLimit, capped at MaxLimit; ExportReviewsCSV: 0 means all
	Offset      int
}

const reviewColumns = `id, order_id, marketplace_id, status, request_id, error, created_at, updated_at`

func (f ReviewFilter) query() (string, []any) {
	var w where
	w.history("", f.From, f.To, string(f.Status), f.Marketplace, f.OrderID)
	return `SELECT ` + reviewColumns + ` FROM review_requests` + w.clause() + " ORDER BY id DESC", w.args
}

// ListReviewRequests returns one page of review requests matching f.
func (s *Store) ListReviewRequests(ctx context.Context, f ReviewFilter) ([]ReviewRequest, error) {
	q, args := f.query()
	q, args = page(q, args, f.Limit, f.Offset)
	return queryRows(ctx, s, "list review requests", scanReview, q, args...)
}

// GetReviewRequest returns one review request, or ErrNotFound.
func (s *Store) GetReviewRequest(ctx context.Context, id int64) (ReviewRequest, error) {
	r, err := scanReview(s.r.QueryRowContext(ctx, `SELECT `+reviewColumns+` FROM review_requests WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return r, fmt.Errorf("store: review request %d: %w", id, ErrNotFound)
	}
	return r, s.wrap("get review request", err)
}

func scanReview(row rowScanner) (ReviewRequest, error) {
	var r ReviewRequest
	var st string
	var c, u sql.NullInt64
	if err := row.Scan(&r.ID, &r.OrderID, &r.MarketplaceID, &st, &r.RequestID, &r.Error, &c, &u); err != nil {
		return ReviewRequest{}, err
	}
	r.Status, r.CreatedAt, r.UpdatedAt = ReviewStatus(st), fromMS(c), fromMS(u)
	return r, nil
}

// reviewCSVHeader names the columns ExportReviewsCSV writes.
var reviewCSVHeader = []string{"id", "created_at", "updated_at", "order_id", "marketplace_id", "status", "amazon_request_id", "error"}

// ExportReviewsCSV writes the review requests matching f as CSV with a
// header row, newest first; f.Limit 0 exports every match. Cells that a
// spreadsheet would run as a formula get a leading apostrophe. reason
// writes a stored reason (the error column) in words; nil keeps it as stored.
func (s *Store) ExportReviewsCSV(ctx context.Context, w io.Writer, f ReviewFilter, reason func(string) string) error {
	q, args := f.query()
	return exportCSV(ctx, s, w, "export review requests", q, args, f.Limit, f.Offset, reviewCSVHeader, scanReview,
		func(r ReviewRequest) []string {
			if reason != nil {
				r.Error = reason(r.Error)
			}
			return []string{strconv.FormatInt(r.ID, 10), csvTime(r.CreatedAt), csvTime(r.UpdatedAt), r.OrderID, r.MarketplaceID,
				string(r.Status), r.RequestID, r.Error}
		})
}
