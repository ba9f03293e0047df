package spapi

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// The decoders read every sandbox answer of Amazon's API models, one test
// per model.

func TestDecodeSandboxSearchOrders(t *testing.T) {
	orders := loadModel(t, "orders_2026-01-01.json")
	pages := sandboxResponses(t, orders, "/orders/2026-01-01/orders", "get", "200")
	if len(pages) < 3 {
		t.Fatalf("found %d searchOrders sandbox answers", len(pages))
	}
	sawToken, sawBuyer := false, false
	for _, body := range pages {
		p, err := decodeSearchOrders(body)
		if err != nil {
			t.Fatalf("searchOrders sandbox answer: %v", err)
		}
		sawToken = sawToken || p.NextToken != ""
		for _, o := range p.Orders {
			if !ValidOrderID(o.ID) || o.CreatedTime.IsZero() || o.MarketplaceID == "" || o.Status == "" {
				t.Errorf("incomplete order %+v", o)
			}
			if len(o.Items) == 0 || o.Items[0].ASIN == "" || o.Items[0].Quantity < 1 {
				t.Errorf("order %s items %+v", o.ID, o.Items)
			}
			sawBuyer = sawBuyer || (o.Buyer != nil && o.Buyer.Email != "")
		}
	}
	if !sawToken || !sawBuyer {
		t.Errorf("pagination token seen %t, buyer seen %t", sawToken, sawBuyer)
	}
}

func TestDecodeSandboxGetOrder(t *testing.T) {
	orders := loadModel(t, "orders_2026-01-01.json")
	sawDelivery := false
	for _, body := range sandboxResponses(t, orders, "/orders/2026-01-01/orders/{orderId}", "get", "200") {
		o, err := decodeGetOrder(body)
		if err != nil {
			t.Fatalf("getOrder sandbox answer: %v", err)
		}
		if len(o.Items) == 0 || o.Items[0].SKU == "" || o.Items[0].UnitPrice == nil || o.GrandTotal == nil {
			t.Errorf("getOrder lost fields: %+v", o)
		}
		sawDelivery = sawDelivery || !o.DeliverBy.Latest.IsZero()
	}
	if !sawDelivery {
		t.Error("no getOrder sandbox answer gave a delivery window")
	}
}

func TestDecodeSandboxMessaging(t *testing.T) {
	msg := loadModel(t, "messaging.json")
	for _, body := range sandboxResponses(t, msg, "/messaging/v1/orders/{amazonOrderId}", "get", "200") {
		a, err := decodeActions(body)
		if err != nil {
			t.Fatal(err)
		}
		for _, removed := range []MessageKind{"negativeFeedbackRemoval", "amazonMotors", "attributes"} {
			if slices.Contains(a.Kinds(), removed) {
				t.Errorf("Kinds offers %q", removed)
			}
		}
	}
	full, err := decodeActions(sandboxResponses(t, msg, "/messaging/v1/orders/{amazonOrderId}", "get", "200")[0])
	if err != nil || !slices.Contains(full.Kinds(), KindConfirmOrderDetails) || len(full.Kinds()) != 8 {
		t.Errorf("sandbox kinds %v, %v", full.Kinds(), err)
	}
	for _, body := range sandboxResponses(t, msg, "/messaging/v1/orders/{amazonOrderId}/attributes", "get", "200") {
		a, err := decodeAttributes(body)
		if err != nil || a.Locale == "" {
			t.Errorf("attributes %+v %v", a, err)
		}
	}
}

