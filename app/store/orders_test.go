package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestUpsertAndGetOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	o := testOrder(1)
	o.EarliestDelivery = t0.Add(48 * time.Hour)
	o.LatestDelivery = t0.Add(96 * time.Hour)
	o.BuyerLocale = "de-DE"
	o.Items = append(o.Items, OrderItem{ASIN: "B0SECOND", SKU: "S2", Title: "Sieb", Quantity: 2, PriceAmount: "3.50", PriceCurrency: "EUR"})
	if err := s.UpsertOrders(ctx, []Order{o}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetOrder(ctx, o.OrderID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, o) {
		t.Errorf("GetOrder = %+v\nwant %+v", got, o)
	}
	if _, err := s.GetOrder(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing order: %v, want ErrNotFound", err)
	}
}

func TestUpsertKeepsNewerDataAndKnownLocale(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	o := testOrder(1)
	o.BuyerLocale = "fr-FR"
	if err := s.UpsertOrders(ctx, []Order{o}); err != nil {
		t.Fatal(err)
	}
	// A newer copy without locale and with new items replaces the old one.
	newer := o
	newer.Status = StatusShipped
	newer.LastUpdated = o.LastUpdated.Add(time.Hour)
	newer.BuyerLocale = ""
	newer.Items = []OrderItem{{ASIN: "B0NEW", SKU: "N", Title: "Milchaufschäumer", Quantity: 1, PriceAmount: "9", PriceCurrency: "EUR"}}
	// An older copy arriving late must not roll it back.
	stale := o
	stale.Status = "PENDING"
	stale.LastUpdated = o.LastUpdated.Add(-time.Hour)
	if err := s.UpsertOrders(ctx, []Order{newer, stale}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetOrder(ctx, o.OrderID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != StatusShipped || got.BuyerLocale != "fr-FR" || len(got.Items) != 1 || got.Items[0].ASIN != "B0NEW" {
		t.Errorf("after upsert: %+v", got)
	}
	// Search follows the item change.
	if n, _ := s.CountOrders(ctx, OrderFilter{Search: "teekanne"}); n != 0 {
		t.Errorf("old title still found %d times", n)
	}
	if n, _ := s.CountOrders(ctx, OrderFilter{Search: "milchaufschaumer"}); n != 1 {
		t.Errorf("new title (searched without umlaut) found %d times, want 1", n)
	}
}

func TestUpsertRejectsBadBatchWhole(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	bad := testOrder(2)
	bad.Items[0].Title = "Tee\xff"
	err := s.UpsertOrders(ctx, []Order{testOrder(1), bad})
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), bad.OrderID) || !strings.Contains(err.Error(), "title") {
		t.Fatalf("err = %v; want ErrInvalidUTF8 naming the order and field", err)
	}
	if n, _ := s.CountOrders(ctx, OrderFilter{}); n != 0 {
		t.Errorf("%d orders stored from a rejected batch", n)
	}
	noDate := testOrder(3)
	noDate.PurchaseDate = time.Time{}
	if err := s.UpsertOrders(ctx, []Order{noDate}); !errors.Is(err, ErrInvalid) {
		t.Errorf("order without purchase date: %v, want ErrInvalid", err)
	}
}

