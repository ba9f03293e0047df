package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
)

// factsMaxAge is how long Amazon's answers about an order are trusted:
// the message kinds on offer change with the order's state.
const factsMaxAge = 10 * time.Minute

// OrderDetail is one order with what Amazon and the local history say about it.
type OrderDetail struct {
	Order store.Order
	// Offered are the message kinds Amazon offers for the order, in
	// policy.Kinds order; KindsFetchedAt is when Amazon was asked (zero: never).
	Offered        []policy.Kind
	KindsFetchedAt time.Time
	// BuyerLocale is the buyer's language of preference (GetAttributes), or
	// the order's own when Amazon was not asked; "" if unknown.
	BuyerLocale string
	// Eligibility is the review request's, with Amazon's answer when fetched.
	Eligibility Eligibility
	// ReviewOffered is Amazon's solicitation answer, nil when not fetched.
	ReviewOffered *bool
	// Messages are the order's messages in the outbox and history, oldest first.
	Messages []store.Message
	// FactsErr is why Amazon could not be asked; the rest is then what was
	// known before. Explain it with Explain.
	FactsErr error
}

// Offers reports whether Amazon offers the kind for the order.
func (d *OrderDetail) Offers(k policy.Kind) bool { return slices.Contains(d.Offered, k) }

// KindNote explains in lang why a kind cannot be chosen, "" when it can.
// Amazon does not say why it leaves a kind out; the note says what it depends on.
func (d *OrderDetail) KindNote(k policy.Kind, lang i18n.Lang) string {
	if key := d.kindNote(k); key != "" {
		return i18n.T(lang, key)
	}
	return ""
}

// kindNote is the catalogue key of KindNote's text, "" when k can be chosen.
func (d *OrderDetail) kindNote(k policy.Kind) string {
	switch {
	case k == policy.KindReply:
		return "kindnote.reply"
	case d.KindsFetchedAt.IsZero():
		return "kindnote.notasked"
	case !d.Offers(k):
		return "kindnote.notoffered"
	}
	return ""
}

// Orders lists stored orders. With ReviewEligible and no Now, the service's clock is used.
func (s *Service) Orders(ctx context.Context, f store.OrderFilter) ([]store.Order, error) {
	if f.ReviewEligible && f.Now.IsZero() {
		f.Now = s.now()
	}
	return s.store.ListOrders(ctx, f)
}

// CountOrders counts stored orders matching f.
func (s *Service) CountOrders(ctx context.Context, f store.OrderFilter) (int, error) {
	if f.ReviewEligible && f.Now.IsZero() {
		f.Now = s.now()
	}
	return s.store.CountOrders(ctx, f)
}

// OrderDetail returns an order with its facts, asking Amazon for the ones
// that are missing or older than ten minutes. An order not stored yet is
// fetched from Amazon. Network errors about facts land in FactsErr; the
// error return is for orders that cannot be found or read.
func (s *Service) OrderDetail(ctx context.Context, orderID string) (*OrderDetail, error) {
	o, err := s.order(ctx, orderID)
	if err != nil {
		return nil, err
	}
	d := &OrderDetail{Order: o}
	facts, err := s.store.GetOrderFacts(ctx, orderID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if facts.MessageKindsFetchedAt.IsZero() || now.Sub(facts.MessageKindsFetchedAt) > factsMaxAge {
		if a, err := s.client.MessagingActions(ctx, o.OrderID, o.MarketplaceID); err != nil {
			d.FactsErr = err
		} else {
			facts.MessageKinds, facts.MessageKindsFetchedAt = actionNames(a), now
			if err := s.store.PutMessageKinds(ctx, orderID, facts.MessageKinds, now); err != nil {
				return nil, err
			}
		}
	}
	if facts.BuyerLocaleFetchedAt.IsZero() && d.FactsErr == nil {
		if a, err := s.client.BuyerAttributes(ctx, o.OrderID, o.MarketplaceID); err != nil {
			d.FactsErr = err
		} else {
			facts.BuyerLocale, facts.BuyerLocaleFetchedAt = a.Locale, now
			if err := s.store.PutBuyerLocale(ctx, orderID, a.Locale, now); err != nil {
				return nil, err
			}
		}
	}
	d.KindsFetchedAt = facts.MessageKindsFetchedAt
	for _, k := range policy.Kinds() {
		if slices.Contains(facts.MessageKinds, string(k)) {
			d.Offered = append(d.Offered, k)
		}
	}
	d.BuyerLocale = facts.BuyerLocale
	if d.BuyerLocale == "" {
		d.BuyerLocale = o.BuyerLocale
	}
	if d.Messages, err = s.store.MessagesForOrder(ctx, orderID); err != nil {
		return nil, err
	}
	requested, err := s.store.HasReviewRequest(ctx, orderID)
	if err != nil {
		return nil, err
	}
	if !facts.SolicitationFetchedAt.IsZero() && now.Sub(facts.SolicitationFetchedAt) <= factsMaxAge {
		v := facts.SolicitationAvailable
		d.ReviewOffered = &v
	}
	d.Eligibility = ReviewEligibility(reviewFacts(o, requested, d.ReviewOffered), now)
	return d, nil
}

// order returns the stored order, fetching and storing it when it is not there.
func (s *Service) order(ctx context.Context, orderID string) (store.Order, error) {
	o, err := s.store.GetOrder(ctx, orderID)
	if err == nil || !errors.Is(err, store.ErrNotFound) {
		return o, err
	}
	if !spapi.ValidOrderID(orderID) {
		return store.Order{}, refusal(ErrUnknownOrder, "refusal.order.malformed", "Order", orderID)
	}
	ao, err := s.client.GetOrder(ctx, orderID, spapi.IncludeFulfillment)
	var apiErr *spapi.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == 404 {
		return store.Order{}, refusal(ErrUnknownOrder, "refusal.order.unknown", "Order", orderID)
	}
	if err != nil {
		return store.Order{}, err
	}
	if ao.ID != orderID {
		// Storing it would file another order's data under the wrong ID, or
		// fail to find the order just stored.
		return store.Order{}, &spapi.ResponseError{Operation: "getOrder", StatusCode: 200, RequestID: ao.RequestID,
			Err: fmt.Errorf("%w: asked for order %s, the answer is for another order", spapi.ErrMalformedResponse, orderID)}
	}
	if err := s.store.UpsertOrders(ctx, []store.Order{storeOrder(*ao)}); err != nil {
		return store.Order{}, err
	}
	return s.store.GetOrder(ctx, orderID)
}

func reviewFacts(o store.Order, requested bool, offered *bool) ReviewFacts {
	return ReviewFacts{Status: o.Status, EarliestDelivery: o.EarliestDelivery, LatestDelivery: o.LatestDelivery,
		Requested: requested, Offered: offered}
}

// actionNames keeps the sendable kinds of Amazon's answer.
func actionNames(a *spapi.Actions) []string {
	kinds := a.Kinds()
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}
