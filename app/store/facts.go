package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// OrderFacts are per-order answers fetched from Amazon on demand. Each fact
// has its own fetch time; a zero time means the fact was never fetched and
// the value beside it means nothing.
type OrderFacts struct {
	OrderID string

	MessageKinds          []string // getMessagingActionsForOrder action names
	MessageKindsFetchedAt time.Time

	BuyerLocale          string // GetAttributes buyer.locale, e.g. "de-DE"
	BuyerLocaleFetchedAt time.Time

	SolicitationAvailable bool // productReviewAndSellerFeedback offered
	SolicitationFetchedAt time.Time
}

// PutMessageKinds records the message kinds Amazon offers for an order.
func (s *Store) PutMessageKinds(ctx context.Context, orderID string, kinds []string, fetchedAt time.Time) error {
	fs := []field{{"order ID", orderID}}
	for _, k := range kinds {
		fs = append(fs, field{"message kind", k})
	}
	if err := s.checkFact(orderID, fs); err != nil {
		return err
	}
	b, err := json.Marshal(nonNil(kinds))
	if err != nil {
		return err
	}
	return s.putFact(ctx, orderID, "message_kinds", "message_kinds_fetched_at", string(b), fetchedAt)
}

// PutBuyerLocale records the buyer's preferred locale for an order.
func (s *Store) PutBuyerLocale(ctx context.Context, orderID, locale string, fetchedAt time.Time) error {
	if err := s.checkFact(orderID, []field{{"order ID", orderID}, {"buyer locale", locale}}); err != nil {
		return err
	}
	return s.putFact(ctx, orderID, "buyer_locale", "buyer_locale_fetched_at", locale, fetchedAt)
}

// PutSolicitationAvailable records whether a review request can be sent for
// an order.
func (s *Store) PutSolicitationAvailable(ctx context.Context, orderID string, available bool, fetchedAt time.Time) error {
	if err := s.checkFact(orderID, []field{{"order ID", orderID}}); err != nil {
		return err
	}
	return s.putFact(ctx, orderID, "solicitation_available", "solicitation_fetched_at", available, fetchedAt)
}

func (s *Store) checkFact(orderID string, fs []field) error {
	where := fmt.Sprintf("store: facts of order %q", orderID)
	if err := required(where, field{"order ID", orderID}); err != nil {
		return err
	}
	return checkText(where, fs...)
}

// putFact upserts one fact column; col and atCol are constants from this file.
func (s *Store) putFact(ctx context.Context, orderID, col, atCol string, value any, at time.Time) error {
	if at.IsZero() {
		at = time.Now()
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO order_facts (order_id, `+col+`, `+atCol+`) VALUES (?, ?, ?)
ON CONFLICT (order_id) DO UPDATE SET `+col+` = excluded.`+col+`, `+atCol+` = excluded.`+atCol,
		orderID, value, at.UnixMilli())
	return s.wrap("save order facts", err)
}

// GetOrderFacts returns what is known about an order. An order with no
// facts yet returns OrderFacts with zero fetch times and no error.
func (s *Store) GetOrderFacts(ctx context.Context, orderID string) (OrderFacts, error) {
	f := OrderFacts{OrderID: orderID}
	var (
		kinds, locale       sql.NullString
		sol                 sql.NullBool
		kindsAt, locAt, sAt sql.NullInt64
	)
	err := s.r.QueryRowContext(ctx, `SELECT message_kinds, message_kinds_fetched_at, buyer_locale, buyer_locale_fetched_at,
    solicitation_available, solicitation_fetched_at FROM order_facts WHERE order_id = ?`, orderID).
		Scan(&kinds, &kindsAt, &locale, &locAt, &sol, &sAt)
	if err == sql.ErrNoRows {
		return f, nil
	}
	if err != nil {
		return f, s.wrap("get order facts", err)
	}
	if kinds.Valid {
		if err := json.Unmarshal([]byte(kinds.String), &f.MessageKinds); err != nil {
			return f, fmt.Errorf("store: facts of order %s: message kinds: %w", orderID, err)
		}
	}
	f.MessageKindsFetchedAt = fromMS(kindsAt)
	f.BuyerLocale, f.BuyerLocaleFetchedAt = locale.String, fromMS(locAt)
	f.SolicitationAvailable, f.SolicitationFetchedAt = sol.Bool, fromMS(sAt)
	return f, nil
}
