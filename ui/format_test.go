package ui

import "testing"

func TestSellerCentralURL(t *testing.T) {
	cases := []struct{ market, order, want string }{
		{"A1PA6795UKMFR9", "302-4817265-3390517", "https://sellercentral.amazon.de/orders-v3/order/302-4817265-3390517"},
		{"A1F83G8C2ARO7P", "202-1234567-1234567", "https://sellercentral.amazon.co.uk/orders-v3/order/202-1234567-1234567"},
		{"ATVPDKIKX0DER", "112-1234567-1234567", "https://sellercentral.amazon.com/orders-v3/order/112-1234567-1234567"},
		{"UNKNOWN", "302-4817265-3390517", ""},
		{"A1PA6795UKMFR9", "", ""},
	}
	for _, c := range cases {
		if got := sellerCentralURL(c.market, c.order); got != c.want {
			t.Errorf("sellerCentralURL(%q, %q) = %q, want %q", c.market, c.order, got, c.want)
		}
	}
}
