package policy

import (
	"strings"
	"testing"
)

// ruleCase is one message and what one rule must (or must not) say about it.
type ruleCase struct {
	name string
	text string
	kind Kind
	want Severity // 0: the rule must stay silent
}

func runRuleCases(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	c := NewChecker()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			k := tc.kind
			if k == "" {
				k = KindUnexpectedProblem
			}
			res := c.Check(Message{Text: tc.text, Kind: k}, German)
			var got Severity
			for _, f := range res.Findings {
				if f.Rule == rule && f.Severity > got {
					got = f.Severity
					if f.Message == "" {
						t.Errorf("%s finding without explanation", rule)
					}
				}
			}
			if got != tc.want {
				t.Errorf("%s on %q: got %v, want %v\nall: %v", rule, tc.text, got, tc.want, res.Findings)
			}
		})
	}
}

func TestExternalLink(t *testing.T) {
	runRuleCases(t, "EXTERNAL_LINK", []ruleCase{
		{"bare domain", "Besuchen Sie meinshop.de für mehr.", "", Block},
		{"url", "See https://example.com/offer for details.", "", Block},
		{"short link", "Infos: bit.ly/3xYz", KindConfirmDeliveryDetails, Block},
		{"spelled out", "Go to www dot example dot com please.", "", Block},
		{"punkt de", "Schauen Sie auf meinshop punkt de vorbei.", "", Block},
		{"bracket dot", "Visit shop[.]com now.", "", Block},
		{"tracking allowed", "Sendungsverfolgung: https://www.dhl.de/track?id=1", KindUnexpectedProblem, 0},
		{"tracking in wrong kind", "Tracking: https://www.dhl.de/track?id=1", KindConfirmCustomizationDetails, Warn},
		{"amazon brand", "Sie haben bei Amazon.de bestellt.", "", 0},
		{"abbreviation", "Bitte senden Sie z.B. ein Foto (Rechnung.pdf) mit v2.1 oder 1.5 kg.", "", 0},
		{"el punto es", "El punto es que el paquete llegó tarde.", "", 0},
		{"point de vue", "De notre point de vue, le colis est en retard.", "", 0},
		{"href", `<a href="https://www.candlecove.com/care">Pflegehinweise</a>`, "", Block},
		{"punto di ritiro", "Il corriere arriva al punto di ritiro in via Roma.", "", 0},
	})
	runRuleCases(t, "HTML", []ruleCase{
		{"tag around a link", `<a href="https://www.candlecove.com/care">Pflegehinweise</a>`, "", Block},
	})
}

func TestEmailAddress(t *testing.T) {
	runRuleCases(t, "EMAIL_ADDRESS", []ruleCase{
		{"plain", "Schreiben Sie an info@shop.de bitte.", "", Block},
		{"at form", "Mail: max(at)shop.de", "", Block},
		{"spaced at", "write to info (at) shop dot com", "", Block},
		{"marketplace alias", "abc123@marketplace.amazon.de", "", Block},
		{"no address", "Wir sind erreichbar @ Amazon über das Postfach.", "", 0},
		{"arobase", "Envoyez le logo à contact arobase atelier-bois point fr.", "", Block},
		{"chiocciola", "Mandi la foto a info chiocciola negozio punto it.", "", Block},
		{"arroba", "Envíe la foto a pedidos arroba regalos-luna punto es.", "", Block},
	})
}

