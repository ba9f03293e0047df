// Package relay reads the mails Amazon's Buyer-Seller Messaging relay puts in
// a seller's mailbox: it tells buyer messages from copies, bounces and
// notices, decodes them (MIME, transfer encodings, charsets, HTML-only
// bodies), cuts Amazon's wrapper and the quoted history off the buyer's
// words, and finds the order ID and the buyer's alias. It does no I/O.
//
// The facts it is built on are the published samples of real relay mail:
// wrapper markers and footers change over the years and are matched by
// their shape, never by one wording.
package relay

import (
	"errors"
	"strings"
	"time"
)

// Kind is what a mail from Amazon's relay is.
type Kind string

// The kinds of relay mail.
const (
	// KindBuyer is a buyer's message, answered through the alias.
	KindBuyer Kind = "buyer"
	// KindCopy is Amazon's copy of a message the seller sent.
	KindCopy Kind = "copy"
	// KindBounce says a message of the seller's did not reach the buyer
	// (opted out, sender not approved, delivery failure).
	KindBounce Kind = "bounce"
	// KindNotice is one of Amazon's notifications (return, refund, A-to-Z,
	// cancellation, account): it may quote the buyer but is not answered.
	KindNotice Kind = "notice"
	// KindUnplaced is a mail that claims to come from the relay but cannot
	// be placed (failed authentication, no usable sender, unreadable): it
	// is shown as such, never dropped and never put on an order.
	KindUnplaced Kind = "unplaced"
)

// ErrNotRelay is returned for mail that has nothing to do with Amazon's
// relay: the seller's other mail, which Sellermail leaves alone.
var ErrNotRelay = errors.New("relay: not a mail from Amazon's relay")

// Mail is one relay mail, decoded.
type Mail struct {
	Kind Kind
	// NotificationType is Amazon's X-Space-Notification-Type, if present.
	NotificationType string
	MessageID        string
	// References are the Message-IDs of In-Reply-To and References.
	References []string
	Date       time.Time
	Subject    string
	// BuyerName is the sender's display name without " - Amazon Marketplace".
	BuyerName string
	// ReplyTo is the alias a reply goes to, with its +case suffix if any.
	ReplyTo string
	// Buyer is the base alias (before '+'), which identifies the buyer.
	Buyer string
	// Domain is the relay's domain, e.g. marketplace.amazon.co.uk.
	Domain string
	// MarketplaceID is Amazon's X-Marketplace-ID header ("" when missing).
	MarketplaceID string
	// OrderID is the order the mail is about: from the subject, Amazon's
	// order line or the buyer's own words; "" when none (pre-sale).
	OrderID string
	// OtherOrders are further order IDs the mail names (quoted history).
	OtherOrders []string
	// Text is the buyer's words (for a copy, the seller's; for a bounce or
	// notice, the notice's text), without wrapper, footer and quotes.
	Text string
	// DedupKey is the same for every delivery of one message: Amazon's
	// message token when the mail has one, else a hash of sender, subject
	// and text.
	DedupKey string
	// Attachments lists the files the mail carries.
	Attachments []Attachment
	// BounceFor is the Message-ID of the seller's mail a bounce returns, when it says.
	BounceFor string
	// Problems are what could not be read cleanly (unknown charset, bad
	// MIME part); the mail is kept with what could be read.
	Problems []string
}

// Attachment is a file in a relay mail.
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"contentType"`
	Size        int    `json:"size"`
}

// trimSpace trims and collapses runs of blank lines to one.
func trimBlankRuns(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
