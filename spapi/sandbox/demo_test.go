package sandbox

import (
	"net/url"
	"reflect"
	"slices"
	"testing"
	"time"
)

const allData = "BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT,FULFILLMENT_ORDERS"

func TestDemoOrdersDeterministicPerSeed(t *testing.T) {
	a := generateOrders(7, fixedNow, 300)
	b := generateOrders(7, fixedNow, 300)
	c := generateOrders(8, fixedNow, 300)
	wire := func(os []*demoOrder) []wOrder {
		var out []wOrder
		for _, o := range os {
			out = append(out, o.toWire(dataset{"BUYER": true, "RECIPIENT": true, "PROCEEDS": true, "FULFILLMENT": true, "PACKAGES": true}))
		}
		return out
	}
	if !reflect.DeepEqual(wire(a), wire(b)) {
		t.Fatal("same seed and now gave different orders")
	}
	if reflect.DeepEqual(wire(a), wire(c)) {
		t.Fatal("different seeds gave the same orders")
	}
}

func TestDemoOrdersAreRealistic(t *testing.T) {
	orders := generateOrders(1, fixedNow, 400)
	ids := map[string]bool{}
	markets := map[string]int{}
	statuses := map[string]int{}
	foreign := 0
	for _, o := range orders {
		if ids[o.id] {
			t.Errorf("duplicate order ID %s", o.id)
		}
		ids[o.id] = true
		markets[o.m.Code]++
		statuses[o.status]++
		if o.locale != o.m.Locale {
			foreign++
		}
		if age := fixedNow.Sub(o.created); age < 0 || age > 60*day {
			t.Errorf("%s created %v before now", o.id, age)
		}
		if o.updated.Before(o.created) || o.updated.After(fixedNow) {
			t.Errorf("%s updated %v outside [created, now]", o.id, o.updated)
		}
		if !o.deliverEarliest.Before(o.deliverLatest) || o.shipLatest.After(o.deliverEarliest) {
			t.Errorf("%s has inconsistent windows", o.id)
		}
		if o.status == statusShipped && o.shippedAt.IsZero() {
			t.Errorf("%s shipped without a ship time", o.id)
		}
		for _, it := range o.items {
			if it.p.title[o.m.lang] == "" {
				t.Errorf("%s: no %s title for %s", o.id, o.m.lang, it.p.sku)
			}
		}
	}
	for _, m := range DemoMarketplaces {
		if markets[m.Code] == 0 {
			t.Errorf("no orders in %s", m.Code)
		}
	}
	for _, s := range []string{statusPending, statusUnshipped, statusShipped, statusCancelled} {
		if statuses[s] == 0 {
			t.Errorf("no %s orders: %v", s, statuses)
		}
	}
	if foreign == 0 || foreign > len(orders)/3 {
		t.Errorf("%d of %d buyers have a foreign locale", foreign, len(orders))
	}
	if got := orders[0].m.Currency; got == "" {
		t.Error("no currency")
	}
}

func TestPricesInMarketplaceCurrency(t *testing.T) {
	e := start(t, Options{})
	for _, m := range DemoMarketplaces {
		o := e.findOrder(func(o *demoOrder) bool { return o.m.Code == m.Code && o.status == statusShipped })
		res, body := e.do("GET", "/orders/2026-01-01/orders/"+o.id+"?includedData=PROCEEDS", "")
		if res.StatusCode != 200 {
			t.Fatalf("%d %s", res.StatusCode, body)
		}
		var got wGetOrderResponse
		mustJSON(t, body, &got)
		if got.Order.Proceeds.GrandTotal.CurrencyCode != m.Currency || got.Order.OrderItems[0].Product.Price.UnitPrice.CurrencyCode != m.Currency {
			t.Errorf("%s: %+v", m.Code, got.Order.Proceeds)
		}
	}
}

// TestDemoAnswersMatchModels validates demo answers against the model
// definitions read at run time.
func TestDemoAnswersMatchModels(t *testing.T) {
	e := start(t, Options{})
	orders := loadDefinitions(t, "orders_2026-01-01.json")
	q := url.Values{"createdAfter": {fixedNow.Add(-61 * day).Format(time.RFC3339)}, "includedData": {allData}}
	res, body := e.do("GET", "/orders/2026-01-01/orders?"+q.Encode(), "")
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	if errs := orders.check("SearchOrdersResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("searchOrders: %v", errs[:min(len(errs), 10)])
	}
	// no includedData: only the base fields, still valid
	q.Del("includedData")
	_, body = e.do("GET", "/orders/2026-01-01/orders?"+q.Encode(), "")
	if errs := orders.check("SearchOrdersResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("searchOrders without includedData: %v", errs)
	}
	o := e.srv.demo.orders[len(e.srv.demo.orders)/2]
	_, body = e.do("GET", "/orders/2026-01-01/orders/"+o.id+"?includedData="+allData, "")
	if errs := orders.check("GetOrderResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("getOrder: %v", errs)
	}
	sellers := loadDefinitions(t, "sellers.json")
	_, body = e.do("GET", "/sellers/v1/marketplaceParticipations", "")
	if errs := sellers.check("GetMarketplaceParticipationsResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("participations: %v", errs)
	}
	msg := loadDefinitions(t, "messaging.json")
	_, body = e.do("GET", msgPath(o, ""), "")
	if errs := msg.check("GetMessagingActionsForOrderResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("messaging actions: %v", errs)
	}
	_, body = e.do("GET", msgPath(o, "/attributes"), "")
	if errs := msg.check("GetAttributesResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("attributes: %v", errs)
	}
	sol := loadDefinitions(t, "solicitations.json")
	_, body = e.do("GET", "/solicitations/v1/orders/"+o.id+"?marketplaceIds="+o.m.ID, "")
	if errs := sol.check("GetSolicitationActionsForOrderResponse", decodeAny(t, body)); len(errs) > 0 {
		t.Fatalf("solicitation actions: %v", errs)
	}
}

