package sandbox

import (
	"testing"
	"time"
)

func (e *env) solicitationOffered(o *demoOrder) bool {
	e.t.Helper()
	res, body := e.do("GET", "/solicitations/v1/orders/"+o.id+"?marketplaceIds="+o.m.ID, "")
	if res.StatusCode != 200 {
		e.t.Fatalf("%d %s", res.StatusCode, body)
	}
	var h halLinks
	mustJSON(e.t, body, &h)
	return len(h.Links.Actions) == 1 && h.Links.Actions[0].Name == "productReviewAndSellerFeedback"
}

func (e *env) solicit(o *demoOrder) (int, []byte) {
	res, body := e.do("POST", "/solicitations/v1/orders/"+o.id+"/solicitations/productReviewAndSellerFeedback?marketplaceIds="+o.m.ID, "")
	return res.StatusCode, body
}

func TestSolicitationWindow(t *testing.T) {
	e := start(t, Options{TokenLifetime: 365 * day})
	// a shipped order still inside its delivery window at the anchor time
	o := e.findOrder(func(o *demoOrder) bool {
		return o.status == statusShipped && fixedNow.Before(o.deliverEarliest.Add(5*day))
	})
	if e.solicitationOffered(o) {
		t.Fatal("offered before earliest delivery + 5 days")
	}
	if st, body := e.solicit(o); st != 403 || errCode(t, body) != "Unauthorized" {
		t.Fatalf("too early: %d %s", st, body)
	}
	e.clock.Advance(o.deliverEarliest.Add(5 * day).Sub(fixedNow))
	if !e.solicitationOffered(o) {
		t.Fatal("not offered at earliest delivery + 5 days")
	}
	e.clock.Advance(o.deliverLatest.Add(30 * day).Sub(e.clock.Now()))
	if !e.solicitationOffered(o) {
		t.Fatal("not offered at latest delivery + 30 days")
	}
	e.clock.Advance(time.Second)
	if e.solicitationOffered(o) {
		t.Fatal("offered after latest delivery + 30 days")
	}
}

func TestSolicitationOncePerOrderAndShippedOnly(t *testing.T) {
	e := start(t, Options{})
	o := e.findOrder(func(o *demoOrder) bool {
		return o.status == statusShipped && !fixedNow.Before(o.deliverEarliest.Add(5*day)) && !fixedNow.After(o.deliverLatest.Add(30*day))
	})
	if st, body := e.solicit(o); st != 201 || string(body) != "{}" {
		t.Fatalf("first: %d %s", st, body)
	}
	if e.solicitationOffered(o) {
		t.Fatal("still offered after sending")
	}
	st, body := e.solicit(o)
	if st != 403 || errCode(t, body) != "Unauthorized" {
		t.Fatalf("second: %d %s", st, body)
	}
	old := e.findOrder(func(o *demoOrder) bool { return o.status == statusCancelled })
	if st, _ := e.solicit(old); st != 403 {
		t.Fatalf("cancelled order: %d", st)
	}
	sent := e.srv.Sent()
	if len(sent) != 1 || sent[0].Kind != "productReviewAndSellerFeedback" || sent[0].AmazonOrderID != o.id {
		t.Fatalf("%+v", sent)
	}
}
