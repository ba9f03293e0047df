package relay

import (
	"fmt"
	"strings"
)

// part is one MIME part of a test mail.
type part struct {
	ctype, cte, disp, body string
}

// mailOf builds a raw mail with CRLF line ends: headers, then one part as
// the body, or a multipart of kind with the parts.
func mailOf(headers []string, kind string, parts ...part) []byte {
	var b strings.Builder
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("MIME-Version: 1.0\r\n")
	if kind == "" {
		p := parts[0]
		writePartHeader(&b, p)
		b.WriteString("\r\n" + crlf(p.body))
		return []byte(b.String())
	}
	const boundary = "----=_Part_77_1234.1764666900000"
	fmt.Fprintf(&b, "Content-Type: %s; boundary=\"%s\"\r\n\r\n", kind, boundary)
	for _, p := range parts {
		b.WriteString("--" + boundary + "\r\n")
		writePartHeader(&b, p)
		b.WriteString("\r\n" + crlf(p.body) + "\r\n")
	}
	b.WriteString("--" + boundary + "--\r\n")
	return []byte(b.String())
}

func writePartHeader(b *strings.Builder, p part) {
	b.WriteString("Content-Type: " + p.ctype + "\r\n")
	if p.cte != "" {
		b.WriteString("Content-Transfer-Encoding: " + p.cte + "\r\n")
	}
	if p.disp != "" {
		b.WriteString("Content-Disposition: " + p.disp + "\r\n")
	}
}

func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// buyerHeaders are a current buyer mail's headers with from, subject and
// Message-ID filled in.
func buyerHeaders(from, subject, id string) []string {
	return []string{
		"From: " + from,
		"To: shop@example.de",
		"Subject: " + subject,
		"Date: Wed, 02 Dec 2026 09:15:00 +0000",
		"Message-ID: <" + id + "@eu-west-1.amazonses.com>",
		"X-Marketplace-ID: A1PA6795UKMFR9",
		"X-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT",
	}
}

// wrapped puts words into the current template (EN markers), with the
// order block and a footer carrying token.
func wrapped(order, words, token string) string {
	var b strings.Builder
	b.WriteString("You have received a message.\n\n")
	if order != "" {
		b.WriteString("# " + order + ":\n1 / Wanderrucksack 30 L [ASIN: B0TEST1234]\n\n")
	}
	b.WriteString("------------- Message: -------------\n\n" + words + "\n\n------------- End message -------------\n\n")
	b.WriteString("Was this email helpful?\nhttps://sellercentral.amazon.de/gp/satisfaction/survey-form.html?ie=UTF8\n\n")
	b.WriteString("Resolve case\nhttps://sellercentral.amazon.de/messaging/no-response-needed?t=A1B2C3&m=" + token + "&mp=A1PA6795UKMFR9&c=C1&h=ab12&s=1\n\n")
	b.WriteString("--------------------------\nCopyright 2026 Amazon, Inc. or its affiliates.\nSPC-EUAmazon-1234567890123456\n")
	return b.String()
}
