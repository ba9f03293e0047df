package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi/sandbox"
)

func TestSelectingOrderOffersItsKindsAndSends(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	want := findDetail(t, e.m.svc, store.OrderFilter{}, offersTo(policy.KindUnexpectedProblem))
	d := e.showOrder(ms, want.Order.OrderID)
	v, c := ms.work.detail, ms.work.composer

	if !strings.Contains(v.title.Text, want.Order.OrderID) || !strings.Contains(v.facts.Text, "Buyer's language: ") {
		t.Errorf("detail shows %q / %q", v.title.Text, v.facts.Text)
	}
	if len(d.Offered) == len(policy.Kinds()) {
		t.Fatal("the demo order offers every kind, so the test proves nothing")
	}
	menu := c.kindMenu()
	for i, k := range policy.Kinds() {
		offered := d.Offers(k) || k == policy.KindReply
		if c.offers(k) != offered || menu.Items[i].Disabled == offered {
			t.Errorf("%s: composer offers %v, menu disabled %v; Amazon offers %v", k, c.offers(k), menu.Items[i].Disabled, d.Offers(k))
		}
	}
	if len(v.kinds.Objects) != len(policy.Kinds()) {
		t.Errorf("the detail lists %d kinds, want all %d with reasons", len(v.kinds.Objects), len(policy.Kinds()))
	}
	if !strings.Contains(contentTexts(e.w), d.KindNote(policy.KindReply, i18n.English)) {
		t.Error("the detail does not say why replies cannot be sent from here")
	}

	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	text := noticeText(d)
	c.SetText(text)
	if c.Result().Blocked() {
		t.Fatalf("the test text is blocked: %+v", c.Result().Findings)
	}
	// Escape closes the confirmation without sending.
	test.Tap(c.sendButton)
	if c.confirm == nil {
		t.Fatal("Send opened no confirmation")
	}
	e.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.confirm != nil || e.w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape does not close the confirmation")
	}
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Send")
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	if c.outcome != ResultSent {
		t.Fatalf("outcome %v: %q", c.outcome, c.detail)
	}
	e.q.until(t, "the message in the order's messages", func() bool {
		return !v.loading() && len(v.detail.Messages) == 1 && strings.Contains(contentTexts(e.w), text)
	})
	if m := v.detail.Messages[0]; m.Status != store.StatusSent || m.Text != text {
		t.Errorf("the order's message is %+v", m)
	}
	if c.Text() != text || c.outcome != ResultSent {
		t.Error("refreshing the detail after sending reset the composer")
	}
}

func TestRequestReviewOnceThenRefusedWithReason(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	id := e.openEligibleOrder(ms)
	v := ms.work.detail
	if v.reviewBtn.Disabled() || !strings.HasPrefix(v.review.Text, "A review request can be sent until ") {
		t.Fatalf("eligible order: button disabled %v, says %q", v.reviewBtn.Disabled(), v.review.Text)
	}
	test.Tap(v.reviewBtn)
	e.q.until(t, "the review request", func() bool { return v.reviewOut.Visible() && !v.loading() })
	if v.reviewOut.Text != "Amazon sent the review request to the buyer." {
		t.Fatalf("outcome %q", v.reviewOut.Text)
	}
	if !v.reviewBtn.Disabled() || !strings.Contains(v.review.Text, "already requested") {
		t.Errorf("after the request: button disabled %v, says %q", v.reviewBtn.Disabled(), v.review.Text)
	}
	// A second request (as from a stale window) is refused with the reason.
	ms.work.reviews.request(id)
	e.q.until(t, "the refusal", func() bool { return strings.HasPrefix(v.reviewOut.Text, "No review request was sent") })
	if !strings.Contains(v.reviewOut.Text, "Amazon allows one request per order") {
		t.Errorf("refusal %q does not say why", v.reviewOut.Text)
	}
}

func TestRequestReviewsForAllCountsFirst(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	n, err := e.m.svc.CountOrders(context.Background(), store.OrderFilter{ReviewEligible: true})
	if err != nil || n == 0 {
		t.Fatalf("no eligible demo orders: %v", err)
	}
	test.Tap(ms.work.orders.reviewsButton)
	e.q.until(t, "the dry run's count", func() bool {
		return strings.Contains(strings.Join(labelTexts(e.w.Canvas().Overlays().List()), "\n"), " orders are eligible")
	})
	msg := strings.Join(labelTexts(e.w.Canvas().Overlays().List()), "\n")
	if !strings.Contains(msg, strconv.Itoa(n)+" orders are eligible") {
		t.Errorf("confirmation %q does not count %d orders", msg, n)
	}
	tapDialogButton(t, e.w, "Request reviews")
	e.q.until(t, "the summary", func() bool {
		return strings.Contains(strings.Join(labelTexts(e.w.Canvas().Overlays().List()), "\n"), " requested, ")
	})
	summary := strings.Join(labelTexts(e.w.Canvas().Overlays().List()), "\n")
	if !strings.Contains(summary, strconv.Itoa(n)+" requested") {
		t.Errorf("summary %q, want %d requested", summary, n)
	}
	if left, _ := e.m.svc.CountOrders(context.Background(), store.OrderFilter{ReviewEligible: true}); left != 0 {
		t.Errorf("%d orders are still eligible", left)
	}
}

