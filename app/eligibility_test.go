package app

import (
	"strings"
	"testing"
	"time"

	"sellermail/app/i18n"
)

func TestReviewEligibility(t *testing.T) {
	day := 24 * time.Hour
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	yes, no := true, false
	tests := []struct {
		name string
		f    ReviewFacts
		want Reason
	}{
		{"inside the window", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-10 * day), LatestDelivery: now.Add(-8 * day)}, ReasonEligible},
		{"exactly five days after", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-5 * day), LatestDelivery: now.Add(-3 * day)}, ReasonEligible},
		{"four days after delivery", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-4 * day), LatestDelivery: now.Add(-2 * day)}, ReasonTooEarly},
		{"31 days after the latest date", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-40 * day), LatestDelivery: now.Add(-31 * day)}, ReasonTooLate},
		{"30 days after the latest date", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-40 * day), LatestDelivery: now.Add(-30 * day)}, ReasonEligible},
		{"only an earliest date", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-20 * day)}, ReasonEligible},
		{"not shipped", ReviewFacts{Status: "UNSHIPPED", EarliestDelivery: now.Add(-10 * day), LatestDelivery: now.Add(-8 * day)}, ReasonNotShipped},
		{"no delivery date", ReviewFacts{Status: "SHIPPED"}, ReasonNoDeliveryDate},
		{"already requested", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-10 * day), Requested: true}, ReasonAlreadyRequested},
		{"Amazon does not offer it", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-10 * day), Offered: &no}, ReasonNotOffered},
		{"Amazon offers it", ReviewFacts{Status: "SHIPPED", EarliestDelivery: now.Add(-10 * day), Offered: &yes}, ReasonEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ReviewEligibility(tt.f, now)
			if e.Reason != tt.want || e.OK != (tt.want == ReasonEligible) {
				t.Fatalf("got %v (ok %v), want %v", e.Reason, e.OK, tt.want)
			}
			for _, lang := range []i18n.Lang{i18n.English, i18n.German} {
				if e.Text(lang) == "" {
					t.Errorf("no %s explanation", lang)
				}
			}
		})
	}
}

func TestEligibilityTextNamesTheDate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	delivered := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	e := ReviewEligibility(ReviewFacts{Status: "SHIPPED", EarliestDelivery: delivered, LatestDelivery: delivered}, now)
	if got := e.Text(i18n.German); !strings.Contains(got, "30.11.2026") {
		t.Errorf("German text %q does not name the opening date 30.11.2026", got)
	}
	if got := e.Text(i18n.English); !strings.Contains(got, "2026-11-30") {
		t.Errorf("English text %q does not name the opening date 2026-11-30", got)
	}
}
