package app

import (
	"context"
	"errors"
	"strings"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/spapi"
)

// ReviewResult is what became of one order's review request.
type ReviewResult struct {
	OrderID string
	// Status is the recorded outcome; "" when nothing was sent (not
	// eligible, or a dry run).
	Status store.ReviewStatus
	// Eligibility explains why an order was skipped; in a dry run it is the
	// reason the order would be asked.
	Eligibility Eligibility
	RequestID   string
	// Err is set when the request was refused or failed; explain it with Explain.
	Err error
}

// ReviewProgress reports a running batch after each order.
type ReviewProgress struct {
	Done, Total int
	Last        ReviewResult
}

// ReviewSummary sums up a batch.
type ReviewSummary struct {
	Total                          int
	Sent, Skipped, Failed, Unknown int
	// Eligible counts the orders a dry run would ask.
	Eligible int
	Results  []ReviewResult
}

// RequestReview sends Amazon's review request for one order. The order must
// be eligible by its status, the 5–30-day window and the local history, and
// Amazon must offer the request right now (asked first). The request is
// recorded as sending before it goes out, so a crash leaves it unknown and
// it is never sent twice.
func (s *Service) RequestReview(ctx context.Context, orderID string) (ReviewResult, error) {
	r := ReviewResult{OrderID: orderID}
	o, err := s.store.GetOrder(ctx, orderID)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			err = refusal(ErrUnknownOrder, "refusal.order.notlocal", "Order", orderID)
		}
		r.Err = err
		return r, err
	}
	return s.requestReview(ctx, o)
}

func (s *Service) requestReview(ctx context.Context, o store.Order) (ReviewResult, error) {
	r := ReviewResult{OrderID: o.OrderID}
	fail := func(err error) (ReviewResult, error) {
		r.Err = err
		return r, err
	}
	requested, err := s.store.HasReviewRequest(ctx, o.OrderID)
	if err != nil {
		return fail(err)
	}
	r.Eligibility = ReviewEligibility(reviewFacts(o, requested, nil), s.now())
	if !r.Eligibility.OK {
		return fail(notEligible(r.Eligibility))
	}
	a, err := s.client.SolicitationActions(ctx, o.OrderID, o.MarketplaceID)
	if err != nil {
		return fail(err)
	}
	offered := a.Has(spapi.ActionProductReview)
	if err := s.store.PutSolicitationAvailable(ctx, o.OrderID, offered, s.now()); err != nil {
		return fail(err)
	}
	if r.Eligibility = ReviewEligibility(reviewFacts(o, false, &offered), s.now()); !r.Eligibility.OK {
		return fail(notEligible(r.Eligibility))
	}
	id, err := s.store.RecordReviewRequest(ctx, store.ReviewRequest{OrderID: o.OrderID, MarketplaceID: o.MarketplaceID, Status: store.ReviewSending})
	if err != nil {
		return fail(err)
	}
	keep := context.WithoutCancel(ctx)
	sent, err := s.client.RequestReview(ctx, o.OrderID, o.MarketplaceID)
	var apiErr *spapi.APIError
	switch {
	case err == nil:
		r.Status, r.RequestID = store.ReviewSent, sent.RequestID
		return r, s.store.UpdateReviewRequest(keep, id, store.ReviewSent, sent.RequestID, "")
	case errors.Is(err, spapi.ErrOutcomeUnknown):
		r.Status = store.ReviewUnknown
		err = &reviewOutcomeUnknown{err: err}
		if merr := s.store.UpdateReviewRequest(keep, id, store.ReviewUnknown, "", ErrorText(err).Encode()); merr != nil {
			err = errors.Join(err, merr)
		}
		return fail(err)
	case errors.As(err, &apiErr) && apiErr.StatusCode == 403 && strings.Contains(strings.ToLower(apiErr.Message), "solicitation is not available"):
		// Amazon offered it a moment ago, so the one request per order was
		// already made (elsewhere, or by a send whose answer was lost).
		r.Status, r.RequestID = store.ReviewSent, apiErr.RequestID
		if merr := s.store.UpdateReviewRequest(keep, id, store.ReviewSent, apiErr.RequestID, ErrorText(err).Encode()); merr != nil {
			return fail(merr)
		}
		r.Eligibility = Eligibility{Reason: ReasonAlreadyRequested, Opens: r.Eligibility.Opens, Closes: r.Eligibility.Closes}
		return fail(notEligible(r.Eligibility))
	}
	r.Status = store.ReviewFailed
	if merr := s.store.UpdateReviewRequest(keep, id, store.ReviewFailed, "", ErrorText(err).Encode()); merr != nil {
		err = errors.Join(err, merr)
	}
	return fail(err)
}

