package relay

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var wholeOrderRe = regexp.MustCompile(`^\d{3}-\d{7}-\d{7}$`)

// FuzzParse holds what the rest of Sellermail relies on, for any bytes: no
// panic, a kind for every relay mail, a buyer message always has an alias
// to answer, an order ID is whole and is never also "another" order, and
// every text is valid UTF-8.
func FuzzParse(f *testing.F) {
	if raw, err := os.ReadFile("testdata/de_buyer.eml"); err == nil {
		f.Add(raw)
	}
	f.Add(mailOf(buyerHeaders("Jana <abc@marketplace.amazon.de>", "Frage (Bestellung: 302-1234567-7654321)", "f1"), "multipart/mixed",
		plainPart(wrapped("302-1234567-7654321", words, "F1")), part{"image/png", "base64", "attachment; filename=a.png", "iVBORw0KGgo="}))
	f.Add(mailOf([]string{"From: <donotreply@amazon.com>", "X-Space-Notification-Type: BUYER_OPTED_OUT_BSM_MESSAGES"}, "", part{"text/html; charset=UTF-8", "", "", "<p>[302-1234567-7654321]</p>"}))
	f.Add([]byte("From: a@marketplace.amazon.de\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\n\xff\xfe"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := Parse(raw)
		if err != nil {
			return
		}
		switch m.Kind {
		case KindBuyer, KindCopy, KindBounce, KindNotice, KindUnplaced:
		default:
			t.Fatalf("kind %q", m.Kind)
		}
		if m.Kind == KindBuyer {
			if _, ok := parseAlias(m.ReplyTo); !ok {
				t.Fatalf("buyer message without alias: %q", m.ReplyTo)
			}
		}
		if m.OrderID != "" && !wholeOrderRe.MatchString(m.OrderID) {
			t.Fatalf("order ID %q", m.OrderID)
		}
		for _, o := range m.OtherOrders {
			if o == m.OrderID {
				t.Fatalf("order %q is also another order", o)
			}
		}
		for _, s := range []string{m.Text, m.Subject, m.BuyerName, m.ReplyTo} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
		if m.DedupKey == "" {
			t.Fatal("no dedup key")
		}
	})
}

// FuzzExtract: the buyer's words are never made up and never lost: the
// text is made of the input's own lines, and a text with letters and none
// of Amazon's shapes comes back non-empty.
func FuzzExtract(f *testing.F) {
	f.Add(wrapped("302-1234567-7654321", words, "X"), "", false)
	f.Add("------------- Message: ------------- Hallo", "", false)
	f.Add("Hallo\n> alt", "Hallo", true)
	f.Add("Einfach nur Text", "", false)
	f.Fuzz(func(t *testing.T, text, pre string, hasPre bool) {
		if !utf8.ValidString(text) || !utf8.ValidString(pre) {
			return
		}
		b := extract(text, pre, hasPre)
		src := strings.ReplaceAll(text, "\r\n", "\n") + "\n" + pre
		for _, l := range strings.Split(b.text, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.Contains(strings.ReplaceAll(src, "\u00a0", " "), l) {
				t.Fatalf("line %q is not in the input", l)
			}
		}
		plain := !hasPre && !markerRe.MatchString(text) && !footerRes.MatchString(text) && !quoteRes.MatchString(text) && !strings.Contains(text, ">")
		if plain && strings.ContainsFunc(text, isLetter) && strings.TrimSpace(dropOpening(text)) != "" && b.text == "" {
			t.Fatalf("lost the words of %q", text)
		}
	})
}

// FuzzReadHTML: any HTML turns into valid text without markup from
// scripts, styles or hidden elements.
func FuzzReadHTML(f *testing.F) {
	f.Add(`<div style="display:none">secret</div><pre>Hallo</pre><script>x()</script>`)
	f.Add(`<table><tr><td>a<br>b</td></tr></table><a href="mailto:a@marketplace.amazon.de">x</a>`)
	f.Fuzz(func(t *testing.T, src string) {
		d := readHTML(src)
		if utf8.ValidString(src) && (!utf8.ValidString(d.text) || !utf8.ValidString(d.pre)) {
			t.Fatalf("invalid UTF-8 from %q", src)
		}
		if d.pre != "" && !d.hasPre {
			t.Fatal("pre text without a pre element")
		}
	})
}
