package policy

import (
	"fmt"
	"strings"
)

// Rule describes one check, for listings such as `sellermail lint --rules`.
type Rule struct {
	// ID is stable and SCREAMING_SNAKE, e.g. "EXTERNAL_LINK".
	ID string
	// Severity is the highest severity the rule reports.
	Severity Severity
	// Source names where the rule comes from.
	Source string
}

// ruleText is the seller-facing wording of a rule or of one of its variants.
type ruleText struct {
	titleEN, titleDE string
	en, de           string // what is wrong and why
	fixEN, fixDE     string
}

type ruleDef struct {
	Rule
	ruleText
}

// Sources, as named in explanations.
const (
	srcAPI        = "Amazon SP-API Messaging"
	srcComm       = "Amazon Communication Guidelines"
	srcReviews    = "Amazon Community Guidelines (reviews)"
	srcProhibit   = "Amazon Prohibited Seller Activities"
	srcFAQ        = "Amazon Buyer-Seller Messaging FAQ"
	srcSellermail = "Sellermail"
)

var ruleDefs = []ruleDef{
	{Rule{"TEXT_EMPTY", Block, srcAPI}, ruleText{
		"Empty message", "Leere Nachricht",
		"This message type needs text (1 character or more) – Amazon's SP-API Messaging rejects an empty one.",
		"Dieser Nachrichtentyp braucht Text (mindestens 1 Zeichen) – Amazons SP-API Messaging lehnt eine leere Nachricht ab.",
		"Write the message.", "Schreiben Sie die Nachricht."}},
	{Rule{"TEXT_TOO_LONG", Block, srcAPI}, ruleText{
		"Message too long", "Nachricht zu lang",
		"The message has %[1]d characters; this type allows %[2]d (Amazon SP-API Messaging), so Amazon rejects it.",
		"Die Nachricht hat %[1]d Zeichen; dieser Typ erlaubt %[2]d (Amazon SP-API Messaging), Amazon lehnt sie ab.",
		"Shorten it by %[3]d characters.", "Kürzen Sie um %[3]d Zeichen."}},
	{Rule{"TEXT_NOT_ALLOWED", Block, srcAPI}, ruleText{
		"This type takes no text", "Dieser Typ hat keinen Text",
		"Amazon SP-API Messaging sends %[1]s with attachments only; the text would not reach the buyer.",
		"Amazon SP-API Messaging sendet %[1]s nur mit Anhang; der Text käme beim Käufer nicht an.",
		"Remove the text and attach the document.", "Entfernen Sie den Text und hängen Sie das Dokument an."}},
	{Rule{"UNFILLED_FIELD", Block, srcSellermail}, ruleText{
		"Field not filled in", "Feld nicht ausgefüllt",
		"The message still contains a template field; the buyer would see the braces.",
		"Die Nachricht enthält noch ein Vorlagenfeld; der Käufer sähe die geschweiften Klammern.",
		"Fill this in before sending.", "Füllen Sie das vor dem Senden aus."}},
	{Rule{"UNKNOWN_PLACEHOLDER", Warn, srcSellermail}, ruleText{
		"Unknown template field", "Unbekanntes Vorlagenfeld",
		"Sellermail cannot fill this field, so it would stay in the message.",
		"Sellermail kann dieses Feld nicht füllen, es bliebe in der Nachricht stehen.",
		"Use one of %[1]s, or {{fill:description}} for text you write in.",
		"Verwenden Sie %[1]s oder {{fill:Beschreibung}} für Text, den Sie selbst eintragen."}},
	{Rule{"EXTERNAL_LINK", Block, srcComm}, ruleText{
		"Link to a website", "Link auf eine Website",
		"Links are allowed only when needed to complete the order, such as carrier tracking (Amazon Communication Guidelines); Amazon blocks messages with other links.",
		"Links sind nur erlaubt, wenn sie für die Abwicklung nötig sind, etwa zur Sendungsverfolgung (Amazon-Kommunikationsrichtlinien); andere Links führen zur Sperre der Nachricht.",
		"Remove the link; describe where to find the information on Amazon instead.",
		"Entfernen Sie den Link und beschreiben Sie stattdessen, wo die Information auf Amazon zu finden ist."}},
	{Rule{"AMAZON_DETAIL_OR_STORE_LINK", Warn, srcComm}, ruleText{
		"Link to an Amazon page", "Link auf eine Amazon-Seite",
		"Links to product pages or your storefront read as promotion (Amazon Communication Guidelines, as summarised by several tools).",
		"Links auf Produktseiten oder Ihre Storefront wirken wie Werbung (Amazon-Kommunikationsrichtlinien, laut mehreren Tool-Anbietern).",
		"Remove the link unless the buyer asked for it.", "Entfernen Sie den Link, wenn der Käufer nicht danach gefragt hat."}},
	{Rule{"EMAIL_ADDRESS", Block, srcAPI}, ruleText{
		"E-mail address", "E-Mail-Adresse",
		"Messages must not contain e-mail addresses (Amazon SP-API Messaging, Amazon Communication Guidelines); Amazon removes or blocks them.",
		"Nachrichten dürfen keine E-Mail-Adressen enthalten (Amazon SP-API Messaging, Amazon-Kommunikationsrichtlinien); Amazon entfernt oder sperrt sie.",
		"Remove the address; the buyer can answer this message.", "Entfernen Sie die Adresse; der Käufer kann auf diese Nachricht antworten."}},
	{Rule{"PHONE_NUMBER", Block, srcComm}, ruleText{
		"Phone number", "Telefonnummer",
		"Phone numbers are allowed only for warranty providers, carriers or manufacturers (Amazon Communication Guidelines); all contact runs through Buyer-Seller Messaging.",
		"Telefonnummern sind nur für Garantiegeber, Zusteller oder Hersteller erlaubt (Amazon-Kommunikationsrichtlinien); der Kontakt läuft über das Käufer-Verkäufer-Postfach.",
		"Remove the number and invite the buyer to reply here.", "Entfernen Sie die Nummer und bitten Sie den Käufer, hier zu antworten."}},
	{Rule{"HTML", Block, srcAPI}, ruleText{
		"HTML markup", "HTML-Code",
		"Amazon SP-API Messaging takes plain text only; HTML is rejected or shown as code.",
		"Amazon SP-API Messaging nimmt nur reinen Text; HTML wird abgelehnt oder als Code angezeigt.",
		"Write plain text without tags.", "Schreiben Sie reinen Text ohne Tags."}},
	{Rule{"EMOJI", Block, srcComm}, ruleText{
		"Emoji", "Emoji",
		"Emojis are not allowed in buyer messages (Amazon Communication Guidelines, style rules); Amazon's filter blocks them.",
		"Emojis sind in Käufernachrichten nicht erlaubt (Amazon-Kommunikationsrichtlinien, Stilvorgaben); Amazons Filter sperrt sie.",
		"Remove the emoji.", "Entfernen Sie das Emoji."}},
	{Rule{"REVIEW_INCENTIVE", Block, srcReviews}, ruleText{
		"Reward for a review", "Gegenleistung für eine Bewertung",
		"Offering money, vouchers, refunds or free products for a review or feedback is review manipulation; Amazon has zero tolerance and can remove your selling privileges (Amazon Community Guidelines (reviews)).",
		"Geld, Gutscheine, Erstattungen oder Gratisprodukte für eine Bewertung sind Bewertungsmanipulation; Amazon duldet das nicht und kann Ihr Verkäuferkonto sperren (Amazon-Richtlinien für Kundenrezensionen).",
		"Keep any refund or voucher apart from the review, and ask for a review neutrally or not at all.",
		"Trennen Sie Erstattung oder Gutschein von der Bewertung und bitten Sie neutral oder gar nicht um eine Bewertung."}},
	{Rule{"POSITIVE_REVIEW_REQUEST", Risk, srcReviews}, ruleText{
		"Asking for a positive review", "Bitte um positive Bewertung",
		"You may ask for a review, but not for a positive one, stars, or only from satisfied buyers (Amazon Community Guidelines (reviews)).",
		"Sie dürfen um eine Bewertung bitten, aber nicht um eine positive, um Sterne oder nur zufriedene Käufer (Amazon-Richtlinien für Kundenrezensionen).",
		"Ask neutrally: \"We would appreciate your honest review.\"", "Fragen Sie neutral: „Wir freuen uns über Ihre ehrliche Bewertung.“"}},
	{Rule{"REVIEW_GATING", Risk, srcReviews}, ruleText{
		"Steering unhappy buyers away from reviews", "Unzufriedene Käufer von Bewertungen abhalten",
		"Asking unhappy buyers to contact you instead of (or before) reviewing is review gating, which Amazon forbids (Amazon Community Guidelines (reviews)).",
		"Unzufriedene Käufer zu bitten, sich statt (oder vor) einer Bewertung zu melden, ist „Review Gating“ und verboten (Amazon-Richtlinien für Kundenrezensionen).",
		"Keep the review request and the offer of help in separate messages, with no condition.",
		"Trennen Sie Bewertungsbitte und Hilfeangebot, ohne Bedingung."}},
	{Rule{"REVIEW_CHANGE_OR_REMOVAL", Risk, srcReviews}, ruleText{
		"Asking to change or remove a review", "Bitte, eine Bewertung zu ändern oder zu löschen",
		"You may not ask a buyer to change or remove a product review, even after solving the problem (Amazon Community Guidelines (reviews)).",
		"Sie dürfen nicht darum bitten, eine Produktrezension zu ändern oder zu löschen, auch nicht nach gelöstem Problem (Amazon-Richtlinien für Kundenrezensionen).",
		"Solve the problem and leave the review to the buyer.", "Lösen Sie das Problem und überlassen Sie die Rezension dem Käufer."}},
	{Rule{"REVIEW_PERSUASION", Warn, srcComm}, ruleText{
		"Pressing for a review", "Druck bei der Bewertungsbitte",
		"Language that pleads or persuades towards a review is not allowed (Amazon Communication Guidelines, as summarised by third parties).",
		"Formulierungen, die zu einer Bewertung drängen oder überreden, sind nicht erlaubt (Amazon-Kommunikationsrichtlinien, laut Drittanbietern).",
		"Drop the appeal; a plain, neutral request is enough.", "Streichen Sie den Appell; eine schlichte, neutrale Bitte genügt."}},
	{Rule{"MARKETING", Risk, srcComm}, ruleText{
		"Advertising", "Werbung",
		"Marketing, coupons and promotion of other products are forbidden in buyer messages (Amazon Communication Guidelines).",
		"Werbung, Gutscheine und Hinweise auf andere Produkte sind in Käufernachrichten verboten (Amazon-Kommunikationsrichtlinien).",
		"Remove the promotion; write only what the buyer needs for this order.",
		"Entfernen Sie die Werbung; schreiben Sie nur, was der Käufer für diese Bestellung braucht."}},
	{Rule{"OFF_AMAZON_CONTACT", Risk, srcProhibit}, ruleText{
		"Leading the buyer off Amazon", "Käufer von Amazon wegführen",
		"Diverting buyers to your website, social media, phone or other payment is prohibited; all contact stays in Buyer-Seller Messaging (Amazon Prohibited Seller Activities).",
		"Käufer auf Ihre Website, soziale Netzwerke, Telefon oder andere Zahlungswege zu lenken ist verboten; der Kontakt bleibt im Käufer-Verkäufer-Postfach (Amazon: Verbotene Aktivitäten von Verkäufern).",
		"Remove it and ask the buyer to reply to this message.", "Entfernen Sie das und bitten Sie den Käufer, auf diese Nachricht zu antworten."}},
	{Rule{"OPT_OUT_LINK", Block, srcComm}, ruleText{
		"Unsubscribe note", "Abmeldehinweis",
		"Unsubscribe links or notes are not allowed (Amazon Communication Guidelines); buyers opt out in their Amazon account.",
		"Abmeldelinks oder -hinweise sind nicht erlaubt (Amazon-Kommunikationsrichtlinien); Käufer melden sich in ihrem Amazon-Konto ab.",
		"Remove the unsubscribe text.", "Entfernen Sie den Abmeldetext."}},
	{Rule{"ORDER_OR_SHIPPING_CONFIRMATION", Risk, srcComm}, ruleText{
		"Order or shipping confirmation", "Bestell- oder Versandbestätigung",
		"Amazon sends order, shipping and delivery confirmations itself; a proactive message that only confirms is not allowed (Amazon Communication Guidelines).",
		"Amazon verschickt Bestell-, Versand- und Lieferbestätigungen selbst; eine proaktive Nachricht, die nur bestätigt, ist nicht erlaubt (Amazon-Kommunikationsrichtlinien).",
		"Do not send it, unless there is a problem the buyer must know about.", "Senden Sie sie nicht, außer es gibt ein Problem, von dem der Käufer wissen muss."}},
	{Rule{"THANK_YOU_ONLY", Risk, srcComm}, ruleText{
		"Only a thank-you", "Nur ein Dankeschön",
		"Messages that only say thank you or offer help are not allowed as proactive messages (Amazon Communication Guidelines).",
		"Nachrichten, die nur danken oder Hilfe anbieten, sind als proaktive Nachricht nicht erlaubt (Amazon-Kommunikationsrichtlinien).",
		"Do not send it; write only when the order needs it.", "Senden Sie sie nicht; schreiben Sie nur, wenn die Bestellung es erfordert."}},
	{Rule{"OOS_ASK_TO_CANCEL", Risk, srcComm}, ruleText{
		"Asking the buyer to cancel", "Käufer um Stornierung bitten",
		"If you cannot ship, cancel the order yourself and tell the buyer; do not ask the buyer to cancel (Amazon Communication Guidelines).",
		"Wenn Sie nicht liefern können, stornieren Sie selbst und informieren den Käufer; bitten Sie ihn nicht, selbst zu stornieren (Amazon-Kommunikationsrichtlinien).",
		"Write: \"We have cancelled your order and you will not be charged.\"", "Schreiben Sie: „Wir haben Ihre Bestellung storniert, Ihnen wird nichts berechnet.“"}},
	{Rule{"OOS_SUBSTITUTE", Risk, srcComm}, ruleText{
		"Offering a substitute product", "Ersatzprodukt anbieten",
		"Offering another product for an out-of-stock item is not a permitted message; cancel the order instead (Amazon Communication Guidelines).",
		"Für einen nicht lieferbaren Artikel ein anderes Produkt anzubieten ist keine erlaubte Nachricht; stornieren Sie stattdessen (Amazon-Kommunikationsrichtlinien).",
		"Cancel the order and tell the buyer.", "Stornieren Sie die Bestellung und informieren Sie den Käufer."}},
	{Rule{"IMPORTANT_TAG_MISUSE", Risk, srcFAQ}, ruleText{
		"[Important] on a message that is not critical", "[Wichtig] bei einer nicht dringenden Nachricht",
		"The [Important] tag is only for messages needed to complete the order (customization, delivery, address); misuse is a known cause of messaging restrictions (Amazon Buyer-Seller Messaging FAQ).",
		"Die Markierung [Wichtig] ist nur für Nachrichten, die für die Abwicklung nötig sind (Personalisierung, Lieferung, Adresse); Missbrauch führt zu Einschränkungen (Amazon FAQ Käufer-Verkäufer-Postfach).",
		"Remove the tag.", "Entfernen Sie die Markierung."}},
	{Rule{"BUYER_LANGUAGE", Warn, srcAPI}, ruleText{
		"Not in the buyer's language", "Nicht in der Sprache des Käufers",
		"The text reads as %[1]s, but the buyer prefers %[2]s (%[3]s); Amazon wants messages in the buyer's language of preference (Amazon SP-API Messaging, Communication Guidelines).",
		"Der Text ist %[1]s, der Käufer bevorzugt aber %[2]s (%[3]s); Amazon verlangt die bevorzugte Sprache des Käufers (Amazon SP-API Messaging, Kommunikationsrichtlinien).",
		"Write the message in %[2]s.", "Schreiben Sie die Nachricht auf %[2]s."}},
	{Rule{"ORDER_ID", Warn, srcComm}, ruleText{
		"Order ID", "Bestellnummer",
		"Proactive messages should name the Amazon order ID (Amazon Communication Guidelines).",
		"Proaktive Nachrichten sollen die Amazon-Bestellnummer nennen (Amazon-Kommunikationsrichtlinien).",
		"Add the order ID.", "Fügen Sie die Bestellnummer ein."}},
	{Rule{"DUPLICATE_MESSAGE", Warn, srcComm}, ruleText{
		"Same message sent before", "Gleiche Nachricht bereits gesendet",
		"This exact text was already sent for this order (%[1]s); repeated messages count as unwanted contact (Amazon Communication Guidelines).",
		"Genau dieser Text wurde für diese Bestellung schon gesendet (%[1]s); wiederholte Nachrichten gelten als unerwünschter Kontakt (Amazon-Kommunikationsrichtlinien).",
		"Do not send it again, or say what is new.", "Senden Sie sie nicht erneut, oder schreiben Sie, was neu ist."}},
	{Rule{"AMAZON_IMPERSONATION", Risk, srcProhibit}, ruleText{
		"Sounds like Amazon", "Klingt wie Amazon",
		"The message reads as if Amazon wrote it; buyers must see it comes from you, the seller (Amazon Prohibited Seller Activities: misleading buyers).",
		"Die Nachricht klingt, als käme sie von Amazon; der Käufer muss erkennen, dass sie von Ihnen als Verkäufer kommt (Amazon: Verbotene Aktivitäten, Irreführung von Käufern).",
		"Sign with your own store name.", "Unterschreiben Sie mit Ihrem Shopnamen."}},
	{Rule{"TONE", Risk, srcProhibit}, ruleText{
		"Offensive wording", "Beleidigende Wortwahl",
		"Messages must be courteous and appropriate; insults can get the account restricted (Amazon Prohibited Seller Activities, Code of Conduct).",
		"Nachrichten müssen höflich und angemessen sein; Beleidigungen können zur Kontosperre führen (Amazon: Verbotene Aktivitäten, Verhaltenskodex).",
		"Rephrase politely and stick to facts.", "Formulieren Sie höflich und sachlich."}},
	{Rule{"SENSITIVE_DATA", Risk, srcProhibit}, ruleText{
		"Asking for sensitive data or payment off Amazon", "Sensible Daten oder Zahlung außerhalb von Amazon",
		"Asking buyers for bank details, card numbers, PayPal addresses, passwords or ID documents, or for payment outside Amazon, is prohibited; Amazon handles every payment and refund (Amazon Prohibited Seller Activities).",
		"Käufer nach Bankdaten, Kartennummern, PayPal-Adressen, Passwörtern oder Ausweisen zu fragen oder eine Zahlung außerhalb von Amazon zu verlangen ist verboten; Zahlungen und Erstattungen laufen über Amazon (Amazon: Verbotene Aktivitäten von Verkäufern).",
		"Remove the request; refund or charge through the order in Seller Central.",
		"Streichen Sie die Bitte; erstatten oder berechnen Sie über die Bestellung in Seller Central."}},
	{Rule{"FILTER_EVASION", Risk, srcComm}, ruleText{
		"Disguised word", "Verschleiertes Wort",
		"A word is spelled so that Amazon's filter would miss it (digits for letters, inserted symbols or spaces); Amazon treats this as an attempt to hide content, and it is a known cause of messaging restrictions (Amazon Communication Guidelines).",
		"Ein Wort ist so geschrieben, dass Amazons Filter es übersieht (Ziffern statt Buchstaben, eingefügte Zeichen oder Leerzeichen); Amazon wertet das als Verschleierung, ein bekannter Grund für Einschränkungen (Amazon-Kommunikationsrichtlinien).",
		"Write the word normally, or leave out what the filter would stop.",
		"Schreiben Sie das Wort normal, oder lassen Sie weg, was der Filter stoppen würde."}},
	{Rule{"SHOUTING", Style, srcSellermail}, ruleText{
		"Capitals", "Großbuchstaben",
		"Whole words in capitals read as shouting (Sellermail style advice).",
		"Ganze Wörter in Großbuchstaben wirken wie Schreien (Sellermail-Stilhinweis).",
		"Write in normal case.", "Schreiben Sie in normaler Groß- und Kleinschreibung."}},
	{Rule{"EXCESSIVE_PUNCTUATION", Style, srcSellermail}, ruleText{
		"Repeated punctuation", "Gehäufte Satzzeichen",
		"Rows of exclamation or question marks read as pushy (Sellermail style advice).",
		"Gehäufte Ausrufe- oder Fragezeichen wirken aufdringlich (Sellermail-Stilhinweis).",
		"Use a single mark.", "Verwenden Sie ein einzelnes Zeichen."}},
	{Rule{"BLANK_LINES", Warn, srcComm}, ruleText{
		"Too many blank lines", "Zu viele Leerzeilen",
		"%[1]d blank lines in a row; Amazon's style rules allow no more than two line breaks in a row (Amazon Communication Guidelines).",
		"%[1]d Leerzeilen hintereinander; Amazons Stilvorgaben erlauben höchstens zwei Zeilenumbrüche in Folge (Amazon-Kommunikationsrichtlinien).",
		"Keep one blank line between paragraphs.", "Lassen Sie eine Leerzeile zwischen Absätzen."}},
}