func TestSearchOrdersFiltersAndPages(t *testing.T) {
	e := start(t, Options{Orders: 250})
	de := DemoMarketplaces[0].ID
	q := url.Values{
		"createdAfter":        {fixedNow.Add(-30 * day).Format(time.RFC3339)},
		"marketplaceIds":      {de},
		"fulfillmentStatuses": {"SHIPPED,UNSHIPPED"},
		"fulfilledBy":         {"MERCHANT"},
		"maxResultsPerPage":   {"7"},
		"includedData":        {"FULFILLMENT"},
	}
	var want []string
	for _, o := range e.srv.demo.orders {
		if o.m.ID == de && o.fulfilledBy == "MERCHANT" && (o.status == statusShipped || o.status == statusUnshipped) && !o.created.Before(fixedNow.Add(-30*day)) {
			want = append(want, o.id)
		}
	}
	if len(want) < 8 {
		t.Fatalf("only %d matching orders; the test needs more than one page", len(want))
	}
	var got []string
	for pages := 0; ; pages++ {
		if pages > 50 {
			t.Fatal("pagination does not end")
		}
		res, body := e.do("GET", "/orders/2026-01-01/orders?"+q.Encode(), "")
		if res.StatusCode != 200 {
			t.Fatalf("%d %s", res.StatusCode, body)
		}
		var page wSearchOrdersResponse
		mustJSON(t, body, &page)
		if len(page.Orders) > 7 {
			t.Fatalf("page of %d orders", len(page.Orders))
		}
		for _, o := range page.Orders {
			got = append(got, o.OrderID)
			if o.Fulfillment == nil || o.Buyer != nil {
				t.Fatalf("includedData not honoured: %+v", o)
			}
		}
		if page.Pagination == nil {
			break
		}
		q.Set("paginationToken", page.Pagination.NextToken)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %d orders %v, want %d %v", len(got), got, len(want), want)
	}
	// a token must be reused with the same filters
	q.Set("fulfilledBy", "AMAZON")
	if res, body := e.do("GET", "/orders/2026-01-01/orders?"+q.Encode(), ""); res.StatusCode != 400 || errCode(t, body) != "InvalidInput" {
		t.Fatalf("token with other filters: %d %s", res.StatusCode, body)
	}
}

func TestSearchOrdersRejectsBadParameters(t *testing.T) {
	e := start(t, Options{})
	after := fixedNow.Add(-day).Format(time.RFC3339)
	for name, q := range map[string]url.Values{
		"neither after":       {},
		"both afters":         {"createdAfter": {after}, "lastUpdatedAfter": {after}},
		"mixed before":        {"createdAfter": {after}, "lastUpdatedBefore": {after}},
		"bad time":            {"createdAfter": {"yesterday"}},
		"before too recent":   {"createdAfter": {after}, "createdBefore": {fixedNow.Format(time.RFC3339)}},
		"before before after": {"createdAfter": {after}, "createdBefore": {fixedNow.Add(-2 * day).Format(time.RFC3339)}},
		"bad status":          {"createdAfter": {after}, "fulfillmentStatuses": {"Shipped"}},
		"page size":           {"createdAfter": {after}, "maxResultsPerPage": {"101"}},
		"bad token":           {"createdAfter": {after}, "paginationToken": {"!!"}},
		"bad includedData":    {"createdAfter": {after}, "includedData": {"EVERYTHING"}},
	} {
		res, body := e.do("GET", "/orders/2026-01-01/orders?"+q.Encode(), "")
		if res.StatusCode != 400 || errCode(t, body) != "InvalidInput" {
			t.Errorf("%s: %d %s", name, res.StatusCode, body)
		}
	}
	if res, body := e.do("GET", "/orders/2026-01-01/orders/999-0000000-0000000", ""); res.StatusCode != 404 {
		t.Errorf("unknown order: %d %s", res.StatusCode, body)
	}
}

func TestParticipationsListDemoMarketplaces(t *testing.T) {
	e := start(t, Options{StoreName: "Kiefer & Söhne"})
	res, body := e.do("GET", "/sellers/v1/marketplaceParticipations", "")
	if res.StatusCode != 200 || res.Header.Get("x-amzn-RateLimit-Limit") != "0.016" {
		t.Fatalf("%d %v", res.StatusCode, res.Header)
	}
	var got struct {
		Payload []struct {
			Marketplace struct{ ID, CountryCode, DefaultCurrencyCode, DefaultLanguageCode string }
			StoreName   string
		}
	}
	mustJSON(t, body, &got)
	if len(got.Payload) != len(DemoMarketplaces) || got.Payload[4].Marketplace.CountryCode != "GB" || got.Payload[0].StoreName != "Kiefer & Söhne" {
		t.Fatalf("%+v", got)
	}
}

func BenchmarkGenerateOrders(b *testing.B) {
	for b.Loop() {
		generateOrders(42, fixedNow, DefaultOrders)
	}
}

func BenchmarkNewDemoServer(b *testing.B) {
	for b.Loop() {
		New(Options{Seed: 42, Now: func() time.Time { return fixedNow }})
	}
}