func TestPhoneNumber(t *testing.T) {
	runRuleCases(t, "PHONE_NUMBER", []ruleCase{
		{"german", "Rufen Sie 030 12345678 an.", "", Block},
		{"international", "Call +44 20 7946 0958 today.", "", Block},
		{"us", "Call 555-123-4567 anytime.", "", Block},
		{"manufacturer", "Die Garantie-Hotline des Herstellers: 0800 1234567.", "", Style},
		{"order id", "Bestellung 302-1234567-1234567 ist verzögert.", "", 0},
		{"ean", "EAN 4006381333931 passt.", "", 0},
		{"tracking", "Sendungsnummer 00340434161234567890.", "", 0},
		{"price", "Der Preis beträgt 1.299,00 € inklusive.", "", 0},
		{"date", "Lieferung am 03/04/2026 oder 12.05.2024.", "", 0},
		{"postcode", "Adresse: 10115 Berlin.", "", 0},
		{"part number", "The replacement part 4400-2231-09 is on backorder.", "", 0},
		{"nummer after whatsapp", "Schicken Sie ein Foto per WhatsApp unter der Nummer 0171 2345678.", "", Block},
		{"nummer, then telefon", "Die Service-Nummer des Herstellers: Telefon 0800 1234567.", "", Style},
		{"customer number", "Ihre Kundennummer 12345678 liegt uns vor.", "", 0},
		{"own number despite courier", "The courier could not find you. Give us a ring on 07700 900456.", "", Block},
		{"carrier number", "Call DHL on 0800 123 4567 to rearrange delivery.", "", Style},
		{"call us despite carrier", "Rufen Sie uns an, falls DHL nicht kommt: 0228 4333112.", "", Block},
	})
}

func TestHTMLAndEmoji(t *testing.T) {
	runRuleCases(t, "HTML", []ruleCase{
		{"tag", "Hallo <b>Kunde</b>", "", Block},
		{"entity", "Preis&nbsp;10 €", "", Block},
		{"heart", "Wir lieben <3 unsere Kunden und a < b.", "", 0},
	})
	runRuleCases(t, "EMOJI", []ruleCase{
		{"emoji", "Danke 😀", "", Block},
		{"zwj", "Top 👍🏽 Ware", "", Block},
		{"trademark", "Marke™ und © 2024 ® sind kein Emoji → €", "", 0},
		{"emoticon", "Bis bald :)", "", Style},
	})
}