func TestListOrdersFilters(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var orders []Order
	for n := 1; n <= 30; n++ {
		o := testOrder(n)
		if n%3 == 0 {
			o.MarketplaceID = "A1F83G8C2ARO7P"
		}
		if n%2 == 0 {
			o.Status = StatusShipped
		}
		if n == 7 {
			o.Items[0].Title = "Espressotassen Set"
		}
		orders = append(orders, o)
	}
	if err := s.UpsertOrders(ctx, orders); err != nil {
		t.Fatal(err)
	}
	// Order 5 got a sent message, order 6 a failed one.
	for _, n := range []int{5, 6} {
		id, err := s.EnqueueMessage(ctx, testMessage(orders[n-1].OrderID))
		if err != nil {
			t.Fatal(err)
		}
		s.MarkSending(ctx, id)
		if n == 5 {
			err = s.MarkSent(ctx, id, "req-5")
		} else {
			err = s.MarkFailed(ctx, id, "403")
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	ids := func(f OrderFilter) []int {
		t.Helper()
		list, err := s.ListOrders(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountOrders(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, o := range list {
			for i := range orders {
				if orders[i].OrderID == o.OrderID {
					out = append(out, i+1)
				}
			}
		}
		if f.Limit == 0 && n != len(out) {
			t.Errorf("CountOrders(%+v) = %d, ListOrders returned %d", f, n, len(out))
		}
		return out
	}
	tests := []struct {
		name string
		f    OrderFilter
		want []int
	}{
		{"marketplace", OrderFilter{Marketplace: "A1F83G8C2ARO7P"}, []int{30, 27, 24, 21, 18, 15, 12, 9, 6, 3}},
		{"status and marketplace", OrderFilter{Marketplace: "A1F83G8C2ARO7P", Status: StatusShipped}, []int{30, 24, 18, 12, 6}},
		{"date range", OrderFilter{From: t0.Add(10 * time.Hour), To: t0.Add(13 * time.Hour)}, []int{12, 11, 10}},
		{"title word", OrderFilter{Search: "espresso"}, []int{7}},
		{"order id prefix", OrderFilter{Search: orders[12].OrderID[:12]}, []int{13}},
		{"sku", OrderFilter{Search: "SKU-21"}, []int{21}},
		{"quotes and operators are literal", OrderFilter{Search: `espresso" (* -`}, []int{7}},
		{"OR is a word, not an operator", OrderFilter{Search: `espresso OR teekanne`}, nil},
		{"only punctuation searches nothing", OrderFilter{Search: `"* -`, Limit: 3}, []int{30, 29, 28}},
		{"has messages", OrderFilter{HasMessages: true}, []int{5}},
		{"limit offset", OrderFilter{Limit: 2, Offset: 3}, []int{27, 26}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.f); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestListOrdersKeysetPagingVisitsEveryOrderOnce(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var orders []Order
	for n := 1; n <= 25; n++ {
		o := testOrder(n)
		o.PurchaseDate = t0.Add(time.Duration(n/3) * time.Hour) // ties on the date
		orders = append(orders, o)
	}
	if err := s.UpsertOrders(ctx, orders); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	f := OrderFilter{Limit: 4}
	for pages := 0; ; pages++ {
		page, err := s.ListOrders(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 || pages > 10 {
			break
		}
		for _, o := range page {
			if seen[o.OrderID] {
				t.Fatalf("order %s returned twice", o.OrderID)
			}
			seen[o.OrderID] = true
		}
		f.After = CursorOf(page[len(page)-1])
	}
	if len(seen) != len(orders) {
		t.Errorf("paging saw %d orders, want %d", len(seen), len(orders))
	}
}

func TestReviewEligibleFilter(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	now := t0.Add(30 * 24 * time.Hour)
	mk := func(n int, status string, earliest, latest time.Duration) Order {
		o := testOrder(n)
		o.Status = status
		o.EarliestDelivery, o.LatestDelivery = now.Add(-earliest), now.Add(-latest)
		return o
	}
	day := 24 * time.Hour
	orders := []Order{
		mk(1, StatusShipped, 10*day, 8*day),  // inside the window
		mk(2, StatusShipped, 3*day, 1*day),   // too early
		mk(3, StatusShipped, 40*day, 35*day), // too late
		mk(4, "UNSHIPPED", 10*day, 8*day),    // not shipped
		mk(5, StatusShipped, 10*day, 8*day),  // already requested
		mk(6, StatusShipped, 20*day, 20*day), // inside
	}
	if err := s.UpsertOrders(ctx, orders); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordReviewRequest(ctx, ReviewRequest{OrderID: orders[4].OrderID, MarketplaceID: "A1PA6795UKMFR9"}); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListOrders(ctx, OrderFilter{ReviewEligible: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range list {
		got = append(got, o.OrderID)
	}
	want := []string{orders[5].OrderID, orders[0].OrderID}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("eligible = %v, want %v", got, want)
	}
}
