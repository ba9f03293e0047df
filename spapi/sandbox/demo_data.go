package sandbox

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Fulfillment statuses as Orders v2026-01-01 names them.
const (
	statusPendingAvailability = "PENDING_AVAILABILITY"
	statusPending             = "PENDING"
	statusUnshipped           = "UNSHIPPED"
	statusPartiallyShipped    = "PARTIALLY_SHIPPED"
	statusShipped             = "SHIPPED"
	statusCancelled           = "CANCELLED"
)

const day = 24 * time.Hour

// demoItem is one order line.
type demoItem struct {
	id        string
	p         *product
	qty       int
	shipped   int
	unitCents int64
}

// demoOrder is an order of the demo marketplace. It never changes after generation.
type demoOrder struct {
	id                             string
	m                              *Marketplace
	created, updated               time.Time
	status                         string
	fulfilledBy                    string
	serviceLevel                   string
	programs                       []string
	shipEarliest, shipLatest       time.Time
	deliverEarliest, deliverLatest time.Time
	shippedAt, deliveredAt         time.Time // zero when it has not happened
	items                          []demoItem
	shippingCents                  int64
	buyerName, buyerEmail, locale  string
	street                         string
	place                          place
	carrier, tracking, packageID   string
}

func (o *demoOrder) has(f func(*product) bool) bool {
	for _, it := range o.items {
		if f(it.p) {
			return true
		}
	}
	return false
}

func (o *demoOrder) totalCents() int64 {
	t := o.shippingCents
	for _, it := range o.items {
		t += it.unitCents * int64(it.qty)
	}
	return t
}

// generateOrders makes n orders placed over the 60 days before now,
// sorted by creation time. The same seed, now and n give the same orders.
func generateOrders(seed uint64, now time.Time, n int) []*demoOrder {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	orders := make([]*demoOrder, 0, n)
	seen := make(map[string]bool, n)
	for range n {
		o := generateOrder(rng, now)
		for seen[o.id] {
			o.id = orderID(rng, o.m)
		}
		seen[o.id] = true
		orders = append(orders, o)
	}
	sortOrders(orders)
	return orders
}

func sortOrders(orders []*demoOrder) {
	slices.SortFunc(orders, func(a, b *demoOrder) int {
		if c := a.created.Compare(b.created); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func digits(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + rng.IntN(10)))
	}
	return b.String()
}

func orderID(rng *rand.Rand, m *Marketplace) string {
	return pick(rng, m.orderPrefix) + "-" + digits(rng, 7) + "-" + digits(rng, 7)
}

func pickMarketplace(rng *rand.Rand) *Marketplace {
	r := rng.IntN(100)
	for i, w := range marketplaceWeights {
		if r < w {
			return &DemoMarketplaces[i]
		}
		r -= w
	}
	return &DemoMarketplaces[0]
}

// localPrice turns a EUR price into the marketplace's currency, ending in .99.
func localPrice(cents int64, m *Marketplace) int64 {
	if m.priceFactor == 1 {
		return cents
	}
	return int64(math.Round(float64(cents)*m.priceFactor/100))*100 - 1
}

