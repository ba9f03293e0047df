package app

import (
	"context"
	"testing"

	"sellermail/app/i18n"
	"sellermail/policy"
	"sellermail/spapi/sandbox"
)

// A message whose answer was lost may have reached the buyer: the send
// result and the order's detail both count it, so the window's live check
// reports the same text as a duplicate just as the check at send time does.
func TestUnknownOutcomeCountsAsEarlierForEveryCheck(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	text := problemText(d, "of a strike")
	s.demo.SetFaults(sandbox.Faults{DropAfterRead: true, PathPrefix: "/messaging/v1/orders/" + d.Order.OrderID + "/messages/", Count: 1})
	res, _ := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: text}, i18n.English)
	if res.Earlier == nil || res.Earlier.Text != text || res.Earlier.Kind != policy.KindUnexpectedProblem || res.Earlier.At.IsZero() {
		t.Fatalf("send result's earlier message = %+v, want the text just sent", res.Earlier)
	}
	d2, err := s.OrderDetail(ctx, d.Order.OrderID)
	if err != nil {
		t.Fatal(err)
	}
	e := d2.Earlier()
	if len(e) != 1 || e[0].Text != text {
		t.Fatalf("OrderDetail.Earlier = %+v, want the message of unknown outcome", e)
	}
	if !hasRule(s.Check(text, policy.KindUnexpectedProblem, d2, i18n.English), "DUPLICATE_MESSAGE") {
		t.Error("the same text after an unknown outcome is not a duplicate")
	}
	// A refused message never reached the buyer and counts for nothing.
	link := problemText(d, "the carrier lost it") + " Details: https://example.com/status"
	blocked, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: link}, i18n.English)
	wantRefusal(t, err, ErrBlocked)
	if blocked.Earlier != nil {
		t.Errorf("a refused message counts as earlier: %+v", blocked.Earlier)
	}
}
