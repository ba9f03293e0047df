package app

import (
	"context"
	"errors"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// The reasons stored with a message or review request the seller never
// had an error for. They are catalogue keys; migration 0003 maps the
// prose older versions stored to them.
const (
	reasonInterrupted       = "reason.interrupted"
	reasonReviewInterrupted = "reason.review.interrupted"
	reasonDiscarded         = "reason.discarded"
	reasonNotReceived       = "reason.notreceived"
)

// recoverOutbox runs at Open: a message still "sending" was interrupted by
// a crash after its request may have gone out, so it becomes unknown and is
// never sent again without the seller. Queued ones stay for the seller.
func (s *Service) recoverOutbox(ctx context.Context) error {
	pending, err := s.store.ListPending(ctx)
	if err != nil {
		return err
	}
	if err := s.markInterrupted(ctx, pending); err != nil {
		return err
	}
	return s.recoverReviews(ctx)
}

// markInterrupted marks the messages of pending that were being sent as
// unknown. pending is a snapshot: another Sellermail on the same data (the
// window and the command line) may have finished one since, and the store
// refuses to change a finished message; that one is left as it is.
func (s *Service) markInterrupted(ctx context.Context, pending []store.Message) error {
	why := i18n.New(reasonInterrupted).Encode()
	for _, m := range pending {
		if m.Status != store.StatusSending {
			continue
		}
		if err := s.store.MarkUnknown(ctx, m.ID, why); err != nil && !errors.Is(err, store.ErrInvalidTransition) {
			return err
		}
	}
	return nil
}

// Pending returns the messages waiting in the outbox (queued, or being sent
// right now), oldest first: the seller sends or discards them.
func (s *Service) Pending(ctx context.Context) ([]store.Message, error) {
	return s.store.ListPending(ctx)
}

// Unresolved returns the messages whose outcome is unknown, newest first,
// for the seller to check in Seller Central (see ResolveUnknown).
func (s *Service) Unresolved(ctx context.Context) ([]store.Message, error) {
	return s.store.ListHistory(ctx, store.HistoryFilter{Status: store.StatusUnknown, Limit: store.MaxLimit})
}

// DiscardQueued drops a queued message: it becomes failed with the reason
// "discarded" and is never sent.
func (s *Service) DiscardQueued(ctx context.Context, id int64) error {
	if _, err := s.queued(ctx, id); err != nil {
		return err
	}
	return s.store.MarkFailed(ctx, id, i18n.New(reasonDiscarded).Encode())
}

// SendQueued sends a message that was left queued, after checking it again
// against the order's current facts. Messages with attachments cannot be
// sent this way (the files are not kept): discard them and compose again.
func (s *Service) SendQueued(ctx context.Context, id int64, lang i18n.Lang) (SendResult, error) {
	m, err := s.queued(ctx, id)
	if err != nil {
		return SendResult{ID: id, Explanation: ErrorText(err)}, err
	}
	res := SendResult{ID: id, Status: m.Status}
	fail := func(err error) (SendResult, error) {
		res.Explanation = ErrorText(err)
		return res, err
	}
	if len(m.Attachments) > 0 {
		return fail(refusal(ErrAttachments, "refusal.attachments.notkept"))
	}
	d, err := s.OrderDetail(ctx, m.OrderID)
	if err != nil {
		return fail(err)
	}
	if err := s.checkKind(d, policy.Kind(m.Kind)); err != nil {
		return fail(err)
	}
	res.Check = s.Check(m.Text, policy.Kind(m.Kind), withoutMessage(d, id), lang)
	if res.Check.Blocked() {
		r := refusal(ErrBlocked, "refusal.blocked", "Rule", firstBlock(res.Check))
		r.Check = &res.Check
		return fail(r)
	}
	return s.deliver(ctx, m, nil, res)
}

// ResolveUnknown records what the seller found in Seller Central about a
// message whose outcome was unknown: sent, or not sent (failed).
func (s *Service) ResolveUnknown(ctx context.Context, id int64, sent bool) error {
	m, err := s.store.GetMessage(ctx, id)
	if err != nil {
		return err
	}
	if m.Status != store.StatusUnknown {
		return refusal(ErrNotQueued, "refusal.resolve.notunknown")
	}
	if sent {
		return s.store.MarkSent(ctx, id, "")
	}
	return s.store.MarkFailed(ctx, id, i18n.New(reasonNotReceived).Encode())
}

// queued returns a message that is queued, or a refusal.
func (s *Service) queued(ctx context.Context, id int64) (store.Message, error) {
	m, err := s.store.GetMessage(ctx, id)
	if err != nil {
		return m, err
	}
	if m.Status != store.StatusQueued {
		return m, refusal(ErrNotQueued, "refusal.notqueued", "Status", string(m.Status))
	}
	return m, nil
}

// withoutMessage returns d without message id, so a queued message is not
// reported as a duplicate of itself.
func withoutMessage(d *OrderDetail, id int64) *OrderDetail {
	c := *d
	c.Messages = nil
	for _, m := range d.Messages {
		if m.ID != id {
			c.Messages = append(c.Messages, m)
		}
	}
	return &c
}
