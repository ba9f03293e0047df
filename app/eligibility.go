package app

import (
	"time"

	"sellermail/app/i18n"
)

// Amazon's solicitation window: from five days after the earliest delivery
// date to thirty days after the latest, for shipped orders, once per order.
const (
	reviewWindowOpens  = 5 * 24 * time.Hour
	reviewWindowCloses = 30 * 24 * time.Hour
)

// Eligibility says whether a review request can be sent for an order now,
// and why not when it cannot.
type Eligibility struct {
	OK     bool
	Reason Reason
	// Opens and Closes bound the window when the delivery dates are known.
	Opens, Closes time.Time
}

// Reason is why an order is or is not eligible for a review request.
type Reason int

// The reasons, in the order they are checked.
const (
	ReasonEligible Reason = iota
	ReasonAlreadyRequested
	ReasonNotShipped
	ReasonNoDeliveryDate
	ReasonTooEarly
	ReasonTooLate
	ReasonNotOffered
)

// ReviewFacts are what eligibility is computed from.
type ReviewFacts struct {
	// Status is the order's fulfillment status as the Orders API gives it (SHIPPED, UNSHIPPED, ...).
	Status                           string
	EarliestDelivery, LatestDelivery time.Time
	// Requested is true when the local history has a review request for the order that was
	// sent or whose outcome is unknown.
	Requested bool
	// Offered is Amazon's own answer from getSolicitationActionsForOrder, when fetched.
	Offered *bool
}

// ReviewEligibility decides eligibility at now.
func ReviewEligibility(f ReviewFacts, now time.Time) Eligibility {
	e := Eligibility{}
	if !f.EarliestDelivery.IsZero() {
		e.Opens = f.EarliestDelivery.Add(reviewWindowOpens)
	}
	latest := f.LatestDelivery
	if latest.IsZero() {
		latest = f.EarliestDelivery
	}
	if !latest.IsZero() {
		e.Closes = latest.Add(reviewWindowCloses)
	}
	switch {
	case f.Requested:
		e.Reason = ReasonAlreadyRequested
	case f.Status != "SHIPPED":
		e.Reason = ReasonNotShipped
	case e.Opens.IsZero():
		e.Reason = ReasonNoDeliveryDate
	case now.Before(e.Opens):
		e.Reason = ReasonTooEarly
	case now.After(e.Closes):
		e.Reason = ReasonTooLate
	case f.Offered != nil && !*f.Offered:
		e.Reason = ReasonNotOffered
	default:
		e.OK, e.Reason = true, ReasonEligible
	}
	return e
}

// Text explains the eligibility to a seller in lang.
func (e Eligibility) Text(lang i18n.Lang) string { return Render(e.text(), lang) }

// text is the eligibility's catalogue text; the window's dates are
// arguments that Render writes the way the language writes dates.
func (e Eligibility) text() i18n.Text {
	switch e.Reason {
	case ReasonEligible:
		return i18n.New("eligibility.eligible", "ClosesDate", e.Closes.Format(time.DateOnly))
	case ReasonAlreadyRequested:
		return i18n.New("eligibility.requested")
	case ReasonNotShipped:
		return i18n.New("eligibility.notshipped")
	case ReasonNoDeliveryDate:
		return i18n.New("eligibility.nodelivery")
	case ReasonTooEarly:
		return i18n.New("eligibility.tooearly", "OpensDate", e.Opens.Format(time.DateOnly))
	case ReasonTooLate:
		return i18n.New("eligibility.toolate", "ClosesDate", e.Closes.Format(time.DateOnly))
	case ReasonNotOffered:
		return i18n.New("eligibility.notoffered")
	}
	return i18n.Text{}
}