func TestReviewRules(t *testing.T) {
	runRuleCases(t, "REVIEW_INCENTIVE", []ruleCase{
		{"de voucher", "Für eine Bewertung erhalten Sie einen Gutschein über 10 €.", "", Block},
		{"en refund", "We will refund you in full once you leave a review.", "", Block},
		{"fr", "Nous vous rembourserons dès que votre avis sera publié.", "", Block},
		{"next sentence", "Bitte schreiben Sie eine Rezension. Als Dankeschön erhalten Sie ein Geschenk.", "", Block},
		{"next line", "Bitte schreiben Sie eine Rezension.\nAls Dankeschön erhalten Sie ein Geschenk.", "", Block},
		{"next paragraph", "Bitte schreiben Sie eine Rezension.\n\nAls Dankeschön erhalten Sie ein Geschenk.", "", Block},
		{"without umlauts", "Bitte schreiben Sie eine Rezension. Als Dankeschoen erhalten Sie ein Geschenk.", "", Block},
		{"gutschrift", "Die Gutschrift für Ihre Rücksendung ist veranlasst. Über eine Bewertung freuen wir uns.", "", 0},
		{"we reviewed", "We reviewed your case and issued a full refund.", "", 0},
		{"free replacement", "Wir senden Ihnen kostenlosen Ersatz; gerne können Sie danach eine Bewertung schreiben.", "", 0},
		{"feel free", "Feel free to leave a review on Amazon.", "", 0},
		{"small gesture", "As a small gesture, we'll send you a pillowcase once your review is up.", "", Block},
		{"kleine aufmerksamkeit", "Als kleine Aufmerksamkeit legen wir ein Extra bei, wenn Sie Ihre Erfahrungen auf Amazon teilen.", "", Block},
		{"piccolo pensiero", "Come piccolo pensiero le invieremo un regalo una volta pubblicata la sua recensione.", "", Block},
		{"gesture without review", "As a small gesture we refund the shipping costs for the delay.", "", 0},
		{"refund, then in return", "Wir haben Ihnen alles erstattet. Im Gegenzug entfernen Sie bitte Ihre Bewertung.", "", Block},
		{"refund, then thanks for the review", "Wir haben Ihnen 20 € erstattet. Vielen Dank für Ihre Bewertung.", "", 0},
		{"assessment of photos", "Nach Bewertung der Fotos erstatten wir Ihnen 30 € als Teilerstattung.", "", 0},
		{"experience outside amazon", "Nach unserer Erfahrung dauert die Zustellung bei Amazon zwei Tage. Wir erstatten die Versandkosten.", "", 0},
	})
	runRuleCases(t, "POSITIVE_REVIEW_REQUEST", []ruleCase{
		{"stars", "Bitte geben Sie uns 5 Sterne!", "", Risk},
		{"stars wished for", "We would love 5 stars!", "", Risk},
		{"stars, verb last", "Wir freuen uns, wenn Sie uns 5 Sterne geben.", "", Risk},
		{"stars welcomed", "Wir freuen uns über 5 Sterne.", "", Risk},
		{"positive", "We'd love a positive review.", "", Risk},
		{"if happy", "If you are happy with the mug, please leave a review.", "", Risk},
		{"hotel", "Wir haben im 5-Sterne-Hotel übernachtet.", "", 0},
		{"neutral", "Wir freuen uns über Ihre ehrliche Bewertung.", "", 0},
		{"unhappy", "If you are not happy with the mug, tell us and we replace it.", "", 0},
		{"top rating", "We'd be thrilled with a top rating!", "", Risk},
		{"note de 5 étoiles", "Une note de 5 étoiles nous ferait plaisir !", "", Risk},
		{"valoración de cinco estrellas", "Nos haría felices una valoración de cinco estrellas.", "", Risk},
		{"stars on amazon", "Fünf Sterne auf Amazon wären das schönste Dankeschön.", "", Risk},
		{"share experience if happy", "If you are happy, please share your experience on Amazon.", "", Risk},
		{"product name", "The Top Star 5 scooter is delayed by four days.", "", 0},
		{"stars in a product name", "Die Gartenbank Top 5 Sterne Edition ist verspätet.", "", 0},
	})
	runRuleCases(t, "REVIEW_GATING", []ruleCase{
		{"before", "Bevor Sie eine negative Bewertung abgeben, kontaktieren Sie uns bitte.", "", Risk},
		{"instead", "Please contact us instead of leaving negative feedback.", "", Risk},
		{"plain help", "Bei Problemen melden Sie sich gerne, wir helfen sofort.", "", 0},
		{"before you review", "Please contact us first if anything is wrong - before you review, give us a chance.", "", Risk},
		{"reply here first", "Please share your experience on Amazon. If not, just reply here first.", "", Risk},
		{"review the proof", "Please review the proof before you review the colours and reply first thing tomorrow.", KindConfirmCustomizationDetails, 0},
	})
	runRuleCases(t, "REVIEW_CHANGE_OR_REMOVAL", []ruleCase{
		{"de", "Könnten Sie Ihre Bewertung bitte ändern, jetzt wo alles gelöst ist?", "", Risk},
		{"en", "Would you consider removing your review now?", "", Risk},
		{"seller feedback", "You may update your feedback if you wish.", "", Warn},
		{"address", "Bitte ändern Sie Ihre Lieferadresse im Konto.", "", 0},
		{"neubewertung", "Nach Neubewertung Ihres Falls ändern wir die Erstattung.", "", 0},
	})
	runRuleCases(t, "REVIEW_PERSUASION", []ruleCase{
		{"small business", "We are a small business and every review counts.", "", Risk - 1},
		{"no review", "We are a small business and ship every day.", "", 0},
		{"small shop", "A top rating really helps a small shop like ours.", "", Warn},
	})
}

