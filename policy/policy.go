// Package policy checks a message to an Amazon buyer against Amazon's
// Buyer-Seller Messaging rules.
//
// It is pure: no I/O, no clock, no globals that change. A Checker is built
// once (it compiles the lexicons) and is safe for concurrent use; Check runs
// on every keystroke, so it is kept fast and allocation-light.
//
// # Template syntax
//
// Sellermail templates mark the parts the template renderer fills in with
// double braces:
//
//	{{order_id}}         the Amazon order ID (302-1234567-1234567)
//	{{product}}          the product title
//	{{delivery_window}}  the promised delivery window
//	{{new_date}}         a new delivery date
//	{{store}}            the seller's store name
//	{{fill:what}}        a free field the seller must fill in before sending,
//	                     described by what, e.g. {{fill:Grund der Verzögerung}}
//
// Placeholders lists them with rune offsets. When Message.Template is set, the
// placeholders of other common syntaxes ([Name], ${store}, {product}) are
// accepted too and trigger no rule by themselves; {{order_id}} counts as the
// order ID. In a finished message (Template false) any {{...}} left in the
// text is an UNFILLED_FIELD block.
//
// # Rules
//
// Rules returns the catalogue with titles, explanations and sources in
// English and German; `sellermail lint --rules` prints it. By severity:
//
//	block  TEXT_EMPTY, TEXT_TOO_LONG, TEXT_NOT_ALLOWED, UNFILLED_FIELD,
//	       EXTERNAL_LINK, EMAIL_ADDRESS, PHONE_NUMBER, HTML, EMOJI,
//	       OPT_OUT_LINK, REVIEW_INCENTIVE
//	risk   POSITIVE_REVIEW_REQUEST, REVIEW_GATING, REVIEW_CHANGE_OR_REMOVAL,
//	       MARKETING, OFF_AMAZON_CONTACT, IMPORTANT_TAG_MISUSE, TONE,
//	       SENSITIVE_DATA, FILTER_EVASION, ORDER_OR_SHIPPING_CONFIRMATION,
//	       THANK_YOU_ONLY, OOS_ASK_TO_CANCEL, OOS_SUBSTITUTE, AMAZON_IMPERSONATION
//	warn   REVIEW_PERSUASION, BUYER_LANGUAGE, ORDER_ID, DUPLICATE_MESSAGE,
//	       AMAZON_DETAIL_OR_STORE_LINK, UNKNOWN_PLACEHOLDER, BLANK_LINES
//	style  SHOUTING, EXCESSIVE_PUNCTUATION
//
// A rule's usual severity can drop where the context allows more: a carrier
// tracking link in a delivery message, a manufacturer's hotline, a link in a
// kind whose purpose needs one.
package policy

import "time"

// Kind is what a message is for. Every SP-API messaging type is a Kind, plus
// KindReply for an answer to a buyer's question written in Seller Central.
type Kind string

// The message kinds, named as the SP-API names them.
const (
	KindConfirmCustomizationDetails Kind = "confirmCustomizationDetails"
	KindConfirmDeliveryDetails      Kind = "confirmDeliveryDetails"
	KindConfirmOrderDetails         Kind = "confirmOrderDetails"
	KindConfirmServiceDetails       Kind = "confirmServiceDetails"
	KindDigitalAccessKey            Kind = "digitalAccessKey"
	KindUnexpectedProblem           Kind = "unexpectedProblem"
	KindLegalDisclosure             Kind = "legalDisclosure"
	KindWarranty                    Kind = "warranty"
	KindInvoice                     Kind = "invoice"
	KindReply                       Kind = "reply"
)

// Severity says how bad a finding is. Higher is worse.
type Severity int

// The severities, from advice to "Amazon rejects it".
const (
	// Style is advice: the message would read better.
	Style Severity = iota + 1
	// Warn means likely wrong; the context decides.
	Warn
	// Risk puts the seller's account at risk.
	Risk
	// Block means Amazon rejects or strips the message, or it is review
	// manipulation, where Amazon has zero tolerance; Sellermail refuses to send it.
	Block
)

// UILang is the language explanations and fixes are written in.
type UILang string

// The languages explanations are available in.
const (
	English UILang = "en"
	German  UILang = "de"
)

// Message is everything the checker looks at.
type Message struct {
	Text string
	Kind Kind
	// BuyerLocale is the buyer's language of preference, such as "de-DE"; empty if unknown.
	BuyerLocale string
	// Marketplace is an SP-API marketplace ID (A1PA6795UKMFR9) or a country code (DE); empty if unknown.
	Marketplace string
	// Order holds facts about the order, when known.
	Order *OrderFacts
	// Template marks text that is a template rather than a finished message:
	// unfilled placeholders are expected there and not reported.
	Template bool
}

// OrderFacts are what is known about the order a message belongs to.
type OrderFacts struct {
	OrderID string
	// EarliestDelivery and LatestDelivery bound the promised delivery window; zero if unknown.
	EarliestDelivery, LatestDelivery time.Time
	// Earlier are the messages already sent for this order, oldest first.
	Earlier []SentMessage
}

// SentMessage is a message sent earlier for the same order.
type SentMessage struct {
	Kind Kind
	Text string
	At   time.Time
}

// Finding is one problem in a message.
type Finding struct {
	// Rule is the stable rule ID, such as "EXTERNAL_LINK".
	Rule     string
	Severity Severity
	// Start and End are rune offsets into Message.Text: Text[Start:End] in runes is at fault.
	// A finding about the whole message has Start == End == 0.
	Start, End int
	// Excerpt is the text between Start and End.
	Excerpt string
	// Message explains what is wrong and why, naming the rule's source, in the requested UI language.
	Message string
	// Fix says what to write instead; empty when there is nothing concrete to suggest.
	Fix string
}

// Language is a detected language.
type Language struct {
	// Code is an ISO 639-1 code ("de"), or "" when the text is too short or unclear to tell.
	Code       string
	Confidence float64
}

// Result is the outcome of a check.
type Result struct {
	// Findings are sorted by Start, then by descending severity.
	Findings []Finding
	// Chars is the length of the text in characters (runes), Limit the kind's
	// maximum (0: the kind takes no text, or, for KindReply, has no published limit).
	Chars, Limit int
	Language     Language
}
