package ui

import (
	"strings"
	"time"

	"sellermail/app"
)

// fmtDate writes a date the way the window's language does.
func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	t = t.Local()
	if Lang() == LanguageGerman {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// fmtDateTime writes a date and time the way the window's language does.
func fmtDateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	t = t.Local()
	if Lang() == LanguageGerman {
		return t.Format("02.01.2006 15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// fmtRange writes a date range, one date when both ends are the same day.
func fmtRange(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "–"
	case to.IsZero() || fmtDate(from) == fmtDate(to):
		return fmtDate(from)
	case from.IsZero():
		return fmtDate(to)
	}
	return fmtDate(from) + " – " + fmtDate(to)
}

// marketplaceName is a marketplace's store host without "www.", such as
// "amazon.de"; unknown IDs are shown as they are.
func marketplaceName(id string) string {
	m, ok := app.MarketplaceByID(id)
	if !ok {
		return id
	}
	return strings.TrimPrefix(m.Domain, "www.")
}

// sellerCentralURL is the order's page in Seller Central for its
// marketplace, "" when the marketplace is unknown.
func sellerCentralURL(marketplaceID, orderID string) string {
	m, ok := app.MarketplaceByID(marketplaceID)
	if !ok || orderID == "" {
		return ""
	}
	return "https://sellercentral." + strings.TrimPrefix(m.Domain, "www.") + "/orders-v3/order/" + orderID
}

// statusName names an order status in the window's language.
func statusName(status string) string {
	key := "orders.status." + strings.ToLower(status)
	if text := tr(key); text != key {
		return text
	}
	return status
}