func TestContentRules(t *testing.T) {
	runRuleCases(t, "MARKETING", []ruleCase{
		{"code", "Mit dem Rabattcode HERBST15 sparen Sie.", "", Risk},
		{"next order", "Sie erhalten 10 % Rabatt auf Ihre nächste Bestellung.", "", Risk},
		{"newsletter", "Subscribe to our newsletter.", "", Risk},
		{"partial refund", "Wir bieten Ihnen einen Preisnachlass von 5 € an, wenn Sie den Artikel behalten.", "", 0},
		{"angebot", "Unser Angebot: Wir senden kostenlos Ersatz.", "", 0},
		{"percent on next order", "Als Entschuldigung erhalten Sie 10 % auf Ihre nächste Bestellung.", "", Risk},
		{"code on next order", "Use code SORRY on your next order.", "", Risk},
		{"next order without deal", "Bei Ihrer nächsten Bestellung prüfen wir die Adresse vorab.", "", 0},
	})
	runRuleCases(t, "OFF_AMAZON_CONTACT", []ruleCase{
		{"whatsapp", "Schreiben Sie uns per WhatsApp.", "", Risk},
		{"website", "Visit our website for more.", "", Risk},
		{"amazon contact", "Bitte antworten Sie einfach auf diese Nachricht.", "", 0},
		{"own shop", "Ersatzklingen finden Sie günstiger in unserem eigenen Shop.", "", Risk},
		{"give us a ring", "Give us a ring and we'll sort it out.", "", Risk},
		{"call the carrier", "Rufen Sie DHL unter 0228 4333112 an, um die Zustellung zu verschieben.", "", 0},
		{"call us despite carrier", "Rufen Sie uns an, falls DHL nicht kommt: 0228 4333112.", "", Risk},
	})
	runRuleCases(t, "OPT_OUT_LINK", []ruleCase{
		{"de", "Sie können sich jederzeit abmelden.", "", Block},
		{"en", "Click here to unsubscribe.", "", Block},
		{"none", "Wir melden uns morgen wieder.", "", 0},
	})
	runRuleCases(t, "ORDER_OR_SHIPPING_CONFIRMATION", []ruleCase{
		{"shipped", "Ihre Bestellung wurde heute versandt.", "", Risk},
		{"delay", "Ihre Bestellung wurde leider verspätet versandt.", "", 0},
		{"reply", "Ja, Ihre Bestellung wurde heute versandt.", KindReply, 0},
	})
	runRuleCases(t, "THANK_YOU_ONLY", []ruleCase{
		{"de", "Vielen Dank für Ihre Bestellung!\n\nBei Fragen stehen wir Ihnen gerne zur Verfügung.\n\nIhr Team", "", Risk},
		{"substantive", "Vielen Dank für Ihre Bestellung! Leider verzögert sich die Lieferung um zwei Tage.", "", 0},
		{"review request", "Bitte schreiben Sie eine Rezension. Als Dankeschön erhalten Sie ein Geschenk.", "", 0},
		{"stars request", "Please leave us a 5-star review and get a voucher as a thank you.", "", 0},
	})
	runRuleCases(t, "OOS_ASK_TO_CANCEL", []ruleCase{
		{"de", "Der Artikel ist ausverkauft. Bitte stornieren Sie die Bestellung.", "", Risk},
		{"may cancel", "Die Lieferung verzögert sich. Sie können die Bestellung jederzeit stornieren.", "", 0},
	})
	runRuleCases(t, "OOS_ASK_TO_CANCEL", []ruleCase{
		{"imperative de", "Stornieren Sie die Bestellung einfach über Meine Bestellungen.", "", Risk},
		{"polite fr", "Merci d'annuler votre commande.", "", Risk},
		{"question it", "Potrebbe annullare l'ordine?", "", Risk},
		{"request es", "Le pedimos que solicite la cancelación del pedido.", "", Risk},
		{"must en", "You need to cancel the order yourself.", "", Risk},
		{"negated de", "Sie müssen nichts stornieren.", "", 0},
		{"negated en", "You don't need to cancel anything.", "", 0},
		{"seller cancels", "If you prefer not to wait, we will cancel the order for you.", "", 0},
		{"seller cancels es", "Si lo prefiere, cancelaremos el pedido.", "", 0},
		{"option with wish", "Falls Sie nicht warten möchten, können Sie die Bestellung stornieren.", "", 0},
		{"pointer with wish", "If you would rather not wait, you can cancel it under Your Orders.", "", Warn},
		{"reply answer", "You can cancel it under Your Orders, Cancel items.", KindReply, 0},
	})
	runRuleCases(t, "OFF_AMAZON_CONTACT", []ruleCase{
		{"pay off", "Sie können den Betrag auch per PayPal Freunde zahlen.", "", Risk},
		{"transfer privately", "Den Rest überweise ich Ihnen heute privat.", "", Risk},
		{"refund back is no payment off", "Sobald die Ware da ist, überweisen wir Ihnen den Betrag über Amazon zurück.", "", 0},
		{"send to own address", "Bitte schicken Sie das Foto an info@beispiel-shop.de.", "", Risk},
		{"call own number", "Sie erreichen unseren Fahrer unter 0171 2345678.", "", Risk},
		{"carrier number stays allowed", "Rufen Sie DHL unter 0228 4333112 an, um die Zustellung zu verschieben.", "", 0},
		{"spelled number", "Ruf mich an: null eins sieben eins, zwei drei vier fünf sechs sieben.", "", Risk},
	})
	runRuleCases(t, "SENSITIVE_DATA", []ruleCase{
		{"iban", "Bitte senden Sie uns Ihre IBAN für die Erstattung.", "", Risk},
		{"paypal", "Could you send us your PayPal address?", "", Risk},
		{"id", "Necesitamos una copia de su DNI.", "", Risk},
		{"buyer asked to pay off Amazon", "Sie können den Betrag auch per PayPal Freunde zahlen.", "", Risk},
		{"payment app", "Easiest is to just send the amount via Venmo and we ship today.", "", Risk},
		{"seller's own refund off Amazon is not data", "Wir überweisen Ihnen den Betrag per PayPal.", "", 0},
		{"negated", "Sie müssen uns keine Bankdaten schicken, die Erstattung läuft über Amazon.", "", 0},
		{"carrier phone", "Bitte hinterlegen Sie Ihre Telefonnummer in der Lieferadresse, die Spedition ruft vorher an.", "", 0},
	})
	runRuleCases(t, "FILTER_EVASION", []ruleCase{
		{"leet", "A quick r3view would help us.", "", Risk},
		{"star", "Teilen Sie Ihre Erfahrung, sha*re it!", "", Risk},
		{"spaced", "Wir freuen uns über eine B e w e r t u n g.", "", Risk},
		{"feedback", "Please leave f33dback.", "", Risk},
		{"e-mail", "Sie erhalten eine E-Mail von Amazon.", "", 0},
		{"model", "Das Ersatzteil R3-V1EW-200 passt.", "", 0},
		{"footnote", "Five stars* (*product name)", "", 0},
	})
	runRuleCases(t, "OOS_SUBSTITUTE", []ruleCase{
		{"size", "Der Pullover in Größe L ist ausverkauft. Wir könnten Ihnen dasselbe Modell in Größe XL schicken.", "", Risk},
		{"used", "El producto nuevo está agotado. ¿Aceptaría uno reacondicionado en su lugar?", "", Risk},
		{"cancelled instead", "Le coussin bleu est épuisé. Nous avons donc annulé la commande.", "", 0},
	})
	runRuleCases(t, "OOS_SUBSTITUTE", []ruleCase{
		{"en", "The grey cover is sold out, but we could send you the same cover in charcoal instead.", "", Risk},
		{"no oos", "We will send you a replacement in the same colour.", "", 0},
	})
	runRuleCases(t, "IMPORTANT_TAG_MISUSE", []ruleCase{
		{"thanks", "[Wichtig] Vielen Dank für Ihren Einkauf!", "", Risk},
		{"address", "[Wichtig] Bitte bestätigen Sie Ihre Lieferadresse, die Hausnummer fehlt.", "", 0},
	})
	runRuleCases(t, "AMAZON_IMPERSONATION", []ruleCase{
		{"signature", "Ihre Lieferung verzögert sich.\n\nKind regards,\nAmazon Customer Service", "", Risk},
		{"signature it", "La consegna subirà un ritardo.\n\nCordiali saluti,\nServizio Clienti Amazon.it", "", Risk},
		{"claim", "Wir von Amazon melden uns wegen Ihrer Lieferung.", "", Risk},
		{"names refund", "Die Erstattung läuft über Amazon und erscheint in Meine Bestellungen.", KindReply, 0},
	})
	runRuleCases(t, "AMAZON_IMPERSONATION", []ruleCase{
		{"team", "Viele Grüße, Ihr Amazon-Team", "", Risk},
		{"advice", "Bitte wenden Sie sich an den Amazon-Kundenservice.", "", 0},
	})
	runRuleCases(t, "TONE", []ruleCase{
		{"blame en", "If you had read the description you would have known that.", KindReply, Risk},
		{"blame de", "Wer lesen kann, ist klar im Vorteil.", KindReply, Risk},
		{"report", "Nous allons signaler votre compte à Amazon.", KindReply, Risk},
		{"own mistake", "That was a stupid mistake on our side, sorry.", KindReply, 0},
		{"no threat", "There are no consequences for you at all.", KindReply, 0},
	})
	runRuleCases(t, "TONE", []ruleCase{
		{"insult", "Sie sind ein Idiot.", "", Risk},
		{"threat", "Sonst leiten wir rechtliche Schritte ein.", "", Risk},
		{"polite", "Wir bedauern den Vorfall sehr.", "", 0},
	})
}

