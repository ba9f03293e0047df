package spapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// pagedOrders serves three pages of two orders each, chained by tokens.
func pagedOrders(w http.ResponseWriter, r *http.Request) {
	page := map[string]int{"": 0, "p2": 1, "p3": 2}[r.URL.Query().Get("paginationToken")]
	next := map[int]string{0: "p2", 1: "p3"}[page]
	var orders []map[string]any
	for i := range 2 {
		orders = append(orders, map[string]any{
			"orderId":         fmt.Sprintf("303-000000%d-000000%d", page, i),
			"createdTime":     "2026-02-01T10:00:00Z",
			"lastUpdatedTime": "2026-02-02T10:00:00Z",
			"salesChannel":    map[string]any{"channelName": "AMAZON", "marketplaceId": mpDE},
			"orderItems":      []any{map[string]any{"orderItemId": "1", "quantityOrdered": 1, "product": map[string]any{"asin": "B000000001"}}},
		})
	}
	body := map[string]any{"orders": orders}
	if next != "" {
		body["pagination"] = map[string]any{"nextToken": next}
	}
	jsonReply(w, 200, body)
}

var since = SearchOrdersQuery{LastUpdatedAfter: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), MarketplaceIDs: []string{mpDE}}

func TestOrdersFollowsEveryPage(t *testing.T) {
	f := newFakeAmazon(t, pagedOrders)
	var ids []string
	for o, err := range f.client().Orders(context.Background(), since) {
		if err != nil {
			t.Fatal(err)
		}
		if o.RequestID == "" {
			t.Error("order without request ID")
		}
		ids = append(ids, o.ID)
	}
	if len(ids) != 6 || ids[0] != "303-0000000-0000000" || ids[5] != "303-0000002-0000001" {
		t.Fatalf("orders %v", ids)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d pages fetched", len(reqs))
	}
	for i, r := range reqs {
		if r.Query.Get("lastUpdatedAfter") != "2026-02-01T00:00:00Z" || r.Query.Get("marketplaceIds") != mpDE {
			t.Errorf("page %d lost the filters: %v", i+1, r.Query)
		}
	}
	if reqs[1].Query.Get("paginationToken") != "p2" || reqs[2].Query.Get("paginationToken") != "p3" {
		t.Errorf("tokens %q %q", reqs[1].Query.Get("paginationToken"), reqs[2].Query.Get("paginationToken"))
	}
}

func TestOrdersStopsWhenTheLoopBreaks(t *testing.T) {
	f := newFakeAmazon(t, pagedOrders)
	for range f.client().Orders(context.Background(), since) {
		break
	}
	if n := len(f.requests()); n != 1 {
		t.Fatalf("%d pages fetched after break, want 1", n)
	}
}

func TestOrdersStopsWhenCancelled(t *testing.T) {
	f := newFakeAmazon(t, pagedOrders)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got int
	var last error
	for _, err := range f.client().Orders(ctx, since) {
		if err != nil {
			last = err
			continue
		}
		got++
		cancel()
	}
	if got != 1 || !errors.Is(last, context.Canceled) {
		t.Fatalf("%d orders then %v; want 1 then context.Canceled", got, last)
	}
	if n := len(f.requests()); n != 1 {
		t.Fatalf("%d pages fetched after cancel", n)
	}
}

func TestOrdersReportsAPageError(t *testing.T) {
	f := newFakeAmazon(t, rawReply(400, `{"errors":[{"code":"InvalidInput","message":"Invalid Input"}]}`))
	n := 0
	for _, err := range f.client().Orders(context.Background(), since) {
		n++
		var ae *APIError
		if !errors.As(err, &ae) || ae.StatusCode != 400 || ae.RequestID == "" {
			t.Fatalf("got %v", err)
		}
	}
	if n != 1 {
		t.Fatalf("%d yields", n)
	}
}

func TestOrdersRefusesALoopingToken(t *testing.T) {
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		jsonReply(w, 200, map[string]any{"orders": []any{}, "pagination": map[string]any{"nextToken": "same"}})
	})
	var last error
	for _, err := range f.client().Orders(context.Background(), since) {
		last = err
	}
	if !errors.Is(last, ErrMalformedResponse) || len(f.requests()) != 2 {
		t.Fatalf("got %v after %d pages", last, len(f.requests()))
	}
}