// notEligible wraps an eligibility in a refusal.
func notEligible(e Eligibility) error {
	r := &Refusal{Kind: ErrNotEligible, Text: e.text()}
	r.Eligibility = &e
	return r
}

// RequestReviewsAll asks for a review on every stored order that is
// eligible now, one after another, reporting after each. A dry run decides
// from the local data only and sends nothing. Cancelling ctx stops after
// the current order; the summary covers what was done.
func (s *Service) RequestReviewsAll(ctx context.Context, dryRun bool, progress func(ReviewProgress)) (ReviewSummary, error) {
	if progress == nil {
		progress = func(ReviewProgress) {}
	}
	var orders []store.Order
	f := store.OrderFilter{ReviewEligible: true, Now: s.now(), Limit: store.MaxLimit}
	for {
		page, err := s.store.ListOrders(ctx, f)
		if err != nil {
			return ReviewSummary{}, err
		}
		orders = append(orders, page...)
		if len(page) < store.MaxLimit {
			break
		}
		f.After = store.CursorOf(page[len(page)-1])
	}
	sum := ReviewSummary{Total: len(orders)}
	for i, o := range orders {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		var r ReviewResult
		if dryRun {
			requested, err := s.store.HasReviewRequest(ctx, o.OrderID)
			if err != nil {
				return sum, err
			}
			r = ReviewResult{OrderID: o.OrderID, Eligibility: ReviewEligibility(reviewFacts(o, requested, nil), s.now())}
			if !r.Eligibility.OK {
				r.Err = notEligible(r.Eligibility)
			}
		} else {
			r, _ = s.requestReview(ctx, o)
		}
		switch {
		case dryRun && r.Err == nil:
			sum.Eligible++
		case r.Status == store.ReviewSent && r.Err == nil:
			sum.Sent++
		case r.Status == store.ReviewUnknown:
			sum.Unknown++
		case errors.Is(r.Err, ErrNotEligible):
			sum.Skipped++
		default:
			sum.Failed++
		}
		sum.Results = append(sum.Results, r)
		progress(ReviewProgress{Done: i + 1, Total: len(orders), Last: r})
	}
	return sum, nil
}

// ReviewRequests lists the recorded review requests of an order ("" for all), newest first.
func (s *Service) ReviewRequests(ctx context.Context, orderID string) ([]store.ReviewRequest, error) {
	return s.store.ReviewRequests(ctx, orderID, store.MaxLimit)
}

// recoverReviews marks review requests interrupted by a crash as unknown.
func (s *Service) recoverReviews(ctx context.Context) error {
	rs, err := s.store.ReviewRequests(ctx, "", store.MaxLimit)
	if err != nil {
		return err
	}
	return s.markReviewsInterrupted(ctx, rs)
}

// markReviewsInterrupted marks the requests of rs that were being sent as
// unknown. rs is a snapshot: another Sellermail on the same data (the
// window and the command line) may have finished one since, and the store
// refuses to change a finished request; that one is left as it is.
func (s *Service) markReviewsInterrupted(ctx context.Context, rs []store.ReviewRequest) error {
	why := i18n.New(reasonReviewInterrupted).Encode()
	for _, r := range rs {
		if r.Status != store.ReviewSending {
			continue
		}
		if err := s.store.UpdateReviewRequest(ctx, r.ID, store.ReviewUnknown, "", why); err != nil && !errors.Is(err, store.ErrInvalidTransition) {
			return err
		}
	}
	return nil
}

// reviewOutcomeUnknown is a review request whose answer was lost. Its text
// (error.review.outcomeunknown) speaks of review requests: the spapi error
// it wraps speaks of a message and Buyer-Seller Messages.
type reviewOutcomeUnknown struct{ err error }

// Error returns the underlying error's text.
func (e *reviewOutcomeUnknown) Error() string { return e.err.Error() }

// Unwrap keeps errors.Is(err, spapi.ErrOutcomeUnknown) true.
func (e *reviewOutcomeUnknown) Unwrap() error { return e.err }
