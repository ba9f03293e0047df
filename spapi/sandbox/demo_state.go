package sandbox

import (
	"net/http"
	"time"
)

// demoState is the demo marketplace. orders and byID never change after
// New; sent, solicited and uploads are guarded by Server.mu.
type demoState struct {
	anchor    time.Time
	orders    []*demoOrder
	byID      map[string]*demoOrder
	sent      []SentRecord
	solicited map[string]bool
	uploads   map[string]*upload
}

func newDemoState(seed uint64, anchor time.Time, n int) *demoState {
	d := &demoState{anchor: anchor, orders: generateOrders(seed, anchor, n), solicited: map[string]bool{}, uploads: map[string]*upload{}}
	d.byID = make(map[string]*demoOrder, len(d.orders))
	for _, o := range d.orders {
		d.byID[o.id] = o
	}
	return d
}

// routeDemo registers the demo marketplace's operations.
func (s *Server) routeDemo() {
	op := func(pattern, id string, h func(*call) reply) {
		s.handle(pattern, route{op: id, plan: UsagePlans[id], auth: true, h: h})
	}
	op("GET /orders/2026-01-01/orders", "searchOrders", s.searchOrders)
	op("GET /orders/2026-01-01/orders/{orderId}", "getOrder", s.getOrder)
	op("GET /messaging/v1/orders/{amazonOrderId}", "getMessagingActionsForOrder", s.messagingActions)
	op("GET /messaging/v1/orders/{amazonOrderId}/attributes", "GetAttributes", s.attributes)
	for i := range messageKinds {
		k := &messageKinds[i]
		op("POST /messaging/v1/orders/{amazonOrderId}/messages/"+k.name, k.op, func(c *call) reply { return s.sendMessage(k, c) })
	}
	op("GET /solicitations/v1/orders/{amazonOrderId}", "getSolicitationActionsForOrder", s.solicitationActions)
	op("POST /solicitations/v1/orders/{amazonOrderId}/solicitations/productReviewAndSellerFeedback",
		"createProductReviewAndSellerFeedbackSolicitation", s.solicit)
	op("POST /uploads/2020-11-01/uploadDestinations/{resource...}", "createUploadDestinationForResource", s.createUploadDestination)
	op("GET /sellers/v1/marketplaceParticipations", "getMarketplaceParticipations", s.participations)
	s.handle("/upload/{id}", route{body: s.opts.MaxUploadBytes, h: s.putUpload, tooLarge: func() reply {
		return s3Fail(http.StatusBadRequest, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
	}})
}

// searchOrders is GET /orders/2026-01-01/orders.
func (s *Server) searchOrders(c *call) reply {
	q := c.r.URL.Query()
	f, err := parseSearchQuery(q, s.now())
	if err != nil {
		return badInput(err.Error())
	}
	resp := wSearchOrdersResponse{Orders: []wOrder{}}
	if f.byUpdate {
		resp.LastUpdatedBefore = ts(f.before)
	} else {
		resp.CreatedBefore = ts(f.before)
	}
	seen := 0
	for _, o := range s.demo.orders {
		if !f.matches(o) {
			continue
		}
		if seen >= f.offset {
			if len(resp.Orders) == f.pageSize {
				resp.Pagination = &wPagination{NextToken: encodePageToken(seen, filterKey(q))}
				break
			}
			resp.Orders = append(resp.Orders, o.toWire(f.included))
		}
		seen++
	}
	return jsonReply(http.StatusOK, contentJSON, resp)
}

// getOrder is GET /orders/2026-01-01/orders/{orderId}.
func (s *Server) getOrder(c *call) reply {
	inc, err := enumList(c.r.URL.Query(), "includedData", includedDataValues)
	if err != nil {
		return badInput(err.Error())
	}
	o := s.demo.byID[c.r.PathValue("orderId")]
	if o == nil {
		return notFound("No order " + c.r.PathValue("orderId") + " exists.")
	}
	ds := dataset{}
	for _, v := range inc {
		ds[v] = true
	}
	return jsonReply(http.StatusOK, contentJSON, wGetOrderResponse{Order: o.toWire(ds)})
}

// participations is GET /sellers/v1/marketplaceParticipations: every demo marketplace.
func (s *Server) participations(c *call) reply {
	type market struct {
		ID                  string `json:"id"`
		Name                string `json:"name"`
		CountryCode         string `json:"countryCode"`
		DefaultCurrencyCode string `json:"defaultCurrencyCode"`
		DefaultLanguageCode string `json:"defaultLanguageCode"`
		DomainName          string `json:"domainName"`
	}
	type participation struct {
		IsParticipating      bool `json:"isParticipating"`
		HasSuspendedListings bool `json:"hasSuspendedListings"`
	}
	type entry struct {
		Marketplace   market        `json:"marketplace"`
		Participation participation `json:"participation"`
		StoreName     string        `json:"storeName"`
	}
	out := struct {
		Payload []entry `json:"payload"`
	}{}
	for _, m := range DemoMarketplaces {
		out.Payload = append(out.Payload, entry{
			Marketplace:   market{m.ID, m.Name, m.CountryCode, m.Currency, m.LanguageCode, m.Domain},
			Participation: participation{IsParticipating: true},
			StoreName:     s.opts.StoreName,
		})
	}
	return jsonReply(http.StatusOK, contentJSON, out)
}