// variants are findings of a rule with their own wording.
var variants = map[string]ruleText{
	"UNFILLED_FIELD.free": {en: "The field \"%[1]s\" is still empty; the buyer would see the braces.",
		de:    "Das Feld „%[1]s“ ist noch leer; der Käufer sähe die geschweiften Klammern.",
		fixEN: "Fill this in before sending: %[1]s.", fixDE: "Füllen Sie das vor dem Senden aus: %[1]s."},
	"OFF_AMAZON_CONTACT.payoff": {en: "Payment outside Amazon (bank transfer, PayPal, cash) is prohibited; refunds and payments go through the order (Amazon Prohibited Seller Activities).",
		de:    "Zahlungen außerhalb von Amazon (Überweisung, PayPal, bar) sind verboten; Erstattungen und Zahlungen laufen über die Bestellung (Amazon: Verbotene Aktivitäten von Verkäufern).",
		fixEN: "Remove it; refund through the order in Seller Central.", fixDE: "Entfernen Sie das; erstatten Sie über die Bestellung in Seller Central."},
	"SENSITIVE_DATA.payoff": {en: "Asking the buyer to pay outside Amazon (bank transfer, PayPal, payment apps) is prohibited; buyers pay through their order (Amazon Prohibited Seller Activities).",
		de:    "Den Käufer um eine Zahlung außerhalb von Amazon zu bitten (Überweisung, PayPal, Bezahl-Apps), ist verboten; Käufer zahlen über ihre Bestellung (Amazon: Verbotene Aktivitäten von Verkäufern).",
		fixEN: "Remove it; a missing payment is settled through the order or Amazon's customer service.", fixDE: "Entfernen Sie das; eine fehlende Zahlung wird über die Bestellung oder Amazons Kundenservice geklärt."},
	"OFF_AMAZON_CONTACT.direct": {en: "Asking the buyer to call, write or send something to your own address or number takes the contact off Amazon (Amazon Prohibited Seller Activities).",
		de:    "Den Käufer zu bitten, Sie anzurufen oder Ihnen etwas an Ihre eigene Adresse oder Nummer zu schicken, führt den Kontakt aus Amazon heraus (Amazon: Verbotene Aktivitäten von Verkäufern).",
		fixEN: "Ask the buyer to reply to this message, with attachments if needed.", fixDE: "Bitten Sie den Käufer, auf diese Nachricht zu antworten, bei Bedarf mit Anhang."},
	"EXTERNAL_LINK.short": {en: "Short links hide where they lead; Amazon blocks them (Amazon Communication Guidelines).",
		de:    "Kurzlinks verbergen ihr Ziel; Amazon sperrt sie (Amazon-Kommunikationsrichtlinien).",
		fixEN: "Remove the link.", fixDE: "Entfernen Sie den Link."},
	"EXTERNAL_LINK.obfuscated": {en: "A spelled-out web address is still a link, and hiding it looks like evading Amazon's filter (Amazon Communication Guidelines).",
		de:    "Eine ausgeschriebene Webadresse ist trotzdem ein Link, und das Verschleiern wirkt wie ein Umgehen von Amazons Filter (Amazon-Kommunikationsrichtlinien).",
		fixEN: "Remove the address.", fixDE: "Entfernen Sie die Adresse."},
	"EXTERNAL_LINK.tracking": {en: "Tracking links are allowed where they help deliver the order; this message type is not about delivery (Amazon SP-API Messaging: only links related to the purpose).",
		de:    "Sendungsverfolgungslinks sind erlaubt, wo sie der Lieferung dienen; dieser Nachrichtentyp betrifft nicht die Lieferung (Amazon SP-API Messaging: nur Links zum Zweck).",
		fixEN: "Send the tracking link as a delivery message, or leave it out.", fixDE: "Senden Sie den Link in einer Nachricht zur Lieferung oder lassen Sie ihn weg."},
	"EXTERNAL_LINK.purpose": {en: "This message type allows only links needed for its purpose (Amazon SP-API Messaging), e.g. to redeem a key or book a delivery slot.",
		de:    "Dieser Nachrichtentyp erlaubt nur Links, die für den Zweck nötig sind (Amazon SP-API Messaging), etwa zum Einlösen eines Schlüssels oder Buchen eines Liefertermins.",
		fixEN: "Keep the link only if the buyer needs it for this purpose.", fixDE: "Behalten Sie den Link nur, wenn der Käufer ihn dafür braucht."},
	"EMAIL_ADDRESS.obfuscated": {en: "A disguised e-mail address is still an e-mail address; Amazon forbids them and disguising it looks like evading the filter (Amazon Communication Guidelines).",
		de:    "Eine verschleierte E-Mail-Adresse bleibt eine E-Mail-Adresse; Amazon verbietet sie, und das Verschleiern wirkt wie ein Umgehen des Filters (Amazon-Kommunikationsrichtlinien).",
		fixEN: "Remove the address; the buyer can answer this message.", fixDE: "Entfernen Sie die Adresse; der Käufer kann auf diese Nachricht antworten."},
	"PHONE_NUMBER.allowed": {en: "Phone numbers are allowed only for warranty providers, carriers or manufacturers (Amazon Communication Guidelines); this one seems to be such a number.",
		de:    "Telefonnummern sind nur für Garantiegeber, Zusteller oder Hersteller erlaubt (Amazon-Kommunikationsrichtlinien); diese scheint eine solche zu sein.",
		fixEN: "Keep it only if it is not your own number.", fixDE: "Behalten Sie sie nur, wenn es nicht Ihre eigene Nummer ist."},
	"HTML.entity": {en: "HTML entities such as &nbsp; are shown as code; Amazon SP-API Messaging takes plain text only.",
		de:    "HTML-Entitäten wie &nbsp; erscheinen als Code; Amazon SP-API Messaging nimmt nur reinen Text.",
		fixEN: "Type the character itself.", fixDE: "Tippen Sie das Zeichen selbst."},
	"EMOJI.emoticon": {en: "Emoticons may be treated like emojis, which Amazon does not allow (Amazon Communication Guidelines, style rules).",
		de:    "Emoticons können wie Emojis behandelt werden, die Amazon nicht erlaubt (Amazon-Kommunikationsrichtlinien, Stilvorgaben).",
		fixEN: "Remove the emoticon.", fixDE: "Entfernen Sie das Emoticon."},
	"POSITIVE_REVIEW_REQUEST.happy": {en: "Asking for a review only if the buyer is happy is asking for a positive review (Amazon Community Guidelines (reviews)).",
		de:    "Nur bei Zufriedenheit um eine Bewertung zu bitten heißt, um eine positive Bewertung zu bitten (Amazon-Richtlinien für Kundenrezensionen).",
		fixEN: "Ask every buyer the same way, without a condition.", fixDE: "Bitten Sie jeden Käufer gleich, ohne Bedingung."},
	"REVIEW_GATING.soft": {en: "A \"contact us if there is a problem\" line inside a review request is the classic gating pattern (Amazon Community Guidelines (reviews)).",
		de:    "Ein „melden Sie sich bei Problemen“ in einer Bewertungsbitte ist das typische Muster des Review Gating (Amazon-Richtlinien für Kundenrezensionen).",
		fixEN: "Move the offer of help to a message without a review request.", fixDE: "Bieten Sie Hilfe in einer Nachricht ohne Bewertungsbitte an."},
	"REVIEW_GATING.happy": {en: "Asking for a review only if the buyer is satisfied filters who reviews: that is review gating (Amazon Community Guidelines (reviews)).",
		de:    "Nur zufriedene Käufer um eine Bewertung zu bitten filtert, wer bewertet: das ist Review Gating (Amazon-Richtlinien für Kundenrezensionen).",
		fixEN: "Ask every buyer the same way, without a condition.", fixDE: "Bitten Sie jeden Käufer gleich, ohne Bedingung."},
	"REVIEW_CHANGE_OR_REMOVAL.feedback": {en: "After solving a problem you may mention neutrally that seller feedback can be updated; pressing or rewarding it is a violation (Amazon seller feedback policy).",
		de:    "Nach gelöstem Problem dürfen Sie neutral erwähnen, dass Verkäuferfeedback geändert werden kann; Drängen oder Belohnen ist ein Verstoß (Amazon-Richtlinie zum Verkäuferfeedback).",
		fixEN: "Say it once, neutrally, with no request.", fixDE: "Erwähnen Sie es einmal, neutral, ohne Bitte."},
	"MARKETING.nextorder": {en: "A discount on a next order is advertising (Amazon Communication Guidelines).",
		de:    "Ein Rabatt auf die nächste Bestellung ist Werbung (Amazon-Kommunikationsrichtlinien).",
		fixEN: "Remove the offer.", fixDE: "Entfernen Sie das Angebot."},
	"ORDER_ID.other": {en: "This order ID is not the order's (%[1]s); the buyer may look at the wrong purchase.",
		de:    "Diese Bestellnummer gehört nicht zur Bestellung (%[1]s); der Käufer sieht womöglich den falschen Kauf.",
		fixEN: "Use %[1]s.", fixDE: "Verwenden Sie %[1]s."},
	"ORDER_ID.missing": {en: "Proactive messages should name the Amazon order ID (Amazon Communication Guidelines).",
		de:    "Proaktive Nachrichten sollen die Amazon-Bestellnummer nennen (Amazon-Kommunikationsrichtlinien).",
		fixEN: "Add: order %[1]s.", fixDE: "Ergänzen Sie: Bestellung %[1]s."},
	"ORDER_ID.template": {en: "Proactive messages should name the Amazon order ID (Amazon Communication Guidelines).",
		de:    "Proaktive Nachrichten sollen die Amazon-Bestellnummer nennen (Amazon-Kommunikationsrichtlinien).",
		fixEN: "Add {{order_id}}.", fixDE: "Fügen Sie {{order_id}} ein."},
	"TONE.threat": {en: "Threats of legal steps escalate the conversation and read as pressure (Amazon Code of Conduct asks for courteous messages).",
		de:    "Drohungen mit rechtlichen Schritten verschärfen den Ton und wirken als Druck (Amazon-Verhaltenskodex verlangt höfliche Nachrichten).",
		fixEN: "State the facts and the next step without threats.", fixDE: "Nennen Sie Fakten und den nächsten Schritt ohne Drohung."},
}

