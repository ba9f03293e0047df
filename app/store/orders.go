package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// StatusShipped is the Orders API v2026-01-01 fulfillmentStatus of a shipped
// order; the review filter looks for it.
const StatusShipped = "SHIPPED"

// Review window Amazon applies to productReviewAndSellerFeedback
// solicitations: from 5 days after the earliest delivery date to 30 days after
// the latest delivery date.
const (
	reviewWindowStart = 5 * 24 * time.Hour
	reviewWindowEnd   = 30 * 24 * time.Hour
)

// Order is an order as returned by the Orders API searchOrders, reduced to
// what Sellermail shows and checks. Zero times mean "not known".
type Order struct {
	OrderID            string
	MarketplaceID      string
	Status             string // fulfillmentStatus, e.g. "UNSHIPPED", "SHIPPED"
	PurchaseDate       time.Time
	LastUpdated        time.Time
	EarliestShip       time.Time
	LatestShip         time.Time
	EarliestDelivery   time.Time
	LatestDelivery     time.Time
	BuyerLocale        string // e.g. "de-DE"; empty if unknown
	FulfillmentChannel string // e.g. "MERCHANT" or "AMAZON"
	Items              []OrderItem

	// Kept by the store; ignored by UpsertOrders.
	SentMessages    int  // messages to this order with status sent
	ReviewRequested bool // a review request was sent or may have been sent
}

// OrderItem is one line of an order.
type OrderItem struct {
	ASIN          string
	SKU           string
	Title         string
	Quantity      int
	PriceAmount   string // decimal string as Amazon sends it, e.g. "19.99"
	PriceCurrency string // ISO 4217, e.g. "EUR"
}

func (o *Order) check() error {
	where := fmt.Sprintf("order %q", o.OrderID)
	if err := required(where, field{"order ID", o.OrderID}, field{"marketplace ID", o.MarketplaceID}, field{"status", o.Status}); err != nil {
		return err
	}
	if o.PurchaseDate.IsZero() {
		return fmt.Errorf("%s: purchase date is missing: %w", where, ErrInvalid)
	}
	fs := []field{{"order ID", o.OrderID}, {"marketplace ID", o.MarketplaceID}, {"status", o.Status},
		{"buyer locale", o.BuyerLocale}, {"fulfillment channel", o.FulfillmentChannel}}
	for i, it := range o.Items {
		p := fmt.Sprintf("item %d ", i+1)
		fs = append(fs, field{p + "ASIN", it.ASIN}, field{p + "SKU", it.SKU}, field{p + "title", it.Title},
			field{p + "price amount", it.PriceAmount}, field{p + "price currency", it.PriceCurrency})
	}
	return checkText(where, fs...)
}

// Check reports why UpsertOrders would refuse o, so a caller can leave out
// one bad order instead of losing the whole batch.
func (o *Order) Check() error {
	if err := o.check(); err != nil {
		return fmt.Errorf("store: order: %w", err)
	}
	return nil
}

