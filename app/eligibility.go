package app

import (
	"fmt"
	"time"

	"sellermail/policy"
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

// Text explains the eligibility to a seller.
func (e Eligibility) Text(lang policy.UILang) string {
	de := lang == policy.German
	date := func(t time.Time) string {
		if de {
			return t.Format("02.01.2006")
		}
		return t.Format("2006-01-02")
	}
	switch e.Reason {
	case ReasonEligible:
		return pick(de, fmt.Sprintf("A review request can be sent until %s.", date(e.Closes)),
			fmt.Sprintf("Eine Bewertungsanfrage ist bis %s möglich.", date(e.Closes)))
	case ReasonAlreadyRequested:
		return pick(de, "A review was already requested for this order; Amazon allows one request per order.",
			"Für diese Bestellung wurde schon um eine Bewertung gebeten; Amazon erlaubt eine Anfrage pro Bestellung.")
	case ReasonNotShipped:
		return pick(de, "Only shipped orders can get a review request.",
			"Nur für versandte Bestellungen kann um eine Bewertung gebeten werden.")
	case ReasonNoDeliveryDate:
		return pick(de, "Amazon gave no delivery date for this order, so the review window is not known.",
			"Amazon hat für diese Bestellung kein Lieferdatum genannt, daher ist das Zeitfenster unbekannt.")
	case ReasonTooEarly:
		return pick(de, fmt.Sprintf("Too early: Amazon allows review requests from %s (five days after delivery).", date(e.Opens)),
			fmt.Sprintf("Zu früh: Amazon erlaubt Bewertungsanfragen ab %s (fünf Tage nach der Lieferung).", date(e.Opens)))
	case ReasonTooLate:
		return pick(de, fmt.Sprintf("Too late: the window closed on %s (30 days after the latest delivery date).", date(e.Closes)),
			fmt.Sprintf("Zu spät: Das Zeitfenster endete am %s (30 Tage nach dem spätesten Lieferdatum).", date(e.Closes)))
	case ReasonNotOffered:
		return pick(de, "Amazon does not offer a review request for this order right now.",
			"Amazon bietet für diese Bestellung gerade keine Bewertungsanfrage an.")
	}
	return ""
}

func pick(de bool, en, ger string) string {
	if de {
		return ger
	}
	return en
}
