package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// TestNewSellerInGerman walks what a new seller does on the first day, in a
// German window: try the demo, write to a German buyer with a shop link and
// a request for five stars, read the hints, fix the text, send it, request
// reviews for every eligible order, and find it all in the history.
func TestNewSellerInGerman(t *testing.T) {
	e := newTestEnv(t)
	e.a.Preferences().SetString(PrefLanguage, string(LanguageGerman))
	setTestLanguage(t, LanguageGerman)
	e.start()
	demo := findButton([]fyne.CanvasObject{e.w.Content()}, "Demo ausprobieren")
	if demo == nil {
		t.Fatalf("no German welcome:\n%s", contentTexts(e.w))
	}
	test.Tap(demo)
	ms := e.m.main
	e.sync(ms)

	d := findDetail(t, e.m.svc, store.OrderFilter{}, func(d *app.OrderDetail) bool {
		return d.Offers(policy.KindUnexpectedProblem) && baseLanguage(d.BuyerLocale) == "de"
	})
	e.showOrder(ms, d.Order.OrderID)
	c := ms.work.composer
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}

	// The risky draft: a link to the shop and a request for five stars.
	test.Type(c.entry, "Guten Tag, Ihre Bestellung "+d.Order.OrderID+" verzögert sich um zwei Tage. "+
		"Bitte geben Sie uns trotzdem 5 Sterne! Mehr unter www.meinshop.de")
	rules := ruleIDs(c)
	for _, want := range []string{"block:EXTERNAL_LINK", "risk:POSITIVE_REVIEW_REQUEST"} {
		if !slices.Contains(rules, want) {
			t.Errorf("no %s hint; hints: %v", want, rules)
		}
	}
	if link := rowFor(c, "EXTERNAL_LINK"); link == nil || !strings.Contains(link.head.Text, "Blockiert das Senden") ||
		!strings.Contains(link.excerpt.Text, "www.meinshop.de") || link.fix.Text == "" {
		t.Errorf("the link hint does not show the words, that it blocks, and a fix")
	}
	if !c.sendButton.Disabled() {
		t.Fatal("Send is enabled while the link stands")
	}

	// Fixed: a plain delay notice.
	c.SetText(noticeText(d))
	if c.sendButton.Disabled() || c.Result().Worst() >= policy.Risk {
		t.Fatalf("the fixed text still cannot be sent: %v", ruleIDs(c))
	}
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Senden")
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	if c.outcome != ResultSent {
		t.Fatalf("outcome %v: %q", c.outcome, c.detail)
	}

	// Reviews for every eligible order.
	eligible, err := e.m.svc.CountOrders(context.Background(), store.OrderFilter{ReviewEligible: true})
	if err != nil || eligible == 0 {
		t.Fatalf("no eligible demo orders: %v", err)
	}
	test.Tap(ms.work.orders.reviewsButton)
	overlays := func() string { return strings.Join(labelTexts(e.w.Canvas().Overlays().List()), "\n") }
	e.q.until(t, "the count of eligible orders", func() bool { return strings.Contains(overlays(), "Bestellungen sind möglich") })
	if !strings.Contains(overlays(), strconv.Itoa(eligible)+" Bestellungen sind möglich") {
		t.Errorf("the confirmation does not count %d orders: %q", eligible, overlays())
	}
	tapDialogButton(t, e.w, "Bewertungen anfragen")
	e.q.until(t, "the summary", func() bool { return strings.Contains(overlays(), " angefragt, ") })
	if !strings.Contains(overlays(), strconv.Itoa(eligible)+" angefragt") {
		t.Errorf("summary %q, want %d requested", overlays(), eligible)
	}
	tapDialogButton(t, e.w, "OK")

	// Everything is in the history.
	ms.tabs.Select(ms.historyTab)
	h := ms.history
	if h == nil || ms.historyTab.Text != "Verlauf" {
		t.Fatal("the history tab does not open")
	}
	e.q.until(t, "the sent message in the history", func() bool {
		return len(h.messages) == 1 && h.messages[0].OrderID == d.Order.OrderID
	})
	if m := h.messages[0]; m.Status != store.StatusSent || m.Text != noticeText(d) {
		t.Errorf("history shows %+v", m)
	}
	selectOption(t, h.filters.show, "Bewertungsanfragen")
	e.q.until(t, "the review requests in the history", func() bool { return len(h.reviews) == eligible })
	for _, r := range h.reviews {
		if r.Status != store.ReviewSent {
			t.Errorf("review request for %s is %s", r.OrderID, r.Status)
		}
	}
}