// UpsertOrders inserts or updates orders and replaces their items, all in one
// transaction: either every order is stored or none is. An order whose
// LastUpdated is older than the stored copy is left as it is, so pages
// arriving out of order never roll data back. A known buyer locale is kept
// when the new copy has none.
func (s *Store) UpsertOrders(ctx context.Context, orders []Order) error {
	for i := range orders {
		if err := orders[i].check(); err != nil {
			return fmt.Errorf("store: upsert orders: %w", err)
		}
	}
	return s.inTx(ctx, "upsert orders", func(tx *sql.Tx) error {
		up, err := tx.PrepareContext(ctx, `
INSERT INTO orders (order_id, marketplace_id, status, purchase_date, last_updated,
    earliest_ship, latest_ship, earliest_delivery, latest_delivery, buyer_locale, fulfillment_channel)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (order_id) DO UPDATE SET
    marketplace_id = excluded.marketplace_id, status = excluded.status,
    purchase_date = excluded.purchase_date, last_updated = excluded.last_updated,
    earliest_ship = excluded.earliest_ship, latest_ship = excluded.latest_ship,
    earliest_delivery = excluded.earliest_delivery, latest_delivery = excluded.latest_delivery,
    buyer_locale = CASE WHEN excluded.buyer_locale <> '' THEN excluded.buyer_locale ELSE orders.buyer_locale END,
    fulfillment_channel = excluded.fulfillment_channel
WHERE excluded.last_updated >= orders.last_updated
RETURNING id`)
		if err != nil {
			return err
		}
		defer up.Close()
		del, err := tx.PrepareContext(ctx, `DELETE FROM order_items WHERE order_rowid = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		ins, err := tx.PrepareContext(ctx, `
INSERT INTO order_items (order_rowid, position, asin, sku, title, quantity, price_amount, price_currency)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, o := range orders {
			var id int64
			err := up.QueryRowContext(ctx, o.OrderID, o.MarketplaceID, o.Status, msNotNull(o.PurchaseDate), msNotNull(o.LastUpdated),
				ms(o.EarliestShip), ms(o.LatestShip), ms(o.EarliestDelivery), ms(o.LatestDelivery),
				o.BuyerLocale, o.FulfillmentChannel).Scan(&id)
			if err == sql.ErrNoRows {
				continue // stored copy is newer
			}
			if err != nil {
				return fmt.Errorf("order %s: %w", o.OrderID, err)
			}
			if _, err := del.ExecContext(ctx, id); err != nil {
				return err
			}
			for i, it := range o.Items {
				if _, err := ins.ExecContext(ctx, id, i, it.ASIN, it.SKU, it.Title, it.Quantity, it.PriceAmount, it.PriceCurrency); err != nil {
					return fmt.Errorf("order %s item %d: %w", o.OrderID, i+1, err)
				}
			}
		}
		return nil
	})
}

const orderColumns = `o.id, o.order_id, o.marketplace_id, o.status, o.purchase_date, o.last_updated,
    o.earliest_ship, o.latest_ship, o.earliest_delivery, o.latest_delivery,
    o.buyer_locale, o.fulfillment_channel, o.sent_messages, o.review_requested`

type rowScanner interface{ Scan(dest ...any) error }

func scanOrder(sc rowScanner) (int64, Order, error) {
	var (
		id                  int64
		o                   Order
		pd, lu              sql.NullInt64
		es, ls, ed, ld      sql.NullInt64
		reviewRequestedFlag int
	)
	err := sc.Scan(&id, &o.OrderID, &o.MarketplaceID, &o.Status, &pd, &lu, &es, &ls, &ed, &ld,
		&o.BuyerLocale, &o.FulfillmentChannel, &o.SentMessages, &reviewRequestedFlag)
	o.PurchaseDate, o.LastUpdated = fromMS(pd), fromMS(lu)
	o.EarliestShip, o.LatestShip, o.EarliestDelivery, o.LatestDelivery = fromMS(es), fromMS(ls), fromMS(ed), fromMS(ld)
	o.ReviewRequested = reviewRequestedFlag != 0
	return id, o, err
}

// GetOrder returns one order with its items, or an error wrapping ErrNotFound.
func (s *Store) GetOrder(ctx context.Context, orderID string) (Order, error) {
	id, o, err := scanOrder(s.r.QueryRowContext(ctx, `SELECT `+orderColumns+` FROM orders o WHERE o.order_id = ?`, orderID))
	if err == sql.ErrNoRows {
		return Order{}, fmt.Errorf("store: order %s: %w", orderID, ErrNotFound)
	}
	if err != nil {
		return Order{}, s.wrap("get order", err)
	}
	items, err := s.loadItems(ctx, []int64{id})
	if err != nil {
		return Order{}, err
	}
	o.Items = items[id]
	return o, nil
}

// loadItems returns the items of the given order rows, keyed by row id.
func (s *Store) loadItems(ctx context.Context, ids []int64) (map[int64][]OrderItem, error) {
	out := make(map[int64][]OrderItem, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `SELECT order_rowid, asin, sku, title, quantity, price_amount, price_currency
FROM order_items WHERE order_rowid IN (?` + strings.Repeat(",?", len(ids)-1) + `) ORDER BY order_rowid, position`
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.wrap("load order items", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var it OrderItem
		if err := rows.Scan(&id, &it.ASIN, &it.SKU, &it.Title, &it.Quantity, &it.PriceAmount, &it.PriceCurrency); err != nil {
			return nil, s.wrap("load order items", err)
		}
		out[id] = append(out[id], it)
	}
	return out, s.wrap("load order items", rows.Err())
}
