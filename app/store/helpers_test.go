package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// openTest opens a fresh database file in a temporary directory.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// testOrder returns a valid order numbered n, bought n hours after t0.
func testOrder(n int) Order {
	return Order{
		OrderID:            fmt.Sprintf("302-%07d-%07d", n, n*7%10000000),
		MarketplaceID:      "A1PA6795UKMFR9",
		Status:             "UNSHIPPED",
		PurchaseDate:       t0.Add(time.Duration(n) * time.Hour),
		LastUpdated:        t0.Add(time.Duration(n)*time.Hour + time.Minute),
		FulfillmentChannel: "MERCHANT",
		Items: []OrderItem{{ASIN: fmt.Sprintf("B0%08d", n), SKU: fmt.Sprintf("SKU-%d", n),
			Title: "Teekanne aus Glas", Quantity: 1, PriceAmount: "19.99", PriceCurrency: "EUR"}},
	}
}

func testMessage(orderID string) Message {
	return Message{OrderID: orderID, MarketplaceID: "A1PA6795UKMFR9", Kind: "confirmDeliveryDetails", Lang: "de",
		Text: "Guten Tag, bitte bestätigen Sie die Lieferadresse.", FindingsJSON: `[]`,
		Attachments: []Attachment{{Name: "rechnung.pdf", SHA256: "ab12"}}}
}