func TestStyleRules(t *testing.T) {
	runRuleCases(t, "SHOUTING", []ruleCase{
		{"caps", "BITTE SOFORT ANTWORTEN UND BESTÄTIGEN", "", Style},
		{"acronyms", "Die USB-Kabel und LED-Lampen kommen per DHL von der GmbH.", "", 0},
	})
	runRuleCases(t, "EXCESSIVE_PUNCTUATION", []ruleCase{
		{"bangs", "Danke!!!", "", Style},
		{"ellipsis", "Nun ja... gut.", "", 0},
	})
	runRuleCases(t, "BLANK_LINES", []ruleCase{
		{"many", "Hallo\n\n\n\n\nText", "", Warn},
		{"ok", "Hallo\n\nText", "", 0},
	})
}

func TestLengthRules(t *testing.T) {
	runRuleCases(t, "TEXT_TOO_LONG", []ruleCase{
		{"key", strings.Repeat("a", 401), KindDigitalAccessKey, Block},
		{"at limit", strings.Repeat("a", 400), KindDigitalAccessKey, 0},
		{"custom", strings.Repeat("ä", 801), KindConfirmCustomizationDetails, Block},
	})
	runRuleCases(t, "TEXT_EMPTY", []ruleCase{{"blank", "  \n", KindUnexpectedProblem, Block}})
	runRuleCases(t, "TEXT_NOT_ALLOWED", []ruleCase{
		{"invoice", "Anbei die Rechnung.", KindInvoice, Block},
		{"invoice empty", "", KindInvoice, 0},
	})
}