func TestDecodeSandboxSolicitationsSellersUploads(t *testing.T) {
	sol := loadModel(t, "solicitations.json")
	for _, body := range sandboxResponses(t, sol, "/solicitations/v1/orders/{amazonOrderId}", "get", "200") {
		a, err := decodeActions(body)
		if err != nil || !a.Has(ActionProductReview) {
			t.Errorf("solicitation actions %+v %v", a, err)
		}
	}

	sel := loadModel(t, "sellers.json")
	for _, body := range sandboxResponses(t, sel, "/sellers/v1/marketplaceParticipations", "get", "200") {
		p, err := decodeParticipations(body)
		if err != nil || len(p.Marketplaces) == 0 || p.Marketplaces[0].DefaultLanguageCode == "" || !p.Marketplaces[0].IsParticipating {
			t.Errorf("participations %+v %v", p, err)
		}
	}

	up := loadModel(t, "uploads_2020-11-01.json")
	for _, body := range sandboxResponses(t, up, "/uploads/2020-11-01/uploadDestinations/{resource}", "post", "201") {
		d, err := decodeUploadDestination(body)
		if err != nil || d.ID == "" || d.Headers["x-amz-server-side-encryption"] == "" {
			t.Errorf("upload destination %+v %v", d, err)
		}
	}
}

func TestDecodeActionsKeepsEmbeddedSchemas(t *testing.T) {
	body, err := os.ReadFile("testdata/actions_with_schema.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := decodeActions(body)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Kinds(); !slices.Equal(got, []MessageKind{KindConfirmOrderDetails, KindInvoice}) {
		t.Fatalf("kinds %v (an action without a name is named by its link)", got)
	}
	var schema struct {
		Properties struct {
			Text struct {
				MaxLength int `json:"maxLength"`
			} `json:"text"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(a.Actions[0].Schema, &schema); err != nil || schema.Properties.Text.MaxLength != 2000 {
		t.Errorf("schema %s: %v", a.Actions[0].Schema, err)
	}
	if a.Actions[1].Schema != nil {
		t.Errorf("invoice got a schema it was not given")
	}
}

func TestDecodersRejectMalformedAnswers(t *testing.T) {
	cases := map[string]func([]byte) error{
		"searchOrders":   func(b []byte) error { _, err := decodeSearchOrders(b); return err },
		"getOrder":       func(b []byte) error { _, err := decodeGetOrder(b); return err },
		"actions":        func(b []byte) error { _, err := decodeActions(b); return err },
		"attributes":     func(b []byte) error { _, err := decodeAttributes(b); return err },
		"participations": func(b []byte) error { _, err := decodeParticipations(b); return err },
		"upload":         func(b []byte) error { _, err := decodeUploadDestination(b); return err },
	}
	bad := []string{`{`, `[1,2]`, `"text"`, `{"orders":"no"}`, `{"buyer":5}`, `{"_links":{"actions":{}}}`, `{"payload":7}`, "\xff\xfe"}
	for name, dec := range cases {
		for _, b := range bad {
			if err := dec([]byte(b)); err == nil {
				// Some bodies are valid JSON for decoders that ignore the
				// field; they must at least not be accepted as complete.
				if name == "searchOrders" || name == "getOrder" || name == "upload" {
					t.Errorf("%s accepted %q", name, b)
				}
			} else if !errors.Is(err, ErrMalformedResponse) {
				t.Errorf("%s: %q gave %v, not ErrMalformedResponse", name, b, err)
			}
		}
	}
}

func TestSearchOrdersSkipsOnlyTheMalformedOrders(t *testing.T) {
	const good = `{"orderId":"1","createdTime":"2026-01-01T00:00:00Z"}`
	cases := map[string]struct{ bad, reason string }{
		"bad date":        {`{"orderId":"2","createdTime":"yesterday"}`, "malformed"},
		"no ID":           {`{"createdTime":"2026-01-01T00:00:00Z"}`, "without orderId"},
		"no created time": {`{"orderId":"3"}`, "without createdTime"},
		"not an object":   {`5`, "malformed"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p, err := decodeSearchOrders([]byte(`{"orders":[` + c.bad + `,` + good + `,` + c.bad + `],"pagination":{"nextToken":"n"}}`))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Orders) != 1 || p.Orders[0].ID != "1" || p.NextToken != "n" {
				t.Fatalf("page %+v", p)
			}
			if p.Skipped != 2 || !strings.Contains(p.SkipReason, c.reason) {
				t.Fatalf("skipped %d (%q), want 2 (%q)", p.Skipped, p.SkipReason, c.reason)
			}
		})
	}
}
