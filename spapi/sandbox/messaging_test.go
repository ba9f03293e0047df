package sandbox

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func (e *env) actions(o *demoOrder) []string {
	e.t.Helper()
	res, body := e.do("GET", msgPath(o, ""), "")
	if res.StatusCode != 200 {
		e.t.Fatalf("actions %s: %d %s", o.id, res.StatusCode, body)
	}
	var h halLinks
	mustJSON(e.t, body, &h)
	var names []string
	for _, a := range h.Links.Actions {
		names = append(names, a.Name)
		if !strings.Contains(a.Href, o.id) || !strings.HasSuffix(a.Href, "?marketplaceIds="+o.m.ID) {
			e.t.Errorf("href %s", a.Href)
		}
	}
	return names
}

func TestMessagingActionsDependOnOrderState(t *testing.T) {
	e := start(t, Options{Orders: 400})
	cases := []struct {
		name      string
		order     func(*demoOrder) bool
		want, not []string
	}{
		{"customizable unshipped", func(o *demoOrder) bool {
			return o.status == statusUnshipped && o.has(func(p *product) bool { return p.customizable })
		}, []string{"confirmCustomizationDetails", "confirmOrderDetails", "confirmDeliveryDetails", "unexpectedProblem", "attributes"}, []string{"warranty"}},
		{"customizable shipped", func(o *demoOrder) bool {
			return o.status == statusShipped && o.has(func(p *product) bool { return p.customizable })
		}, []string{"unexpectedProblem", "legalDisclosure"}, []string{"confirmCustomizationDetails", "confirmOrderDetails"}},
		{"digital", func(o *demoOrder) bool {
			return o.status == statusShipped && o.has(func(p *product) bool { return p.digital })
		}, []string{"digitalAccessKey"}, nil},
		{"no digital", func(o *demoOrder) bool {
			return active(o) && !o.has(func(p *product) bool { return p.digital })
		}, nil, []string{"digitalAccessKey"}},
		{"pending", func(o *demoOrder) bool { return o.status == statusPending },
			[]string{"attributes"}, []string{"unexpectedProblem", "confirmOrderDetails", "legalDisclosure", "invoice"}},
		{"cancelled", func(o *demoOrder) bool { return o.status == statusCancelled },
			[]string{"unexpectedProblem"}, []string{"confirmOrderDetails", "confirmDeliveryDetails"}},
		{"delivered FBA", func(o *demoOrder) bool { return o.fulfilledBy == "AMAZON" && !o.deliveredAt.IsZero() },
			nil, []string{"confirmDeliveryDetails", "confirmOrderDetails"}},
		{"shipped warranty item", func(o *demoOrder) bool {
			return o.status == statusShipped && o.has(func(p *product) bool { return p.warranty })
		}, []string{"warranty"}, nil},
		{"Amazon invoices", func(o *demoOrder) bool { return active(o) && slices.Contains(o.programs, "INVOICE_BY_AMAZON") },
			nil, []string{"invoice"}},
		{"seller invoices", func(o *demoOrder) bool { return active(o) && !slices.Contains(o.programs, "INVOICE_BY_AMAZON") },
			[]string{"invoice", "legalDisclosure"}, nil},
	}
	for _, tc := range cases {
		o := e.findOrder(tc.order)
		got := e.actions(o)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s (%s): %s missing from %v", tc.name, o.id, w, got)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("%s (%s): %s offered in %v", tc.name, o.id, n, got)
			}
		}
		if slices.Contains(got, "confirmServiceDetails") {
			t.Errorf("%s: service details offered", tc.name)
		}
	}
}

func TestAttributesGiveBuyerLocale(t *testing.T) {
	e := start(t, Options{})
	o := e.findOrder(func(o *demoOrder) bool { return o.locale != o.m.Locale })
	res, body := e.do("GET", msgPath(o, "/attributes"), "")
	if res.StatusCode != 200 || string(body) != `{"buyer":{"locale":"`+o.locale+`"}}` || res.Header.Get("Content-Type") != "application/hal+json" {
		t.Fatalf("%d %s %v", res.StatusCode, body, res.Header)
	}
}

func TestMessagingMarketplaceAndOrderChecks(t *testing.T) {
	e := start(t, Options{})
	o := e.srv.demo.orders[0]
	other := DemoMarketplaces[0].ID
	if o.m.ID == other {
		other = DemoMarketplaces[1].ID
	}
	for name, path := range map[string]string{
		"no marketplace":    "/messaging/v1/orders/" + o.id,
		"two marketplaces":  "/messaging/v1/orders/" + o.id + "?marketplaceIds=" + o.m.ID + "," + other,
		"wrong marketplace": "/messaging/v1/orders/" + o.id + "?marketplaceIds=" + other,
	} {
		if res, body := e.do("GET", path, ""); res.StatusCode != 400 || errCode(t, body) != "InvalidInput" {
			t.Errorf("%s: %d %s", name, res.StatusCode, body)
		}
	}
	if res, body := e.do("GET", "/messaging/v1/orders/000-0000000-0000000?marketplaceIds="+o.m.ID, ""); res.StatusCode != 404 || errCode(t, body) != "NotFound" {
		t.Errorf("unknown order: %d %s", res.StatusCode, body)
	}
}

