package sandbox

import (
	"net/http"
	"net/url"
	"time"
)

const solicitationName = "productReviewAndSellerFeedback"

// solicitable applies Amazon's rules: a Shipped order, from five days
// after the earliest delivery date to 30 days after the latest, once.
// Callers hold s.mu.
func (s *Server) solicitable(o *demoOrder, now time.Time) bool {
	return o.status == statusShipped &&
		!now.Before(o.deliverEarliest.Add(5*day)) &&
		!now.After(o.deliverLatest.Add(30*day)) &&
		!s.demo.solicited[o.id]
}

// solicitationActions is getSolicitationActionsForOrder.
func (s *Server) solicitationActions(c *call) reply {
	o, mkt, fail := s.orderForAction(c)
	if fail != nil {
		return *fail
	}
	base := "/solicitations/v1/orders/" + url.PathEscape(o.id)
	qs := "?marketplaceIds=" + url.QueryEscape(mkt)
	var out halLinks
	out.Links.Actions = []link{}
	s.mu.Lock()
	ok := s.solicitable(o, s.now())
	s.mu.Unlock()
	if ok {
		out.Links.Actions = append(out.Links.Actions, link{Href: base + "/solicitations/" + solicitationName + qs, Name: solicitationName})
	}
	out.Links.Self = link{Href: base + qs}
	return jsonReply(http.StatusOK, contentHAL, out)
}

// solicit is createProductReviewAndSellerFeedbackSolicitation.
func (s *Server) solicit(c *call) reply {
	o, mkt, fail := s.orderForAction(c)
	if fail != nil {
		return *fail
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.solicitable(o, now) {
		return errReply(http.StatusForbidden, "Unauthorized", "The requested solicitation is not available for this amazonOrderId.", "")
	}
	s.demo.solicited[o.id] = true
	s.demo.sent = append(s.demo.sent, SentRecord{Kind: solicitationName, OperationID: "createProductReviewAndSellerFeedbackSolicitation",
		AmazonOrderID: o.id, MarketplaceID: mkt, At: now, RequestID: c.reqID})
	return reply{status: http.StatusCreated, contentType: contentHAL, body: []byte("{}")}
}
