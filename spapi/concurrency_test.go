package spapi

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// TestManyConcurrentCallers mixes every operation from many goroutines
// (run with -race): one token exchange and every call answered.
func TestManyConcurrentCallers(t *testing.T) {
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/orders/2026-01-01/orders/"):
			rawReply(200, `{"order":{"orderId":"`+orderID+`","createdTime":"2026-01-01T00:00:00Z","orderItems":[]}}`)(w, r)
		case strings.HasPrefix(r.URL.Path, "/orders/"):
			pagedOrders(w, r)
		case strings.HasSuffix(r.URL.Path, "/attributes"):
			attributesOK(w, r)
		case strings.Contains(r.URL.Path, "/messages/"), strings.Contains(r.URL.Path, "/solicitations/productReview"):
			rawReply(201, `{}`)(w, r)
		case strings.HasPrefix(r.URL.Path, "/sellers/"):
			rawReply(200, `{"payload":[]}`)(w, r)
		default:
			rawReply(200, `{"_links":{"actions":[{"href":"/a/confirmOrderDetails"}],"self":{"href":"/"}}}`)(w, r)
		}
	})
	c := f.client(func(c *Config) { c.TimeScale = 2000 })
	ctx := context.Background()
	calls := []func() error{
		func() error { _, err := c.GetOrder(ctx, orderID); return err },
		func() error {
			for _, err := range c.Orders(ctx, since) {
				if err != nil {
					return err
				}
			}
			return nil
		},
		func() error { _, err := c.BuyerAttributes(ctx, orderID, mpDE); return err },
		func() error { _, err := c.MessagingActions(ctx, orderID, mpDE); return err },
		func() error { _, err := c.SolicitationActions(ctx, orderID, mpDE); return err },
		func() error { _, err := c.SendMessage(ctx, orderID, mpDE, textMsg); return err },
		func() error { _, err := c.RequestReview(ctx, orderID, mpDE); return err },
		func() error { _, err := c.MarketplaceParticipations(ctx); return err },
	}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			if err := calls[i%len(calls)](); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if f.lwaCalls.Load() != 1 {
		t.Fatalf("%d token exchanges, want 1", f.lwaCalls.Load())
	}
}