func TestSendValidation(t *testing.T) {
	e := start(t, Options{Orders: 1000})
	unshipped := e.findOrder(func(o *demoOrder) bool {
		return o.status == statusUnshipped && o.fulfilledBy == "MERCHANT" && o.has(func(p *product) bool { return p.customizable })
	})
	pending := e.findOrder(func(o *demoOrder) bool { return o.status == statusPending })
	long := strings.Repeat("ü", 2001)
	for _, tc := range []struct {
		name   string
		o      *demoOrder
		kind   string
		body   string
		status int
		code   string
	}{
		{"ok", unshipped, "confirmOrderDetails", `{"text":"Können Sie die Gravur bestätigen?"}`, 201, ""},
		{"2000 characters", unshipped, "confirmDeliveryDetails", `{"text":"` + strings.Repeat("ü", 2000) + `"}`, 201, ""},
		{"too long", unshipped, "confirmDeliveryDetails", `{"text":"` + long + `"}`, 400, "InvalidInput"},
		{"customization 801", unshipped, "confirmCustomizationDetails", `{"text":"` + strings.Repeat("a", 801) + `"}`, 400, "InvalidInput"},
		{"empty text", unshipped, "confirmOrderDetails", `{"text":""}`, 400, "InvalidInput"},
		{"no body", unshipped, "unexpectedProblem", ``, 400, "InvalidInput"},
		{"not JSON", unshipped, "unexpectedProblem", `{"text":`, 400, "InvalidInput"},
		{"unknown attachment", unshipped, "confirmCustomizationDetails", `{"text":"Hi","attachments":[{"uploadDestinationId":"nope","fileName":"a.png"}]}`, 400, "InvalidInput"},
		{"six attachments", unshipped, "confirmCustomizationDetails", `{"text":"Hi","attachments":[` + strings.Repeat(`{"uploadDestinationId":"x","fileName":"a"},`, 5) + `{"uploadDestinationId":"x","fileName":"a"}]}`, 400, "InvalidInput"},
		{"legal without attachment", unshipped, "legalDisclosure", `{}`, 400, "InvalidInput"},
		{"not offered: warranty before shipping", unshipped, "warranty", `{"attachments":[{"uploadDestinationId":"x","fileName":"w.pdf"}]}`, 403, "Unauthorized"},
		{"not offered: pending", pending, "confirmOrderDetails", `{"text":"Hi"}`, 403, "Unauthorized"},
		{"not offered: service", unshipped, "confirmServiceDetails", `{"text":"Hi"}`, 403, "Unauthorized"},
	} {
		res, body := e.do("POST", msgPath(tc.o, "/messages/"+tc.kind), tc.body)
		if res.StatusCode != tc.status {
			t.Errorf("%s: %d %s", tc.name, res.StatusCode, body)
			continue
		}
		if tc.code != "" && errCode(t, body) != tc.code {
			t.Errorf("%s: %s", tc.name, body)
		}
		if tc.status == 403 && !strings.Contains(string(body), "Invalid amazonOrderId and template combination.") {
			t.Errorf("%s: %s", tc.name, body)
		}
	}
	sent := e.srv.Sent()
	if len(sent) != 2 || sent[0].Kind != "confirmOrderDetails" || sent[0].Text != "Können Sie die Gravur bestätigen?" ||
		sent[0].AmazonOrderID != unshipped.id || sent[0].MarketplaceID != unshipped.m.ID || !sent[0].At.Equal(fixedNow) || sent[0].RequestID == "" {
		t.Fatalf("sent: %+v", sent)
	}
}

func TestSendWarrantyWithUploadedAttachment(t *testing.T) {
	e := start(t, Options{})
	o := e.findOrder(func(o *demoOrder) bool {
		return o.status == statusShipped && o.has(func(p *product) bool { return p.warranty })
	})
	id := e.upload(o, "warranty", []byte("%PDF-1.4 warranty"), "application/pdf")
	body := `{"attachments":[{"uploadDestinationId":"` + id + `","fileName":"Garantie.pdf"}],"coverageStartDate":"2026-03-01T00:00:00Z","coverageEndDate":"2028-03-01T00:00:00Z"}`
	if res, b := e.do("POST", msgPath(o, "/messages/warranty"), body); res.StatusCode != 201 {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
	bad := `{"attachments":[{"uploadDestinationId":"` + id + `","fileName":"x.pdf"}],"coverageStartDate":"2026-03-01T00:00:00Z","coverageEndDate":"2025-03-01T00:00:00Z"}`
	if res, b := e.do("POST", msgPath(o, "/messages/warranty"), bad); res.StatusCode != 400 {
		t.Fatalf("end before start: %d %s", res.StatusCode, b)
	}
	s := e.srv.Sent()
	if len(s) != 1 || len(s[0].Attachments) != 1 || s[0].Attachments[0].Size != 17 || s[0].Attachments[0].FileName != "Garantie.pdf" ||
		!s[0].CoverageEndDate.Equal(time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("%+v", s)
	}
}
