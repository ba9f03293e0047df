package sandbox

import (
	"bytes"
	"net/http"
	"net/url"
	"testing"
)

func TestLoadStaticFindsEveryOperationAndCase(t *testing.T) {
	sc, err := LoadStatic(modelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range StaticOperationIDs {
		if _, ok := sc.Operation(id); !ok {
			t.Errorf("operation %s not loaded", id)
		}
	}
	// Counts from the models: 4+4 orders, 22 messaging, 2 solicitations, 1 sellers, 0 uploads.
	if len(sc.Cases) != 33 {
		t.Errorf("loaded %d cases, want 33", len(sc.Cases))
	}
	for _, c := range sc.Cases {
		if c.Status == 0 || len(c.Response) == 0 || c.Method == "" || c.PathTemplate == "" {
			t.Errorf("incomplete case %+v", c)
		}
	}
}

func TestLoadStaticMissingDir(t *testing.T) {
	if _, err := LoadStatic(t.TempDir()); err == nil {
		t.Fatal("want an error for a directory without models")
	}
}

// TestStaticCasesAnswered drives every static case over HTTP and compares
// status and body with the model.
func TestStaticCasesAnswered(t *testing.T) {
	sc, err := LoadStatic(modelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	e := start(t, Options{Static: sc})
	for _, c := range sc.Cases {
		t.Run(c.OperationID, func(t *testing.T) {
			u := c.Path()
			if q := c.Query(); len(q) > 0 {
				u += "?" + q.Encode()
			}
			res, body := e.do(c.Method, u, string(c.Body()))
			if res.StatusCode != c.Status {
				t.Fatalf("%s %s: status %d, want %d: %s", c.Method, u, res.StatusCode, c.Status, body)
			}
			if !sameJSON(body, c.Response) {
				t.Fatalf("%s %s: body\n%s\nwant\n%s", c.Method, u, body, c.Response)
			}
			if res.Header.Get("x-amzn-RequestId") == "" || res.Header.Get("x-amzn-RateLimit-Limit") != "5" {
				t.Errorf("headers %v", res.Header)
			}
		})
	}
}

func TestStaticCommaSeparatedArraysMatch(t *testing.T) {
	sc, err := LoadStatic(modelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	e := start(t, Options{Static: sc})
	q := url.Values{"createdAfter": {"2024-12-20T00:00:00Z"}, "marketplaceIds": {"A2Q3Y263D00KWC"},
		"includedData": {"PAYMENT,TAX,BUYER,RECIPIENT,PROCEEDS,FULFILLMENT"}}
	res, body := e.do("GET", "/orders/2026-01-01/orders?"+q.Encode(), "")
	if res.StatusCode != 200 || !bytes.Contains(body, []byte("A2Q3Y263D00KWC")) {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
}

func TestStaticUnmatchedAndMissingParameters(t *testing.T) {
	sc, err := LoadStatic(modelsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	e := start(t, Options{Static: sc})
	for _, tc := range []struct{ method, path, body, want string }{
		{"GET", "/messaging/v1/orders/111-1111111-1111111?marketplaceIds=ATVPDKIKX0DER", "", "Could not match input arguments"},
		{"GET", "/messaging/v1/orders/123-1234567-1234567", "", "marketplaceIds"},
		{"POST", "/messaging/v1/orders/123-1234567-1234567/messages/confirmOrderDetails?marketplaceIds=ATVPDKIKX0DER", `{"text":"Other"}`, "Could not match"},
		{"POST", "/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/1/messages/invoice?marketplaceIds=ATVPDKIKX0DER&contentMD5=x", "", "Could not match"},
	} {
		res, body := e.do(tc.method, tc.path, tc.body)
		if res.StatusCode != http.StatusBadRequest || errCode(t, body) != "InvalidInput" || !bytes.Contains(body, []byte(tc.want)) {
			t.Errorf("%s %s: %d %s", tc.method, tc.path, res.StatusCode, body)
		}
	}
}
