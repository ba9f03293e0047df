package app

import (
	"context"
	"errors"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// Check runs the compliance engine on text as a message of kind for the
// order in d (nil: no order known), explained in lang. It does no I/O and is
// fast enough for every keystroke.
func (s *Service) Check(text string, kind policy.Kind, d *OrderDetail, lang i18n.Lang) policy.Result {
	return s.checker.Check(s.policyMessage(text, kind, d), PolicyLang(lang))
}

// policyMessage puts the order's facts beside the text: its ID, delivery
// window, the buyer's language and what was sent (or may have been) before.
func (s *Service) policyMessage(text string, kind policy.Kind, d *OrderDetail) policy.Message {
	m := policy.Message{Text: text, Kind: kind}
	if d == nil {
		return m
	}
	m.BuyerLocale = d.BuyerLocale
	m.Marketplace = d.Order.MarketplaceID
	f := &policy.OrderFacts{OrderID: d.Order.OrderID, EarliestDelivery: d.Order.EarliestDelivery,
		LatestDelivery: d.Order.LatestDelivery, Earlier: d.Earlier()}
	m.Order = f
	return m
}

// SaveDraft autosaves the text and picked files for an order and kind.
func (s *Service) SaveDraft(ctx context.Context, orderID string, kind policy.Kind, text string, attachmentPaths []string) error {
	return s.store.SaveDraft(ctx, store.Draft{OrderID: orderID, Kind: string(kind), Text: text, Attachments: attachmentPaths, UpdatedAt: s.now()})
}

// LoadDraft returns the saved draft for an order and kind; ok is false when there is none.
func (s *Service) LoadDraft(ctx context.Context, orderID string, kind policy.Kind) (d store.Draft, ok bool, err error) {
	d, err = s.store.GetDraft(ctx, orderID, string(kind))
	if errors.Is(err, store.ErrNotFound) {
		return store.Draft{}, false, nil
	}
	return d, err == nil, err
}

// DeleteDraft discards the draft for an order and kind.
func (s *Service) DeleteDraft(ctx context.Context, orderID string, kind policy.Kind) error {
	return s.store.DeleteDraft(ctx, orderID, string(kind))
}

// Earlier is what the checks count as already sent for the order: messages
// sent, being sent and of unknown outcome alike, since the buyer may have any
// of them. The live check in the window and the check at send time both use
// it, so they never disagree about a duplicate.
func (d *OrderDetail) Earlier() []policy.SentMessage {
	var out []policy.SentMessage
	for _, msg := range d.Messages {
		if e, ok := earlierMessage(msg); ok {
			out = append(out, e)
		}
	}
	return out
}

// earlierMessage is msg as an earlier message; ok is false when the buyer
// cannot have it (queued, failed).
func earlierMessage(msg store.Message) (e policy.SentMessage, ok bool) {
	switch msg.Status {
	case store.StatusSent, store.StatusUnknown, store.StatusSending:
	default:
		return policy.SentMessage{}, false
	}
	at := msg.SentAt
	if at.IsZero() {
		at = msg.CreatedAt
	}
	return policy.SentMessage{Kind: policy.Kind(msg.Kind), Text: msg.Text, At: at}, true
}