func TestUnfilledAndTemplates(t *testing.T) {
	c := NewChecker()
	text := "Hallo [Name], Ihre Bestellung {{order_id}} ({{product}}) kommt am {{new_date}}. Grund: {{fill:Grund der Verzögerung}}. Viele Grüße, ${store}"
	res := c.Check(Message{Text: text, Kind: KindUnexpectedProblem, Template: true}, English)
	for _, f := range res.Findings {
		if f.Severity >= Warn {
			t.Errorf("template: unexpected %s on %q", f.Rule, f.Excerpt)
		}
	}
	res = c.Check(Message{Text: text, Kind: KindUnexpectedProblem}, German)
	n := 0
	for _, f := range res.Findings {
		if f.Rule == "UNFILLED_FIELD" {
			n++
			if f.Severity != Block {
				t.Errorf("UNFILLED_FIELD severity %v", f.Severity)
			}
		}
	}
	if n != 6 {
		t.Errorf("finished message: %d UNFILLED_FIELD findings, want 6: %v", n, res.Findings)
	}
	ps := Placeholders("Bestellung {{ order_id }} – {{fill:Grund der Verzögerung}} {{offen")
	if len(ps) != 2 || ps[0].Name != "order_id" || ps[0].Start != 11 || ps[0].End != 25 ||
		ps[1].Name != "Grund der Verzögerung" || !ps[1].Free {
		t.Errorf("Placeholders = %+v", ps)
	}
}