func TestOrdersListIsVirtualised(t *testing.T) {
	e := newTestEnv(t)
	seedOrders(t, e.dir, 5000)
	ms := e.startDemo()
	os := ms.work.orders
	e.q.until(t, "the first page", func() bool { return !os.loading && len(os.orders) > 0 && os.total >= 0 })
	if os.total != 5000 || len(os.orders) != ordersPageSize {
		t.Fatalf("counted %d, loaded %d; want 5000 counted and one page loaded", os.total, len(os.orders))
	}
	if os.created > 40 {
		t.Errorf("the list created %d rows for the first page; it must create only the visible ones", os.created)
	}
	// Scrolling to the end pages the rest in. Fyne drops some pooled rows
	// when the data grows, so a few more are made, but never one per order.
	for len(os.orders) < 5000 {
		before := len(os.orders)
		os.list.ScrollToBottom()
		e.q.until(t, "the next page", func() bool { return !os.loading })
		if len(os.orders) == before {
			t.Fatalf("scrolling to the end stopped loading at %d orders", before)
		}
	}
	if os.created > 500 {
		t.Errorf("the list created %d rows for 5,000 orders; it must reuse the visible ones", os.created)
	}
	if os.orders[4999].OrderID != orderID(4999) {
		t.Errorf("the last order is %s, want the oldest", os.orders[4999].OrderID)
	}
}

// A slow Amazon never freezes the window: while the detail waits two
// seconds for Amazon, the seller keeps typing.
func TestTypingWhileDetailIsSlow(t *testing.T) {
	e := newTestEnv(t)
	srv := e.useAccountSandbox(40)
	e.start()
	ms := e.m.main
	if ms == nil || ms.badge != nil {
		t.Fatal("the account's services do not open the main screens without the demo marker")
	}
	e.sync(ms)
	srv.SetFaults(sandbox.Faults{Latency: 2 * time.Second, PathPrefix: "/messaging/"})
	id := ms.work.orders.orders[0].OrderID
	e.selectOrder(ms, id)
	v, cm := ms.work.detail, ms.work.composer
	e.q.run()
	if !v.loading() || !v.progress.Visible() {
		t.Fatal("no progress is shown while Amazon is asked")
	}
	if err := cm.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	test.Type(cm.entry, "Hello")
	if cm.Text() != "Hello" || !v.loading() {
		t.Fatalf("typing while the detail loads: text %q, still loading %v", cm.Text(), v.loading())
	}
	e.waitDetail(ms)
	if cm.Text() != "Hello" {
		t.Errorf("the loaded detail replaced what was typed: %q", cm.Text())
	}
}

// A draft is saved once the seller pauses and comes back with the order.
func TestDraftSavedAndRestored(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	first, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	text := noticeText(first)
	test.Type(c.entry, text)
	e.q.until(t, "the draft to be saved", func() bool {
		d, ok, err := e.m.svc.LoadDraft(context.Background(), first.Order.OrderID, policy.KindUnexpectedProblem)
		return err == nil && ok && d.Text == text
	})
	other := e.otherOrder(first.Order.OrderID)
	e.showOrder(ms, other)
	e.showOrder(ms, first.Order.OrderID)
	e.q.until(t, "the draft in the composer", func() bool { return c.Text() == text })
	if c.Kind() != policy.KindUnexpectedProblem {
		t.Errorf("the draft came back as %q", c.Kind())
	}
}

// Reusing a message from the history opens its order with the text in the composer.
func TestReuseFromHistoryFillsComposer(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d := findDetail(t, e.m.svc, store.OrderFilter{}, offersTo(policy.KindUnexpectedProblem))
	ms.tabs.Select(ms.historyTab)
	if ms.history == nil {
		t.Fatal("the history tab builds no history")
	}
	ms.history.OnReuse(store.Message{OrderID: d.Order.OrderID, MarketplaceID: d.Order.MarketplaceID,
		Kind: string(policy.KindUnexpectedProblem), Text: noticeText(d)})
	if ms.tabs.Selected() != ms.ordersTab {
		t.Error("reusing a message does not switch to the orders")
	}
	c := ms.work.composer
	e.q.until(t, "the order and the text", func() bool { return c.Text() == noticeText(d) && !ms.work.detail.loading() })
	if c.Kind() != policy.KindUnexpectedProblem || ms.work.detail.orderID != d.Order.OrderID {
		t.Errorf("composer kind %q for order %s", c.Kind(), ms.work.detail.orderID)
	}
	e.q.settle(ms.history.tasks) // the history's own loading ends before the test
}
