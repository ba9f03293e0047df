package relay

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/mail"
)

// Notification types Amazon writes in X-Space-Notification-Type.
const (
	typeBuyerMessage = "BBC_MESSAGE_SENT_TO_MERCHANT"
	typeCopy         = "BBC_MESSAGE_CONFIRMATION_TO_MERCHANT"
	typeOptOut       = "BUYER_OPTED_OUT_BSM_MESSAGES"
)

// Parse reads one mail as the mailbox holds it. It returns ErrNotRelay for
// mail that is neither from the relay nor about it; any other mail comes
// back with a Kind, even when parts of it could not be read (Problems
// says what).
func Parse(raw []byte) (Mail, error) {
	e, err := message.Read(bytes.NewReader(raw))
	if e == nil {
		return Mail{}, ErrNotRelay
	}
	h := mail.Header{Header: e.Header}
	var m Mail
	if err != nil {
		m.Problems = append(m.Problems, err.Error())
	}
	m.NotificationType = strings.ToUpper(strings.TrimSpace(h.Get("X-Space-Notification-Type")))
	m.MarketplaceID = strings.TrimSpace(h.Get("X-Marketplace-ID"))
	m.MessageID, _ = h.MessageID()
	irt, _ := h.MsgIDList("In-Reply-To")
	refs, _ := h.MsgIDList("References")
	m.References = appendUnique(irt, refs...)
	m.Date, _ = h.Date()
	if s, err := h.Subject(); err == nil {
		m.Subject = collapseSpace(strings.TrimSpace(s))
	} else {
		m.Subject = collapseSpace(strings.TrimSpace(h.Get("Subject")))
	}
	from := firstAddress(h, "From")
	var c content
	c.walk(e, 0)
	m.Problems = append(m.Problems, c.problems...)

	m.Kind = classify(h, m.NotificationType, from, &c)
	if m.Kind == "" {
		return Mail{}, ErrNotRelay
	}
	m.sender(h, from, &c)
	m.Attachments = c.attachments
	m.fill(&c)
	if m.Kind == KindBuyer && m.ReplyTo == "" {
		m.Kind = KindUnplaced
		m.Problems = append(m.Problems, "no buyer alias to reply to")
	}
	return m, nil
}

// firstAddress is the first address of a header field, or nil.
func firstAddress(h mail.Header, field string) *mail.Address {
	l, err := h.AddressList(field)
	if err != nil || len(l) == 0 {
		return nil
	}
	return l[0]
}

// authFailRe is a failed DMARC (or, without DMARC, DKIM and SPF both).
var authFailRe = regexp.MustCompile(`(?i)\bdmarc=fail\b`)

// classify decides the kind by Amazon's notification header, the sender
// and, for DSNs, the returned recipient; "" means not a relay mail.
func classify(h mail.Header, notification string, from *mail.Address, c *content) Kind {
	fromAddr := ""
	if from != nil {
		fromAddr = from.Address
	}
	_, buyer := parseAlias(fromAddr)
	if rt := firstAddress(h, "Reply-To"); rt != nil && !buyer {
		_, buyer = parseAlias(rt.Address)
	}
	amazon := amazonSender(fromAddr) || (notification != "" && amazonDomain(domainOf(fromAddr)))
	dsn := c.deliveryStatus != "" && strings.Contains(strings.ToLower(c.deliveryStatus), "marketplace.amazon.")
	_, relayFrom := RelayTLD(domainOf(fromAddr))
	if !buyer && !amazon && !dsn && !relayFrom {
		return ""
	}
	for _, v := range h.Values("Authentication-Results") {
		if authFailRe.MatchString(v) && !dsn {
			return KindUnplaced
		}
	}
	switch notification {
	case typeBuyerMessage:
		return KindBuyer
	case typeCopy:
		return KindCopy
	case typeOptOut:
		return KindBounce
	case "":
	default:
		return KindNotice
	}
	switch {
	case dsn:
		return KindBounce
	case buyer:
		return KindBuyer
	case amazon && copySubject(h.Get("Subject")):
		return KindCopy
	case amazon && bounceSubject(h.Get("Subject")):
		return KindBounce
	case amazon:
		return KindNotice
	}
	return KindUnplaced
}

// copySubjectRe and bounceSubjectRe name what Amazon's notices say about
// themselves where no notification type is set.
var (
	copySubjectRe   = regexp.MustCompile(`(?i)^(your e-?mail to|seu e-?mail para|ihre e-?mail an|votre e-?mail à|la tua e-?mail a|su correo electrónico a)\b`)
	bounceSubjectRe = regexp.MustCompile(`(?i)(not (been )?delivered|non è stato consegnato|nicht zugestellt|n'a pas été (remis|livré)|no se ha entregado|não foi entregue|undeliverable|unzustellbar)`)
)

func copySubject(s string) bool   { return copySubjectRe.MatchString(decodeWord(s)) }
func bounceSubject(s string) bool { return bounceSubjectRe.MatchString(decodeWord(s)) }

func domainOf(addr string) string {
	_, d, _ := splitAddr(addr)
	return d
}

