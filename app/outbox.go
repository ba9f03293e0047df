package app

import (
	"context"
	"errors"

	"sellermail/app/store"
	"sellermail/policy"
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
	why := pick(s.lang == policy.German,
		"Sellermail stopped while this message was being sent, so it may or may not have reached Amazon. Check Buyer-Seller Messages in Seller Central before sending it again.",
		"Sellermail wurde beendet, während diese Nachricht gesendet wurde; sie hat Amazon vielleicht erreicht, vielleicht nicht. Prüfen Sie die Käufer-Verkäufer-Nachrichten in Seller Central, bevor Sie sie erneut senden.")
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
func (s *Service) DiscardQueued(ctx context.Context, id int64, lang policy.UILang) error {
	if _, err := s.queued(ctx, id); err != nil {
		return err
	}
	return s.store.MarkFailed(ctx, id, pick(lang == policy.German, "Discarded by the seller.", "Vom Verkäufer verworfen."))
}

// SendQueued sends a message that was left queued, after checking it again
// against the order's current facts. Messages with attachments cannot be
// sent this way (the files are not kept): discard them and compose again.
func (s *Service) SendQueued(ctx context.Context, id int64, lang policy.UILang) (SendResult, error) {
	lang = uiLang(lang)
	m, err := s.queued(ctx, id)
	if err != nil {
		return SendResult{ID: id, Explanation: Explain(err, lang)}, err
	}
	res := SendResult{ID: id, Status: m.Status}
	fail := func(err error) (SendResult, error) {
		res.Explanation = Explain(err, lang)
		return res, err
	}
	if len(m.Attachments) > 0 {
		return fail(refusal(ErrAttachments, "The attached files are not kept in the outbox; discard this message and write it again with its files.",
			"Angehängte Dateien werden im Postausgang nicht aufbewahrt; verwerfen Sie diese Nachricht und schreiben Sie sie mit den Dateien neu."))
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
		r := refusal(ErrBlocked, "The message breaks a rule Amazon enforces and was not sent: "+firstBlock(res.Check),
			"Die Nachricht verstößt gegen eine Regel, die Amazon durchsetzt, und wurde nicht gesendet: "+firstBlock(res.Check))
		r.Check = &res.Check
		return fail(r)
	}
	return s.deliver(ctx, m, nil, res, lang)
}

// ResolveUnknown records what the seller found in Seller Central about a
// message whose outcome was unknown: sent, or not sent (failed).
func (s *Service) ResolveUnknown(ctx context.Context, id int64, sent bool, lang policy.UILang) error {
	m, err := s.store.GetMessage(ctx, id)
	if err != nil {
		return err
	}
	if m.Status != store.StatusUnknown {
		return refusal(ErrNotQueued, "Only a message whose outcome is unknown can be resolved.",
			"Nur eine Nachricht mit unbekanntem Ergebnis kann geklärt werden.")
	}
	if sent {
		return s.store.MarkSent(ctx, id, "")
	}
	return s.store.MarkFailed(ctx, id, pick(lang == policy.German, "Not received by Amazon, as the seller checked.",
		"Laut Prüfung des Verkäufers nicht bei Amazon angekommen."))
}

// queued returns a message that is queued, or a refusal.
func (s *Service) queued(ctx context.Context, id int64) (store.Message, error) {
	m, err := s.store.GetMessage(ctx, id)
	if err != nil {
		return m, err
	}
	if m.Status != store.StatusQueued {
		return m, refusal(ErrNotQueued, "This message is "+string(m.Status)+", not waiting in the outbox; it is not sent again on its own.",
			"Diese Nachricht ist im Status „"+string(m.Status)+"“ und wartet nicht im Postausgang; sie wird nicht von selbst erneut gesendet.")
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
