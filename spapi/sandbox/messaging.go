package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"time"
)

// messageKind is one Messaging API send operation and the rule that
// decides when Amazon offers it.
type messageKind struct {
	name      string // action name and path suffix
	op        string // operation ID
	textMax   int    // 0: the body has no text
	attachOK  bool   // the body may carry attachments
	attachMin int
	coverage  bool // warranty coverage dates
	offered   func(o *demoOrder, now time.Time) bool
}

func active(o *demoOrder) bool {
	return o.status == statusUnshipped || o.status == statusPartiallyShipped || o.status == statusShipped
}

func beforeShipping(o *demoOrder) bool {
	return o.status == statusUnshipped || o.status == statusPartiallyShipped
}

// messageKinds follow the Messaging model's descriptions: customization
// questions before customizable items ship, delivery arrangements while
// a merchant-fulfilled order is on its way, order questions before
// shipping, access keys for digital items, warranties after shipping,
// invoices unless Amazon invoices, legal documents and problem reports
// while the order is live. Home services are not sold in the demo.
var messageKinds = []messageKind{
	{name: "confirmCustomizationDetails", op: "confirmCustomizationDetails", textMax: 800, attachOK: true,
		offered: func(o *demoOrder, _ time.Time) bool {
			if !beforeShipping(o) {
				return false
			}
			for _, it := range o.items {
				if it.p.customizable && it.shipped < it.qty {
					return true
				}
			}
			return false
		}},
	{name: "confirmDeliveryDetails", op: "createConfirmDeliveryDetails", textMax: 2000,
		offered: func(o *demoOrder, now time.Time) bool {
			return o.fulfilledBy == "MERCHANT" && (beforeShipping(o) || o.status == statusShipped && (o.deliveredAt.IsZero() || o.deliveredAt.After(now)))
		}},
	{name: "legalDisclosure", op: "createLegalDisclosure", attachOK: true, attachMin: 1,
		offered: func(o *demoOrder, _ time.Time) bool { return active(o) }},
	{name: "confirmOrderDetails", op: "createConfirmOrderDetails", textMax: 2000,
		offered: func(o *demoOrder, _ time.Time) bool { return beforeShipping(o) }},
	{name: "confirmServiceDetails", op: "createConfirmServiceDetails", textMax: 2000,
		offered: func(*demoOrder, time.Time) bool { return false }},
	{name: "digitalAccessKey", op: "createDigitalAccessKey", textMax: 400, attachOK: true,
		offered: func(o *demoOrder, _ time.Time) bool {
			return active(o) && o.has(func(p *product) bool { return p.digital })
		}},
	{name: "unexpectedProblem", op: "createUnexpectedProblem", textMax: 2000,
		offered: func(o *demoOrder, _ time.Time) bool { return active(o) || o.status == statusCancelled }},
	{name: "warranty", op: "CreateWarranty", attachOK: true, attachMin: 1, coverage: true,
		offered: func(o *demoOrder, _ time.Time) bool {
			return (o.status == statusShipped || o.status == statusPartiallyShipped) && o.has(func(p *product) bool { return p.warranty })
		}},
	{name: "invoice", op: "sendInvoice", attachOK: true, attachMin: 1,
		offered: func(o *demoOrder, _ time.Time) bool {
			return active(o) && !slices.Contains(o.programs, "INVOICE_BY_AMAZON")
		}},
}

type link struct {
	Href string `json:"href"`
	Name string `json:"name,omitempty"`
}

type halLinks struct {
	Links struct {
		Actions []link `json:"actions"`
		Self    link   `json:"self"`
	} `json:"_links"`
}

// orderForAction finds the order and checks the single marketplaceIds
// value both Messaging and Solicitations require.
func (s *Server) orderForAction(c *call) (*demoOrder, string, *reply) {
	ids := splitQuery(c.r.URL.Query()["marketplaceIds"])
	if len(ids) != 1 {
		r := badInput("marketplaceIds is required and takes exactly one marketplace.")
		return nil, "", &r
	}
	id := c.r.PathValue("amazonOrderId")
	o := s.demo.byID[id]
	if o == nil {
		r := notFound("No order " + id + " exists.")
		return nil, "", &r
	}
	if o.m.ID != ids[0] {
		r := badInput("Order " + id + " does not belong to marketplace " + ids[0] + ".")
		return nil, "", &r
	}
	return o, ids[0], nil
}

// messagingActions is getMessagingActionsForOrder.
func (s *Server) messagingActions(c *call) reply {
	o, mkt, fail := s.orderForAction(c)
	if fail != nil {
		return *fail
	}
	base := "/messaging/v1/orders/" + url.PathEscape(o.id)
	qs := "?marketplaceIds=" + url.QueryEscape(mkt)
	var out halLinks
	out.Links.Actions = []link{}
	now := s.now()
	for i := range messageKinds {
		if k := &messageKinds[i]; k.offered(o, now) {
			out.Links.Actions = append(out.Links.Actions, link{Href: base + "/messages/" + k.name + qs, Name: k.name})
		}
	}
	out.Links.Actions = append(out.Links.Actions, link{Href: base + "/attributes" + qs, Name: "attributes"})
	out.Links.Self = link{Href: base + qs}
	return jsonReply(http.StatusOK, contentHAL, out)
}

// attributes is GetAttributes: the buyer's language of preference.
func (s *Server) attributes(c *call) reply {
	o, _, fail := s.orderForAction(c)
	if fail != nil {
		return *fail
	}
	type buyer struct {
		Locale string `json:"locale"`
	}
	return jsonReply(http.StatusOK, contentHAL, struct {
		Buyer buyer `json:"buyer"`
	}{buyer{o.locale}})
}

func templateRefused() reply {
	return errReply(http.StatusForbidden, "Unauthorized", "Invalid amazonOrderId and template combination.", "")
}

// sendMessage handles every POST .../messages/{kind}.
func (s *Server) sendMessage(k *messageKind, c *call) reply {
	o, mkt, fail := s.orderForAction(c)
	if fail != nil {
		return *fail
	}
	now := s.now()
	if !k.offered(o, now) {
		return templateRefused()
	}
	if ct := c.r.Header.Get("Content-Type"); len(c.body) > 0 && !isJSONContentType(ct) {
		return errReply(http.StatusUnsupportedMediaType, "UnsupportedMediaType", "The request's Content-Type is not supported.", ct)
	}
	b, err := parseSendBody(k, c.body)
	if err != nil {
		return badInput(err.Error())
	}
	rec := SentRecord{Kind: k.name, OperationID: k.op, AmazonOrderID: o.id, MarketplaceID: mkt, Text: b.Text,
		CoverageStartDate: b.start, CoverageEndDate: b.end, At: now, RequestID: c.reqID}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range b.Attachments {
		u := s.demo.uploads[a.UploadDestinationID]
		if u == nil || !u.done {
			return badInput("Attachment " + a.UploadDestinationID + " has no completed upload.")
		}
		rec.Attachments = append(rec.Attachments, SentAttachment{UploadDestinationID: a.UploadDestinationID, FileName: a.FileName, ContentType: u.contentType, Size: u.size})
	}
	s.demo.sent = append(s.demo.sent, rec)
	return reply{status: http.StatusCreated, contentType: contentHAL, body: []byte("{}")}
}
