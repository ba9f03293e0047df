package policy

import "fmt"

// kindInfo is what the checker knows about a Kind. Limits come from Amazon's
// messaging API model (messaging.json): the kinds without a text field take
// attachments only.
type kindInfo struct {
	kind      Kind
	limit     int
	takesText bool
	// delivery marks kinds where carrier tracking links belong to the purpose.
	delivery bool
	// purposeLinks marks kinds where the API allows links needed for the
	// purpose itself (a scheduling page, a key redemption page).
	purposeLinks bool
	en, de       string
}

var kindInfos = []kindInfo{
	{KindConfirmCustomizationDetails, 800, true, false, false,
		"Confirm customization details (design proof, engraving text)",
		"Personalisierung bestätigen (Entwurf, Gravurtext)"},
	{KindConfirmDeliveryDetails, 2000, true, true, true,
		"Confirm delivery details (schedule a delivery, contact for the carrier)",
		"Lieferdetails bestätigen (Liefertermin planen, Kontakt für den Zusteller)"},
	{KindConfirmOrderDetails, 2000, true, false, false,
		"Confirm order details needed before shipping",
		"Bestelldetails klären, die vor dem Versand nötig sind"},
	{KindConfirmServiceDetails, 2000, true, false, true,
		"Confirm a Home Services appointment",
		"Termin für eine Amazon-Home-Services-Leistung bestätigen"},
	{KindDigitalAccessKey, 400, true, false, true,
		"Send a digital access key",
		"Digitalen Zugangsschlüssel senden"},
	{KindUnexpectedProblem, 2000, true, true, false,
		"Report an unexpected problem with the order (delay, damage)",
		"Unerwartetes Problem mit der Bestellung melden (Verzögerung, Schaden)"},
	{KindLegalDisclosure, 0, false, false, false,
		"Send a legally required document (attachment only)",
		"Gesetzlich vorgeschriebenes Dokument senden (nur Anhang)"},
	{KindWarranty, 0, false, false, false,
		"Send warranty information (attachment only)",
		"Garantieinformationen senden (nur Anhang)"},
	{KindInvoice, 0, false, false, false,
		"Send an invoice (attachment only)",
		"Rechnung senden (nur Anhang)"},
	{KindReply, 0, true, true, false,
		"Reply to a buyer's message in Seller Central",
		"Antwort auf eine Käufernachricht in Seller Central"},
}

func (k Kind) info() (kindInfo, bool) {
	for _, ki := range kindInfos {
		if ki.kind == k {
			return ki, true
		}
	}
	return kindInfo{}, false
}

// Kinds returns every Kind in a stable order: the SP-API types, then KindReply.
func Kinds() []Kind {
	out := make([]Kind, len(kindInfos))
	for i, ki := range kindInfos {
		out[i] = ki.kind
	}
	return out
}

// ParseKind accepts a Kind's name exactly as the SP-API spells it, or "reply".
func ParseKind(s string) (Kind, error) {
	if _, ok := Kind(s).info(); ok {
		return Kind(s), nil
	}
	return "", fmt.Errorf("policy: unknown message kind %q", s)
}

// Limit is the maximum text length in characters; 0 when the kind takes no
// text, or for KindReply, which has no published limit.
func (k Kind) Limit() int {
	ki, _ := k.info()
	return ki.limit
}

// TakesText reports whether the kind has a text body (invoice, warranty and
// legalDisclosure carry attachments only).
func (k Kind) TakesText() bool {
	ki, _ := k.info()
	return ki.takesText
}

// Proactive reports whether the seller starts the conversation; false only for KindReply.
func (k Kind) Proactive() bool { return k != KindReply }

// Description is a one-line explanation of the kind for a picker.
func (k Kind) Description(lang UILang) string {
	ki, ok := k.info()
	if !ok {
		return string(k)
	}
	if lang == German {
		return ki.de
	}
	return ki.en
}