func ruleByID(id string) *ruleDef {
	for i := range ruleDefs {
		if ruleDefs[i].ID == id {
			return &ruleDefs[i]
		}
	}
	return nil
}

// findingText returns the explanation and fix for a finding.
func findingText(rule, variant string, lang UILang, args ...any) (string, string) {
	rt := ruleText{}
	if r := ruleByID(rule); r != nil {
		rt = r.ruleText
	}
	if variant != "" {
		if v, ok := variants[rule+"."+variant]; ok {
			rt.en, rt.de, rt.fixEN, rt.fixDE = v.en, v.de, v.fixEN, v.fixDE
		}
	}
	msg, fix := rt.en, rt.fixEN
	if lang == German {
		msg, fix = rt.de, rt.fixDE
	}
	return format(msg, args), format(fix, args)
}

func format(s string, args []any) string {
	if len(args) == 0 || !strings.Contains(s, "%") {
		return s
	}
	s = fmt.Sprintf(s, args...)
	// Unused arguments are fine: each text picks the ones it needs.
	if k := strings.Index(s, "%!(EXTRA"); k >= 0 {
		s = s[:k]
	}
	return s
}

// Rules lists every rule the checker applies, in a stable order.
func Rules() []Rule {
	out := make([]Rule, len(ruleDefs))
	for i, r := range ruleDefs {
		out[i] = r.Rule
	}
	return out
}

// Title is the rule's short name.
func (r Rule) Title(lang UILang) string {
	d := ruleByID(r.ID)
	if d == nil {
		return r.ID
	}
	if lang == German {
		return d.titleDE
	}
	return d.titleEN
}

// Explanation says what the rule checks and why, naming its source, with any
// numbers in it left generic.
func (r Rule) Explanation(lang UILang) string {
	d := ruleByID(r.ID)
	if d == nil {
		return ""
	}
	s := d.en
	if lang == German {
		s = d.de
	}
	return strings.NewReplacer("%[1]d", "N", "%[2]d", "N", "%[1]s", "…", "%[2]s", "…", "%[3]s", "…").Replace(s)
}