// sender fills the alias and buyer name: Reply-To when it is an alias,
// else From; for a DSN, the final recipient.
func (m *Mail) sender(h mail.Header, from *mail.Address, c *content) {
	var cands []*mail.Address
	if rt := firstAddress(h, "Reply-To"); rt != nil {
		cands = append(cands, rt)
	}
	if from != nil {
		cands = append(cands, from)
		m.BuyerName = stripMarketplaceSuffix(from.Name)
	}
	for _, a := range cands {
		if al, ok := parseAlias(a.Address); ok {
			m.ReplyTo, m.Buyer, m.Domain = al.replyTo, al.buyer, al.domain
			if m.BuyerName == "" || amazonSender(from.Address) {
				m.BuyerName = stripMarketplaceSuffix(a.Name)
			}
			break
		}
	}
	if m.Kind != KindBuyer {
		m.BuyerName = ""
		if from != nil && m.ReplyTo == "" {
			m.Domain = domainOf(from.Address)
		}
	}
	if c.deliveryStatus != "" {
		if r := finalRecipientRe.FindStringSubmatch(c.deliveryStatus); r != nil {
			if al, ok := parseAlias(r[1]); ok {
				m.ReplyTo, m.Buyer, m.Domain = al.replyTo, al.buyer, al.domain
			}
		}
		if c.returnedHeaders.Len() > 0 {
			rh := mail.Header{Header: c.returnedHeaders}
			m.BounceFor, _ = rh.MessageID()
		}
	}
}

var finalRecipientRe = regexp.MustCompile(`(?im)^(?:final|original)-recipient:\s*rfc822;\s*<?([^\s>]+)>?`)

// aliasInTextRe finds an alias in a notice's text or links (the opt-out
// bounce links to a mail to the buyer).
var aliasInTextRe = regexp.MustCompile(`[A-Za-z0-9+]+@marketplace\.amazon\.[a-z.]+[a-z]`)

// fill finds the text, the order IDs and the dedup key.
func (m *Mail) fill(c *content) {
	doc := readHTML(c.html)
	plain := c.plain
	if strings.TrimSpace(plain) == "" {
		plain = doc.text
	}
	b := extract(plain, doc.pre, doc.hasPre && c.plain == "")
	if b.text == "" && doc.hasPre && c.plain != "" {
		// The plain part had no words of the buyer's; the HTML may.
		b = extract(doc.text, doc.pre, true)
	}
	m.Text = b.text
	if m.Kind == KindBounce || m.Kind == KindNotice {
		m.Text = trimBlankRuns(cutFooter(plain))
		if m.ReplyTo == "" {
			for _, t := range append([]string{plain}, doc.hrefs...) {
				if a := aliasInTextRe.FindString(t); a != "" {
					if al, ok := parseAlias(a); ok {
						m.ReplyTo, m.Buyer, m.Domain = al.replyTo, al.buyer, al.domain
						break
					}
				}
			}
		}
	}
	m.orders(b)
	tok := messageToken(append([]string{c.plain, c.html}, doc.hrefs...)...)
	if tok != "" {
		m.DedupKey = "amazon:" + tok
	} else {
		sum := sha256.Sum256([]byte(string(m.Kind) + "\x00" + m.Buyer + "\x00" + m.OrderID + "\x00" + m.Text + "\x00" + attachmentNames(m.Attachments)))
		m.DedupKey = "sha256:" + hex.EncodeToString(sum[:16])
	}
}

// orders puts the order IDs in their place: the subject's, Amazon's order
// line, the buyer's own words, in that order, make the order; what only
// the quoted history or the footer names is another order, never this one.
func (m *Mail) orders(b body) {
	var primary []string
	primary = append(primary, orderIDs(m.Subject)...)
	primary = appendUnique(primary, orderIDs(b.wrapper)...)
	primary = appendUnique(primary, orderIDs(b.text)...)
	if m.Kind == KindBounce || m.Kind == KindNotice {
		primary = appendUnique(primary, orderIDs(m.Text)...)
	}
	all := appendUnique(primary, orderIDs(b.quoted)...)
	all = appendUnique(all, orderIDs(b.footer)...)
	if len(primary) > 0 {
		m.OrderID = primary[0]
	}
	for _, id := range all {
		if id != m.OrderID {
			m.OtherOrders = append(m.OtherOrders, id)
		}
	}
}

func appendUnique(list []string, more ...string) []string {
	for _, s := range more {
		if s != "" && !contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

func attachmentNames(as []Attachment) string {
	var b strings.Builder
	for _, a := range as {
		b.WriteString(a.Name)
		b.WriteByte(0)
	}
	return b.String()
}

// Candidate says from a mail's header alone whether it may be a relay
// mail, so the seller's other mail is never fetched whole. It errs on the
// side of yes; Parse decides.
func Candidate(header []byte) bool {
	e, _ := message.Read(bytes.NewReader(append(append([]byte(nil), header...), "\r\n\r\n"...)))
	if e == nil {
		return false
	}
	h := mail.Header{Header: e.Header}
	if h.Get("X-Space-Notification-Type") != "" {
		return true
	}
	if t, _, _ := h.ContentType(); t == "multipart/report" {
		return true
	}
	for _, f := range []string{"From", "Reply-To", "Sender"} {
		l, _ := h.AddressList(f)
		for _, a := range l {
			d := domainOf(a.Address)
			if _, ok := RelayTLD(d); ok || amazonSender(a.Address) {
				return true
			}
		}
	}
	return false
}