func TestOrderIDAndLanguage(t *testing.T) {
	c := NewChecker()
	order := &OrderFacts{OrderID: "302-1234567-1234567"}
	text := "Ihre Bestellung 302-7654321-7654321 verzögert sich leider um zwei Tage, wir bitten um Entschuldigung."
	res := c.Check(Message{Text: text, Kind: KindUnexpectedProblem, Order: order, BuyerLocale: "fr-FR"}, German)
	var other, lang bool
	for _, f := range res.Findings {
		other = other || (f.Rule == "ORDER_ID" && f.Excerpt == "302-7654321-7654321" && strings.Contains(f.Fix, order.OrderID))
		lang = lang || f.Rule == "BUYER_LANGUAGE"
	}
	if !other || !lang || res.Language.Code != "de" {
		t.Errorf("want ORDER_ID for the other order and BUYER_LANGUAGE; got %v %v", res.Language, res.Findings)
	}
	short := c.Check(Message{Text: "Danke!", Kind: KindReply, BuyerLocale: "fr-FR"}, German)
	for _, f := range short.Findings {
		if f.Rule == "BUYER_LANGUAGE" {
			t.Errorf("short text must be unknown, got %v", f)
		}
	}
	dup := c.Check(Message{Text: text, Kind: KindUnexpectedProblem, Order: &OrderFacts{OrderID: order.OrderID,
		Earlier: []SentMessage{{Kind: KindUnexpectedProblem, Text: text}}}}, English)
	found := false
	for _, f := range dup.Findings {
		found = found || f.Rule == "DUPLICATE_MESSAGE"
	}
	if !found {
		t.Errorf("DUPLICATE_MESSAGE missing: %v", dup.Findings)
	}
}

func TestAPI(t *testing.T) {
	for _, k := range Kinds() {
		if got, err := ParseKind(string(k)); err != nil || got != k {
			t.Errorf("ParseKind(%s) = %v, %v", k, got, err)
		}
		if k.Description(German) == "" || k.Description(English) == "" || k.Description(German) == k.Description(English) {
			t.Errorf("%s: descriptions missing", k)
		}
		if k.Proactive() != (k != KindReply) {
			t.Errorf("%s: Proactive wrong", k)
		}
	}
	if _, err := ParseKind("sendCoupon"); err == nil {
		t.Error("ParseKind accepted an unknown kind")
	}
	for s := Style; s <= Block; s++ {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("severity %v round trip: %v %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity accepted fatal")
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.Title(German) == "" || r.Title(English) == "" || r.Explanation(German) == "" ||
			r.Explanation(English) == "" || r.Source == "" || strings.Contains(r.Explanation(English), "%") {
			t.Errorf("rule %s incomplete", r.ID)
		}
		seen[r.ID] = true
	}
	r := Result{Findings: []Finding{{Severity: Warn}, {Severity: Block}}}
	if r.Worst() != Block || !r.Blocked() || (Result{}).Worst() != 0 {
		t.Error("Worst/Blocked wrong")
	}
}

// TestTemplateOrderField: a template names the order ID through a field in
// any of the usual syntaxes; only a template without one is reminded.
func TestTemplateOrderField(t *testing.T) {
	c := NewChecker()
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Hallo [Name], zu Ihrer Bestellung ${order_id}: welche Gravur wünschen Sie?", false},
		{"Bonjour {{buyer_name}}, commande {order_id} : quelle couleur ?", false},
		{"Hallo, zu Bestellung [Bestellnummer]: welche Größe?", false},
		{"Hola {{buyer_name}}, ¿qué color prefiere?", true},
		{"Hello [Name], which size would you like? {shop_name}", true},
	} {
		res := c.Check(Message{Text: tc.text, Kind: KindConfirmCustomizationDetails, Template: true}, English)
		got := false
		for _, f := range res.Findings {
			got = got || f.Rule == "ORDER_ID"
		}
		if got != tc.want {
			t.Errorf("ORDER_ID on template %q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}
