package spapi

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Datasets for SearchOrdersQuery.IncludedData and GetOrder.
const (
	IncludeBuyer        = "BUYER"
	IncludeRecipient    = "RECIPIENT"
	IncludeProceeds     = "PROCEEDS"
	IncludeExpense      = "EXPENSE"
	IncludePromotion    = "PROMOTION"
	IncludeCancellation = "CANCELLATION"
	IncludeFulfillment  = "FULFILLMENT"
	IncludePackages     = "PACKAGES"
	IncludeTax          = "TAX"
	IncludePayment      = "PAYMENT"
	IncludeFulfillOrds  = "FULFILLMENT_ORDERS"
)

var (
	knownIncluded = []string{IncludeBuyer, IncludeRecipient, IncludeProceeds, IncludeExpense, IncludePromotion,
		IncludeCancellation, IncludeFulfillment, IncludePackages, IncludeTax, IncludePayment, IncludeFulfillOrds}
	knownStatuses = []FulfillmentStatus{StatusPendingAvailability, StatusPending, StatusUnshipped,
		StatusPartiallyShipped, StatusShipped, StatusCancelled, StatusUnfulfillable}
)

// SearchOrdersQuery filters searchOrders. Exactly one of CreatedAfter and
// LastUpdatedAfter must be set; a Before bound belongs to its After.
type SearchOrdersQuery struct {
	CreatedAfter, CreatedBefore         time.Time
	LastUpdatedAfter, LastUpdatedBefore time.Time
	FulfillmentStatuses                 []FulfillmentStatus
	MarketplaceIDs                      []string // at most 50
	FulfilledBy                         []string // "MERCHANT", "AMAZON"
	MaxResultsPerPage                   int      // 1-100; 0 means Amazon's default (100)
	IncludedData                        []string // Include* constants
	PaginationToken                     string   // from OrdersPage.NextToken
}

// validate applies the model's rules. now is the wall clock: Amazon wants
// every Before bound at least two minutes in the past.
func (q SearchOrdersQuery) validate(now time.Time) error {
	created, updated := !q.CreatedAfter.IsZero(), !q.LastUpdatedAfter.IsZero()
	switch {
	case created == updated:
		return newValidation("query", "set exactly one of CreatedAfter and LastUpdatedAfter",
			"Genau eines von CreatedAfter und LastUpdatedAfter muss gesetzt sein")
	case created && !q.LastUpdatedBefore.IsZero(), updated && !q.CreatedBefore.IsZero():
		return newValidation("query", "a Before bound must belong to the same kind of date as the After bound",
			"Die Bis-Grenze muss zur selben Datumsart gehören wie die Ab-Grenze")
	}
	after, before := q.CreatedAfter, q.CreatedBefore
	if updated {
		after, before = q.LastUpdatedAfter, q.LastUpdatedBefore
	}
	if !before.IsZero() {
		if before.Before(after) {
			return newValidation("query", "the end of the time range is before its start",
				"Das Ende des Zeitraums liegt vor seinem Anfang")
		}
		if before.After(now.Add(-2 * time.Minute)) {
			return newValidation("query", "the end of the time range must be at least two minutes in the past",
				"Das Ende des Zeitraums muss mindestens zwei Minuten zurückliegen")
		}
	}
	if after.After(now) {
		return newValidation("query", "the start of the time range is in the future",
			"Der Anfang des Zeitraums liegt in der Zukunft")
	}
	if len(q.MarketplaceIDs) > 50 {
		return newValidation("marketplaceIDs", "at most 50 marketplaces may be searched at once",
			"Höchstens 50 Marktplätze können auf einmal durchsucht werden")
	}
	for _, m := range q.MarketplaceIDs {
		if err := checkMarketplaceFormat(m); err != nil {
			return err
		}
	}
	if q.MaxResultsPerPage < 0 || q.MaxResultsPerPage > 100 {
		return newValidation("maxResultsPerPage", "results per page must be between 1 and 100",
			"Ergebnisse pro Seite müssen zwischen 1 und 100 liegen")
	}
	for _, s := range q.FulfillmentStatuses {
		if !contains(knownStatuses, s) {
			return newValidation("fulfillmentStatuses", fmt.Sprintf("unknown order status %q", clip(string(s), 40)),
				fmt.Sprintf("Unbekannter Bestellstatus %q", clip(string(s), 40)))
		}
	}
	for _, f := range q.FulfilledBy {
		if f != "MERCHANT" && f != "AMAZON" {
			return newValidation("fulfilledBy", fmt.Sprintf("%q is neither MERCHANT nor AMAZON", clip(f, 40)),
				fmt.Sprintf("%q ist weder MERCHANT noch AMAZON", clip(f, 40)))
		}
	}
	return checkIncluded(q.IncludedData)
}

