package store

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	var conds []string
	var args []any
	add := func(cond string, v any) {
		conds = append(conds, cond)
		args = append(args, v)
	}
	if !f.From.IsZero() {
		add("created_at >= ?", f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		add("created_at < ?", f.To.UnixMilli())
	}
	if f.Status != "" {
		add("status = ?", string(f.Status))
	}
	if f.Marketplace != "" {
		add("marketplace_id = ?", f.Marketplace)
	}
	if f.OrderID != "" {
		add("order_id = ?", f.OrderID)
	}
	q := `SELECT ` + reviewColumns + ` FROM review_requests`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return q + " ORDER BY id DESC", args
}

// ListReviewRequests returns one page of review requests matching f.
func (s *Store) ListReviewRequests(ctx context.Context, f ReviewFilter) ([]ReviewRequest, error) {
	q, args := f.query()
	args = append(args, limitOf(f.Limit), max(f.Offset, 0))
	rows, err := s.r.QueryContext(ctx, q+" LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, s.wrap("list review requests", err)
	}
	defer rows.Close()
	var out []ReviewRequest
	for rows.Next() {
		r, err := scanReview(rows)
		if err != nil {
			return nil, s.wrap("list review requests", err)
		}
		out = append(out, r)
	}
	return out, s.wrap("list review requests", rows.Err())
}

// GetReviewRequest returns one review request, or ErrNotFound.
func (s *Store) GetReviewRequest(ctx context.Context, id int64) (ReviewRequest, error) {
	r, err := scanReview(s.r.QueryRowContext(ctx, `SELECT `+reviewColumns+` FROM review_requests WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return r, fmt.Errorf("store: review request %d: %w", id, ErrNotFound)
	}
	return r, s.wrap("get review request", err)
}

func scanReview(row interface{ Scan(...any) error }) (ReviewRequest, error) {
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
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1 // SQLite: no limit
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, max(f.Offset, 0))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return s.wrap("export review requests", err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	if err := cw.Write(reviewCSVHeader); err != nil {
		return err
	}
	for rows.Next() {
		r, err := scanReview(rows)
		if err != nil {
			return s.wrap("export review requests", err)
		}
		if reason != nil {
			r.Error = reason(r.Error)
		}
		rec := []string{strconv.FormatInt(r.ID, 10), csvTime(r.CreatedAt), csvTime(r.UpdatedAt), r.OrderID, r.MarketplaceID,
			string(r.Status), r.RequestID, r.Error}
		for i := range rec {
			rec[i] = neutralizeFormula(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.wrap("export review requests", err)
	}
	cw.Flush()
	return cw.Error()
}
