package app

import (
	"context"
	"io"

	"sellermail/app/i18n"
	"sellermail/app/store"
)

// ReviewHistory lists the review requests matching f, newest first: sent,
// failed and those whose outcome is unknown (see ResolveUnknownReview).
func (s *Service) ReviewHistory(ctx context.Context, f store.ReviewFilter) ([]store.ReviewRequest, error) {
	return s.store.ListReviewRequests(ctx, f)
}

// ExportReviewsCSV writes the review requests matching f (all of them when
// f.Limit is 0) to w as CSV, for a spreadsheet, with their reasons in lang.
func (s *Service) ExportReviewsCSV(ctx context.Context, w io.Writer, f store.ReviewFilter, lang i18n.Lang) error {
	return s.store.ExportReviewsCSV(ctx, w, f, func(r string) string { return StoredReason(r, lang) })
}

// ResolveUnknownReview records what the seller found in Seller Central about
// a review request whose outcome was unknown: sent, or not sent (failed).
// Not sent makes the order eligible again; that is safe, because a request
// is only ever sent after Amazon offered it, and Amazon stops offering it
// once one arrived.
func (s *Service) ResolveUnknownReview(ctx context.Context, id int64, sent bool) error {
	r, err := s.store.GetReviewRequest(ctx, id)
	if err != nil {
		return err
	}
	if r.Status != store.ReviewUnknown {
		return refusal(ErrOutcomeKnown, "refusal.resolve.review.notunknown")
	}
	if sent {
		return s.store.UpdateReviewRequest(ctx, id, store.ReviewSent, r.RequestID, "")
	}
	return s.store.UpdateReviewRequest(ctx, id, store.ReviewFailed, r.RequestID, i18n.New(reasonNotReceived).Encode())
}
