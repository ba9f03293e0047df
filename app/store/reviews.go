package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// ReviewStatus is the state of a review request (productReviewAndSellerFeedback).
type ReviewStatus string

// Review request statuses; as with messages, unknown means the request may
// have reached Amazon.
const (
	ReviewSending ReviewStatus = "sending"
	ReviewSent    ReviewStatus = "sent"
	ReviewFailed  ReviewStatus = "failed"
	ReviewUnknown ReviewStatus = "unknown"
)

// ReviewRequest is one attempt to request a review for an order.
type ReviewRequest struct {
	ID            int64
	OrderID       string
	MarketplaceID string
	Status        ReviewStatus
	RequestID     string
	Error         string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func validReviewStatus(st ReviewStatus) bool {
	switch st {
	case ReviewSending, ReviewSent, ReviewFailed, ReviewUnknown:
		return true
	}
	return false
}

// RecordReviewRequest stores a review request attempt and returns its ID.
// Record it with ReviewSending before calling Amazon, then finish it with
// UpdateReviewRequest. An empty Status means ReviewSending.
func (s *Store) RecordReviewRequest(ctx context.Context, r ReviewRequest) (int64, error) {
	if r.Status == "" {
		r.Status = ReviewSending
	}
	if err := r.check(); err != nil {
		return 0, err
	}
	now := time.Now().UnixMilli()
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO review_requests
    (order_id, marketplace_id, status, request_id, error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.OrderID, r.MarketplaceID, string(r.Status), r.RequestID, r.Error, now, now).Scan(&id)
	if err != nil {
		return 0, s.wrap("record review request", err)
	}
	return id, nil
}

func (r *ReviewRequest) check() error {
	where := fmt.Sprintf("store: review request for order %q", r.OrderID)
	if err := required(where, field{"order ID", r.OrderID}, field{"marketplace ID", r.MarketplaceID}); err != nil {
		return err
	}
	if !validReviewStatus(r.Status) {
		return fmt.Errorf("%s: unknown status %q: %w", where, r.Status, ErrInvalid)
	}
	return checkText(where, field{"order ID", r.OrderID}, field{"marketplace ID", r.MarketplaceID},
		field{"request ID", r.RequestID}, field{"error", r.Error})
}

// Allowed review status changes; the key is the new status. An outcome
// only moves forward, so a second Sellermail on the same data (the window
// and the command line) cannot undo what the first recorded: a sent request
// never turns unknown and never loses its request ID.
var reviewTransitions = map[ReviewStatus][]ReviewStatus{
	ReviewSent:    {ReviewSending, ReviewUnknown},
	ReviewFailed:  {ReviewSending, ReviewUnknown},
	ReviewUnknown: {ReviewSending},
}

// UpdateReviewRequest sets the outcome of a review request. A change the
// transition table does not allow (such as sent to unknown) is refused
// with an error wrapping ErrInvalidTransition; an empty requestID keeps the
// stored one.
func (s *Store) UpdateReviewRequest(ctx context.Context, id int64, status ReviewStatus, requestID, errText string) error {
	where := fmt.Sprintf("store: review request %d", id)
	if !validReviewStatus(status) {
		return fmt.Errorf("%s: unknown status %q: %w", where, status, ErrInvalid)
	}
	if err := checkText(where, field{"request ID", requestID}, field{"error", errText}); err != nil {
		return err
	}
	from := reviewTransitions[status]
	args := []any{string(status), requestID, errText, time.Now().UnixMilli(), id}
	for _, f := range from {
		args = append(args, string(f))
	}
	if len(from) > 0 {
		res, err := s.w.ExecContext(ctx, `UPDATE review_requests SET status = ?,
    request_id = CASE WHEN ?2 <> '' THEN ?2 ELSE request_id END,
    error = ?3, updated_at = ?4
WHERE id = ?5 AND status IN (?`+strings.Repeat(",?", len(from)-1)+`)`, args...)
		if err != nil {
			return s.wrap("update review request", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return s.wrap("update review request", err)
		}
	}
	var cur string
	err := s.w.QueryRowContext(ctx, `SELECT status FROM review_requests WHERE id = ?`, id).Scan(&cur)
	if err == sql.ErrNoRows {
		return fmt.Errorf("%s: %w", where, ErrNotFound)
	}
	if err != nil {
		return s.wrap("update review request", err)
	}
	return fmt.Errorf("%s is %s and cannot become %s: %w", where, cur, status, ErrInvalidTransition)
}

// ReviewRequests returns the review requests of an order (all orders when
// orderID is ""), newest first, at most limit rows (0: DefaultLimit).
func (s *Store) ReviewRequests(ctx context.Context, orderID string, limit int) ([]ReviewRequest, error) {
	return s.ListReviewRequests(ctx, ReviewFilter{OrderID: orderID, Limit: limit})
}

// HasReviewRequest reports whether a review request for the order was sent
// or may have been sent (any status but failed). Amazon accepts only one.
func (s *Store) HasReviewRequest(ctx context.Context, orderID string) (bool, error) {
	var ok bool
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM review_requests WHERE order_id = ? AND status <> 'failed')`, orderID).Scan(&ok)
	return ok, s.wrap("check review request", err)
}
