package store

import (
	"context"
	"strings"
	"time"
)

// DefaultLimit is the page size used when a filter's Limit is 0.
const DefaultLimit = 50

// MaxLimit caps a filter's Limit.
const MaxLimit = 1000

// OrderFilter selects orders for ListOrders and CountOrders. Zero fields do
// not filter. Results are sorted newest purchase first (ties by order ID,
// descending).
type OrderFilter struct {
	Marketplace string
	Status      string
	From, To    time.Time // purchase date: From inclusive, To exclusive
	Search      string    // words in the order ID, product titles, SKUs or ASINs
	// HasMessages keeps only orders with at least one sent message.
	HasMessages bool
	// ReviewEligible keeps only shipped orders without a review request that
	// are inside Amazon's solicitation window at Now: from 5 days after the
	// earliest delivery date to 30 days after the latest delivery date
	// (missing dates fall back to the other date, then to the purchase date).
	ReviewEligible bool
	Now            time.Time // time for ReviewEligible; zero means time.Now()

	Limit  int          // rows per page; 0 means DefaultLimit, capped at MaxLimit
	Offset int          // rows to skip; prefer After for deep pages
	After  *OrderCursor // keyset paging: only rows after this one
}

// OrderCursor marks a row in the ListOrders order; build it from the last
// row of a page with CursorOf.
type OrderCursor struct {
	PurchaseDate time.Time
	OrderID      string
}

// CursorOf returns the cursor that continues after o.
func CursorOf(o Order) *OrderCursor {
	return &OrderCursor{PurchaseDate: o.PurchaseDate, OrderID: o.OrderID}
}

func (f OrderFilter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Marketplace != "" {
		conds = append(conds, "o.marketplace_id = ?")
		args = append(args, f.Marketplace)
	}
	if f.Status != "" {
		conds = append(conds, "o.status = ?")
		args = append(args, f.Status)
	}
	if !f.From.IsZero() {
		conds = append(conds, "o.purchase_date >= ?")
		args = append(args, f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		conds = append(conds, "o.purchase_date < ?")
		args = append(args, f.To.UnixMilli())
	}
	if q := matchQuery(f.Search); q != "" {
		conds = append(conds, "o.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?)")
		args = append(args, q)
	}
	if f.HasMessages {
		conds = append(conds, "o.sent_messages > 0")
	}
	if f.ReviewEligible {
		now := f.Now
		if now.IsZero() {
			now = time.Now()
		}
		conds = append(conds, "o.status = ?", "o.review_requested = 0",
			"coalesce(o.earliest_delivery, o.latest_delivery, o.purchase_date) <= ?",
			"coalesce(o.latest_delivery, o.earliest_delivery, o.purchase_date) >= ?")
		args = append(args, StatusShipped, now.Add(-reviewWindowStart).UnixMilli(), now.Add(-reviewWindowEnd).UnixMilli())
	}
	if f.After != nil {
		conds = append(conds, "(o.purchase_date < ? OR (o.purchase_date = ? AND o.order_id < ?))")
		p := f.After.PurchaseDate.UnixMilli()
		args = append(args, p, p, f.After.OrderID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func limitOf(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// ListOrders returns one page of orders, each with its items.
func (s *Store) ListOrders(ctx context.Context, f OrderFilter) ([]Order, error) {
	where, args := f.where()
	q := `SELECT ` + orderColumns + ` FROM orders o` + where +
		` ORDER BY o.purchase_date DESC, o.order_id DESC LIMIT ? OFFSET ?`
	args = append(args, limitOf(f.Limit), max(f.Offset, 0))
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.wrap("list orders", err)
	}
	defer rows.Close()
	var (
		out []Order
		ids []int64
	)
	for rows.Next() {
		id, o, err := scanOrder(rows)
		if err != nil {
			return nil, s.wrap("list orders", err)
		}
		out = append(out, o)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("list orders", err)
	}
	rows.Close()
	items, err := s.loadItems(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		out[i].Items = items[id]
	}
	return out, nil
}

// CountOrders returns how many orders match f; Limit, Offset and After are
// ignored.
func (s *Store) CountOrders(ctx context.Context, f OrderFilter) (int, error) {
	f.After = nil
	where, args := f.where()
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM orders o`+where, args...).Scan(&n); err != nil {
		return 0, s.wrap("count orders", err)
	}
	return n, nil
}
