package spapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seed adds hand-written corner cases and, when the models are present,
// Amazon's own sandbox answers for the operation.
func seed(f *testing.F, file, path, method, status string, extra ...string) {
	for _, s := range append(extra, `{}`, `null`, `[]`, `{"errors":[{"code":"x","message":"y"}]}`, "\xff{") {
		f.Add([]byte(s))
	}
	if file == "" {
		return
	}
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(wd)), "shared", "spapi-models", file)); err != nil {
		return
	}
	for _, b := range sandboxResponses(f, loadModel(f, file), path, method, status) {
		f.Add(b)
	}
}

func FuzzDecodeSearchOrders(f *testing.F) {
	seed(f, "orders_2026-01-01.json", "/orders/2026-01-01/orders", "get", "200",
		`{"orders":[{"orderId":"1","createdTime":"2026-01-01T00:00:00Z","orderItems":[{"product":null}]}]}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := decodeSearchOrders(b)
		if err == nil {
			for _, o := range p.Orders {
				if o.ID == "" || o.CreatedTime.IsZero() {
					t.Fatalf("accepted an order without ID or creation time: %+v", o)
				}
			}
		}
	})
}

func FuzzDecodeGetOrder(f *testing.F) {
	seed(f, "orders_2026-01-01.json", "/orders/2026-01-01/orders/{orderId}", "get", "200",
		`{"order":{"orderId":"1","createdTime":"2026-01-01T00:00:00Z","fulfillment":{"deliverByWindow":{}}}}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		if o, err := decodeGetOrder(b); err == nil && o.ID == "" {
			t.Fatal("accepted an order without ID")
		}
	})
}

func FuzzDecodeActions(f *testing.F) {
	seed(f, "messaging.json", "/messaging/v1/orders/{amazonOrderId}", "get", "200",
		`{"_links":{"actions":[{"href":"/"}]}}`, `{"_embedded":{"actions":[{"_embedded":{"schema":{"payload":{}}}}]}}`)
	if body, err := os.ReadFile("testdata/actions_with_schema.json"); err == nil {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, err := decodeActions(b); err == nil {
			for _, x := range a.Actions {
				if x.Name == "" {
					t.Fatal("accepted an action without a name")
				}
			}
			_ = a.Kinds()
		}
	})
}

func FuzzDecodeAttributes(f *testing.F) {
	seed(f, "messaging.json", "/messaging/v1/orders/{amazonOrderId}/attributes", "get", "200", `{"buyer":{"locale":5}}`)
	f.Fuzz(func(t *testing.T, b []byte) { _, _ = decodeAttributes(b) })
}

func FuzzDecodeParticipations(f *testing.F) {
	seed(f, "sellers.json", "/sellers/v1/marketplaceParticipations", "get", "200", `{"payload":[{"marketplace":{}}]}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := decodeParticipations(b); err == nil {
			for _, m := range p.Marketplaces {
				if m.MarketplaceID == "" {
					t.Fatal("accepted a participation without marketplace")
				}
			}
		}
	})
}

func FuzzDecodeUploadDestination(f *testing.F) {
	seed(f, "uploads_2020-11-01.json", "/uploads/2020-11-01/uploadDestinations/{resource}", "post", "201", `{"payload":{"headers":[]}}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		if d, err := decodeUploadDestination(b); err == nil && (d.ID == "" || d.URL == "") {
			t.Fatal("accepted a destination without ID or URL")
		}
	})
}

func FuzzDecodeErrorBody(f *testing.F) {
	seed(f, "", "", "", "", `{"errors":[]}`, `{"errors":[{"code":1}]}`, "<html>")
	f.Fuzz(func(t *testing.T, b []byte) {
		e := decodeErrorBody(b, nil)
		if len(e.Message) > 300+len("…") {
			t.Fatalf("unbounded message of %d bytes", len(e.Message))
		}
		_ = e.Error()
		_ = e.Explain(German)
	})
}

func FuzzDecodeS3Error(f *testing.F) {
	seed(f, "", "", "", "", `<Error><Code>InvalidDigest</Code><Message>bad</Message></Error>`, `<Error><Code>`)
	f.Fuzz(func(t *testing.T, b []byte) { _ = decodeS3Error(b).Error() })
}

func FuzzDecodeLWAToken(f *testing.F) {
	seed(f, "", "", "", "", `{"access_token":"Atza|x","token_type":"bearer","expires_in":3600}`, `{"access_token":"a","expires_in":1e30}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		if tok, err := decodeLWAToken(b); err == nil && (tok.AccessToken == "" || tok.ExpiresIn <= 0) {
			t.Fatalf("accepted unusable token %+v", tok)
		}
	})
}

func FuzzDecodeLWAError(f *testing.F) {
	seed(f, "", "", "", "", `{"error":"invalid_grant","error_description":"`+testCreds.RefreshToken+`"}`)
	r := newRedactor(testCreds.ClientSecret, testCreds.RefreshToken)
	f.Fuzz(func(t *testing.T, b []byte) {
		e := decodeLWAError(400, b, "id", r)
		for _, s := range []string{testCreds.ClientSecret, testCreds.RefreshToken} {
			if strings.Contains(e.Error(), s) {
				t.Fatalf("leaks %q", s)
			}
		}
		_ = e.Explain(German)
	})
}