func checkIncluded(data []string) error {
	for _, d := range data {
		if !contains(knownIncluded, d) {
			return newValidation("includedData", fmt.Sprintf("unknown dataset %q", clip(d, 40)),
				fmt.Sprintf("Unbekannter Datensatz %q", clip(d, 40)))
		}
	}
	return nil
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// values encodes the query; arrays are comma-separated (Swagger's csv).
func (q SearchOrdersQuery) values() url.Values {
	v := url.Values{}
	setTime := func(k string, t time.Time) {
		if !t.IsZero() {
			v.Set(k, isoTime(t))
		}
	}
	setList := func(k string, l []string) {
		if len(l) > 0 {
			v.Set(k, strings.Join(l, ","))
		}
	}
	setTime("createdAfter", q.CreatedAfter)
	setTime("createdBefore", q.CreatedBefore)
	setTime("lastUpdatedAfter", q.LastUpdatedAfter)
	setTime("lastUpdatedBefore", q.LastUpdatedBefore)
	statuses := make([]string, len(q.FulfillmentStatuses))
	for i, s := range q.FulfillmentStatuses {
		statuses[i] = string(s)
	}
	setList("fulfillmentStatuses", statuses)
	setList("marketplaceIds", q.MarketplaceIDs)
	setList("fulfilledBy", q.FulfilledBy)
	setList("includedData", q.IncludedData)
	if q.MaxResultsPerPage > 0 {
		v.Set("maxResultsPerPage", strconv.Itoa(q.MaxResultsPerPage))
	}
	if q.PaginationToken != "" {
		v.Set("paginationToken", q.PaginationToken)
	}
	return v
}

// OrdersPage is one page of searchOrders.
type OrdersPage struct {
	Orders []Order
	// NextToken fetches the next page (as PaginationToken, with every other
	// filter unchanged); empty on the last page. It expires after 24 hours.
	NextToken string
	// CreatedBefore / LastUpdatedBefore are the bounds Amazon applied.
	CreatedBefore, LastUpdatedBefore time.Time
	RequestID                        string
	// Skipped counts the orders of the page that could not be read (such as
	// one without orderId or createdTime); they are left out of Orders so
	// that one bad order does not make the page, and every later page,
	// unreadable. SkipReason says what was wrong with the first of them.
	Skipped    int
	SkipReason string
}

// SearchOrders fetches one page of orders (searchOrders). Most callers want
// Orders, which follows the pages.
func (c *Client) SearchOrders(ctx context.Context, q SearchOrdersQuery) (*OrdersPage, error) {
	if err := q.validate(time.Now()); err != nil {
		return nil, err
	}
	if err := c.checkRegion(q.MarketplaceIDs...); err != nil {
		return nil, err
	}
	resp, err := c.call(ctx, apiRequest{op: opSearchOrders, method: http.MethodGet, path: "/orders/2026-01-01/orders", query: q.values()})
	if err != nil {
		return nil, err
	}
	p, err := decodeSearchOrders(resp.body)
	if err != nil {
		return nil, malformed(opSearchOrders.name, resp, err)
	}
	p.RequestID = resp.requestID
	for i := range p.Orders {
		p.Orders[i].RequestID = resp.requestID
	}
	return p, nil
}

// Orders yields every order matching q, fetching pages as needed and waiting
// for the rate limit in between. It stops at the first error (yielded with a
// zero Order), when ctx is done, or when the loop breaks. Orders a page
// could not read are left out (see OrdersPage.Skipped).
func (c *Client) Orders(ctx context.Context, q SearchOrdersQuery) iter.Seq2[Order, error] {
	return func(yield func(Order, error) bool) {
		for {
			page, err := c.SearchOrders(ctx, q)
			if err != nil {
				yield(Order{}, err)
				return
			}
			for _, o := range page.Orders {
				if err := ctx.Err(); err != nil {
					yield(Order{}, err)
					return
				}
				if !yield(o, nil) {
					return
				}
			}
			if page.NextToken == "" {
				return
			}
			if page.NextToken == q.PaginationToken {
				yield(Order{}, &ResponseError{Operation: opSearchOrders.name, StatusCode: http.StatusOK, RequestID: page.RequestID,
					Err: fmt.Errorf("%w: the same page token was returned twice", ErrMalformedResponse)})
				return
			}
			q.PaginationToken = page.NextToken
		}
	}
}

func decodeSearchOrders(body []byte) (*OrdersPage, error) {
	var b struct {
		Orders     *[]json.RawMessage `json:"orders"`
		Pagination *struct {
			NextToken string `json:"nextToken"`
		} `json:"pagination"`
		LastUpdatedBefore *time.Time `json:"lastUpdatedBefore"`
		CreatedBefore     *time.Time `json:"createdBefore"`
	}
	if err := decodeJSON(body, &b); err != nil {
		return nil, err
	}
	if b.Orders == nil {
		return nil, fmt.Errorf("%w: answer has no orders list", ErrMalformedResponse)
	}
	p := &OrdersPage{CreatedBefore: deref(b.CreatedBefore), LastUpdatedBefore: deref(b.LastUpdatedBefore)}
	if b.Pagination != nil {
		p.NextToken = b.Pagination.NextToken
	}
	for _, raw := range *b.Orders {
		o, err := decodeOrder(raw)
		if err != nil {
			if p.Skipped == 0 {
				p.SkipReason = err.Error()
			}
			p.Skipped++
			continue
		}
		p.Orders = append(p.Orders, o)
	}
	return p, nil
}

// decodeOrder reads one order of a page on its own, so a malformed order
// costs only itself.
func decodeOrder(raw json.RawMessage) (Order, error) {
	var w wireOrder
	if err := decodeJSON(raw, &w); err != nil {
		return Order{}, err
	}
	return w.order()
}

// GetOrder fetches one order with its items (getOrder); includedData selects
// further datasets (Include* constants).
func (c *Client) GetOrder(ctx context.Context, orderID string, includedData ...string) (*Order, error) {
	if err := checkOrderID(orderID); err != nil {
		return nil, err
	}
	if err := checkIncluded(includedData); err != nil {
		return nil, err
	}
	q := url.Values{}
	if len(includedData) > 0 {
		q.Set("includedData", strings.Join(includedData, ","))
	}
	resp, err := c.call(ctx, apiRequest{op: opGetOrder, method: http.MethodGet, path: "/orders/2026-01-01/orders/" + url.PathEscape(orderID), query: q})
	if err != nil {
		return nil, err
	}
	o, err := decodeGetOrder(resp.body)
	if err != nil {
		return nil, malformed(opGetOrder.name, resp, err)
	}
	o.RequestID = resp.requestID
	return o, nil
}

func decodeGetOrder(body []byte) (*Order, error) {
	var b struct {
		Order *wireOrder `json:"order"`
	}
	if err := decodeJSON(body, &b); err != nil {
		return nil, err
	}
	if b.Order == nil {
		return nil, fmt.Errorf("%w: answer has no order", ErrMalformedResponse)
	}
	o, err := b.Order.order()
	if err != nil {
		return nil, err
	}
	return &o, nil
}