func generateOrder(rng *rand.Rand, now time.Time) *demoOrder {
	m := pickMarketplace(rng)
	// more recent orders than old ones, as a growing shop sees
	age := time.Duration(math.Pow(rng.Float64(), 1.5) * float64(60*day))
	o := &demoOrder{m: m, id: orderID(rng, m), created: now.Add(-age).Truncate(time.Second)}

	nItems := 1
	if r := rng.IntN(100); r >= 92 {
		nItems = 3
	} else if r >= 70 {
		nItems = 2
	}
	perm := rng.Perm(len(catalog))
	for i := range nItems {
		p := &catalog[perm[i]]
		qty := 1
		if !p.customizable && !p.digital && rng.IntN(100) < 15 {
			qty = 2
		}
		o.items = append(o.items, demoItem{id: digits(rng, 14), p: p, qty: qty, unitCents: localPrice(p.priceCents, m)})
	}

	o.fulfilledBy = "MERCHANT"
	seller := o.has(func(p *product) bool { return p.customizable || p.digital })
	if !seller && rng.IntN(100) < 40 {
		o.fulfilledBy = "AMAZON"
	}
	o.serviceLevel = "STANDARD"
	if r := rng.IntN(100); r < 12 {
		o.serviceLevel = "EXPEDITED"
	} else if r < 18 {
		o.serviceLevel = "NEXT_DAY"
	}
	if o.fulfilledBy == "AMAZON" && rng.IntN(100) < 75 {
		o.programs = append(o.programs, "PRIME")
	}
	if rng.IntN(100) < 6 {
		o.programs = append(o.programs, "AMAZON_BUSINESS")
	}
	if m.Currency == "EUR" && o.fulfilledBy == "AMAZON" && rng.IntN(100) < 40 {
		o.programs = append(o.programs, "INVOICE_BY_AMAZON")
	}
	if o.fulfilledBy == "MERCHANT" && rng.IntN(100) < 45 {
		o.shippingCents = localPrice(399, m)
	}

	handling := day
	if o.has(func(p *product) bool { return p.customizable }) {
		handling = 3 * day
	}
	o.shipEarliest = o.created
	o.shipLatest = o.created.Add(handling)
	transit := 2 * day
	if o.serviceLevel != "STANDARD" {
		transit = day
	}
	o.deliverEarliest = o.shipLatest.Add(transit)
	o.deliverLatest = o.deliverEarliest.Add(time.Duration(2+rng.IntN(3)) * day)
	if m.Code == "US" {
		o.deliverLatest = o.deliverLatest.Add(day)
	}

	o.buyerName = pick(rng, buyerNames[m.Code])
	o.place = pick(rng, places[m.Code])
	o.street = pick(rng, streets[m.Code])
	o.locale = m.Locale
	if rng.IntN(100) < 15 {
		o.locale = pick(rng, foreignLocales[m.Code])
	}
	if o.fulfilledBy == "MERCHANT" {
		o.buyerEmail = randomLetters(rng, 16) + "@marketplace." + strings.TrimPrefix(m.Domain, "www.")
	}
	o.carrier = pick(rng, carriers[m.Code])
	if o.fulfilledBy == "AMAZON" {
		o.carrier = "AMZN_" + m.CountryCode
	}
	o.tracking = strings.ToUpper(randomLetters(rng, 2)) + digits(rng, 12)
	o.packageID = digits(rng, 9)

	setStatus(rng, o, now)
	return o
}

// setStatus decides where the order stands at now from its age.
func setStatus(rng *rand.Rand, o *demoOrder, now time.Time) {
	o.updated = o.created
	age := now.Sub(o.created)
	switch r := rng.IntN(100); {
	case r < 3 && age > time.Hour:
		o.status = statusCancelled
		o.updated = o.created.Add(time.Duration(rng.Int64N(int64(min(age, day)))))
		return
	case r == 3 && age < 10*day:
		o.status = statusPendingAvailability
		return
	case age < 30*time.Minute || (age < 4*time.Hour && r < 25):
		o.status = statusPending
		return
	}
	handling := o.shipLatest.Sub(o.created)
	ship := o.created.Add(time.Duration((0.3 + 0.7*rng.Float64()) * float64(handling)))
	if ship.After(now) {
		o.status = statusUnshipped
		o.updated = o.created.Add(time.Duration(rng.Int64N(int64(min(age, time.Hour)) + 1)))
		if len(o.items) > 1 && rng.IntN(100) < 40 {
			o.status = statusPartiallyShipped
			o.items[0].shipped = o.items[0].qty
			o.shippedAt = o.created.Add(age / 2).Truncate(time.Second)
			o.updated = o.shippedAt
		}
		return
	}
	o.status = statusShipped
	o.shippedAt = ship.Truncate(time.Second)
	o.updated = o.shippedAt
	for i := range o.items {
		o.items[i].shipped = o.items[i].qty
	}
	window := o.deliverLatest.Sub(o.deliverEarliest)
	delivered := o.deliverEarliest.Add(time.Duration(rng.Float64() * float64(window))).Truncate(time.Second)
	if !delivered.After(now) {
		o.deliveredAt = delivered
		o.updated = delivered
	}
}

func randomLetters(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('a' + rng.IntN(26)))
	}
	return b.String()
}

// money formats cents as Amazon's decimal string.
func money(cents int64) string {
	return strconv.FormatInt(cents/100, 10) + "." + strconv.FormatInt(cents%100/10, 10) + strconv.FormatInt(cents%10, 10)
}
