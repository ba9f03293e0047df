package ui

import (
	"fmt"
	"testing"

	"sellermail/policy"
)

func TestScratch(t *testing.T) {
	c := policy.NewChecker()
	for _, s := range []string{
		"Bitte bewerten Sie uns mit 5 Sternen, dann erhalten Sie einen Gutschein über 10 €.",
		"Guten Tag,\n\nIhre Bestellung ist unterwegs und kommt voraussichtlich am Donnerstag bei Ihnen an. Leider hat sich der Versand um einen Tag verzögert, weil der Paketdienst einen Rückstau hatte.\n\nMit freundlichen Grüßen\nIhr Team",
		"Guten Tag, leider verzögert sich die Lieferung Ihrer Bestellung um zwei Tage, weil der Versanddienstleister einen Rückstau hat. Wir bitten um Entschuldigung.",
	} {
		r := c.Check(policy.Message{Text: s, Kind: policy.KindUnexpectedProblem, BuyerLocale: "de-DE"}, policy.German)
		fmt.Printf("%q\n chars=%d limit=%d lang=%+v blocked=%v\n", s, r.Chars, r.Limit, r.Language, r.Blocked())
		for _, f := range r.Findings {
			fmt.Printf("  %s %s [%d,%d] %q | %s | %s\n", f.Severity, f.Rule, f.Start, f.End, f.Excerpt, f.Message, f.Fix)
		}
	}
}
