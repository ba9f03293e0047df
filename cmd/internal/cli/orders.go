package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
)

// ordersOpts select and format the orders to list.
type ordersOpts struct {
	filter store.OrderFilter
	format string // table or json
}

// parseOrders reads the orders options; now anchors "--since 7d".
func parseOrders(args []string, now time.Time) (ordersOpts, error) {
	fs := newFlags("orders", "[--marketplace M] [--status S] [--since DATE|Nd] [--search WORDS] [--eligible] [--has-messages] [--limit N] [--format table|json]")
	market := fs.String("marketplace", "", "marketplace ID or country code, such as DE")
	status := fs.String("status", "", "order status, such as SHIPPED or UNSHIPPED")
	since := fs.String("since", "", "only orders bought on or after this date (2026-01-31) or in the last N days (7d)")
	search := fs.String("search", "", "words in the order ID, product titles, SKUs or ASINs")
	eligible := fs.Bool("eligible", false, "only orders that can get a review request now")
	hasMsgs := fs.Bool("has-messages", false, "only orders with a sent message")
	limit := fs.Int("limit", store.DefaultLimit, fmt.Sprintf("at most this many orders (up to %d)", store.MaxLimit))
	format := fs.String("format", "table", "output format: table or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return ordersOpts{}, err
	}
	o := ordersOpts{format: *format, filter: store.OrderFilter{Status: strings.ToUpper(*status), Search: *search,
		ReviewEligible: *eligible, HasMessages: *hasMsgs, Limit: *limit}}
	if len(rest) > 0 {
		return o, usagef("orders: unexpected argument %q", rest[0])
	}
	if o.filter.Marketplace, err = marketplaceID(*market); err != nil {
		return o, err
	}
	if o.filter.From, err = parseSince(*since, now); err != nil {
		return o, err
	}
	if *limit < 1 || *limit > store.MaxLimit {
		return o, usagef("--limit must be between 1 and %d", store.MaxLimit)
	}
	if *format != "table" && *format != "json" {
		return o, usagef("--format must be table or json, not %q", *format)
	}
	return o, nil
}

// runOrders lists the stored orders, newest first.
func runOrders(ctx context.Context, e *env, o ordersOpts) error {
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	orders, err := svc.Orders(ctx, o.filter)
	if err != nil {
		return err
	}
	if o.format == "json" {
		writeOrdersJSON(e.Stdout, orders)
		return nil
	}
	if len(orders) == 0 {
		fmt.Fprintln(e.Stderr, i18n.T(e.lang, "cli.orders.no_orders_match"))
		return nil
	}
	writeOrdersTable(e.Stdout, orders)
	return nil
}

// marketplaceID accepts a marketplace ID or a country code.
func marketplaceID(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	if m, ok := app.MarketplaceByCountry(v); ok {
		return m.ID, nil
	}
	if m, ok := app.MarketplaceByID(v); ok {
		return m.ID, nil
	}
	return "", usagef("--marketplace %q: not a marketplace ID or country code (such as DE or A1PA6795UKMFR9)", v)
}

// parseSince reads "2026-01-31" (local midnight) or "7d" (days before now).
func parseSince(v string, now time.Time) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if n, ok := strings.CutSuffix(v, "d"); ok {
		if days, err := strconv.Atoi(n); err == nil && days >= 0 && days <= 36500 {
			return now.AddDate(0, 0, -days), nil
		}
	}
	t, err := time.ParseInLocation(time.DateOnly, v, time.Local)
	if err != nil {
		return time.Time{}, usagef("--since %q: give a date such as 2026-01-31 or a number of days such as 7d", v)
	}
	return t, nil
}

func writeOrdersTable(w io.Writer, orders []store.Order) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ORDER\tMARKET\tSTATUS\tPURCHASED\tMSGS\tREVIEW\tITEMS")
	for _, o := range orders {
		review := "-"
		if o.ReviewRequested {
			review = "requested"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", o.OrderID, marketName(o.MarketplaceID), o.Status,
			dateOf(o.PurchaseDate), o.SentMessages, review, itemsSummary(o.Items))
	}
	_ = tw.Flush()
}

// itemsSummary is the first item's title, shortened, and how many more there are.
func itemsSummary(items []store.OrderItem) string {
	if len(items) == 0 {
		return ""
	}
	s := shorten(items[0].Title, 48)
	if items[0].Quantity > 1 {
		s = fmt.Sprintf("%d× %s", items[0].Quantity, s)
	}
	if len(items) > 1 {
		s += fmt.Sprintf(" (+%d)", len(items)-1)
	}
	return s
}

// shorten cuts s to at most n characters on one line.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format(time.DateOnly)
}

type orderJSON struct {
	OrderID          string          `json:"order_id"`
	MarketplaceID    string          `json:"marketplace_id"`
	Country          string          `json:"country"`
	Status           string          `json:"status"`
	PurchaseDate     time.Time       `json:"purchase_date"`
	EarliestDelivery *time.Time      `json:"earliest_delivery,omitempty"`
	LatestDelivery   *time.Time      `json:"latest_delivery,omitempty"`
	Fulfillment      string          `json:"fulfillment,omitempty"`
	BuyerLocale      string          `json:"buyer_locale,omitempty"`
	SentMessages     int             `json:"sent_messages"`
	ReviewRequested  bool            `json:"review_requested"`
	Items            []orderItemJSON `json:"items"`
}

type orderItemJSON struct {
	ASIN     string `json:"asin,omitempty"`
	SKU      string `json:"sku,omitempty"`
	Title    string `json:"title"`
	Quantity int    `json:"quantity"`
	Price    string `json:"price,omitempty"`
	Currency string `json:"currency,omitempty"`
}

func writeOrdersJSON(w io.Writer, orders []store.Order) {
	out := make([]orderJSON, 0, len(orders))
	for _, o := range orders {
		j := orderJSON{OrderID: o.OrderID, MarketplaceID: o.MarketplaceID, Country: marketName(o.MarketplaceID),
			Status: o.Status, PurchaseDate: o.PurchaseDate, EarliestDelivery: timePtr(o.EarliestDelivery),
			LatestDelivery: timePtr(o.LatestDelivery), Fulfillment: o.FulfillmentChannel, BuyerLocale: o.BuyerLocale,
			SentMessages: o.SentMessages, ReviewRequested: o.ReviewRequested, Items: []orderItemJSON{}}
		for _, it := range o.Items {
			j.Items = append(j.Items, orderItemJSON{it.ASIN, it.SKU, it.Title, it.Quantity, it.PriceAmount, it.PriceCurrency})
		}
		out = append(out, j)
	}
	writeJSON(w, out)
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// writeJSON prints v indented, without HTML escaping (texts stay readable).
func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
