package policy

import (
	"strings"
	"unicode"
)

// checkOrder applies the rules that need order facts: the order ID and
// messages sent before.
func (d *doc) checkOrder() {
	if d.kind.kind == "" || !d.kind.takesText || strings.TrimSpace(d.m.Text) == "" {
		return
	}
	d.checkOrderID()
	d.checkDuplicate()
}

// checkOrderID: Amazon's guidelines want the order ID in proactive messages;
// an ID of another order points the buyer at the wrong purchase.
func (d *doc) checkOrderID() {
	want := ""
	if d.m.Order != nil {
		want = strings.TrimSpace(d.m.Order.OrderID)
	}
	// The order's own ID next to another one: the seller means the other
	// order ("zwei Bestellungen: … und …").
	own := false
	for _, o := range d.orderIDs {
		own = own || d.text(o.start, o.end) == want
	}
	if want != "" && !own {
		for _, o := range d.orderIDs {
			if id := d.text(o.start, o.end); id != want {
				d.add("ORDER_ID", Warn, o.start, o.end, "other", want)
			}
		}
	}
	if !d.m.Kind.Proactive() || len(d.orderIDs) > 0 {
		return
	}
	if d.m.Template {
		if orderFieldIn(d.runes) {
			return
		}
		d.add("ORDER_ID", Warn, 0, 0, "template")
		return
	}
	if want != "" {
		d.add("ORDER_ID", Warn, 0, 0, "missing", want)
	} else {
		d.add("ORDER_ID", Warn, 0, 0, "missingUnknown")
	}
}

// checkDuplicate: the same text sent again for the same order.
func (d *doc) checkDuplicate() {
	if d.m.Order == nil || d.m.Template {
		return
	}
	norm := ""
	for _, e := range d.m.Order.Earlier {
		if norm == "" {
			norm = normalizeSpace(d.m.Text)
		}
		if normalizeSpace(e.Text) == norm {
			at := ""
			if !e.At.IsZero() {
				at = e.At.Format("2006-01-02")
			}
			d.add("DUPLICATE_MESSAGE", Warn, 0, 0, "", at)
			return
		}
	}
}

func normalizeSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// checkBuyerLanguage compares the detected language with the buyer's locale.
// A text too short or unclear to tell is not reported.
func (d *doc) checkBuyerLanguage(l Language) {
	want := strings.ToLower(d.m.BuyerLocale)
	if k := strings.IndexAny(want, "-_"); k >= 0 {
		want = want[:k]
	}
	if want == "" || l.Code == "" || l.Code == want || !d.kind.takesText {
		return
	}
	d.add("BUYER_LANGUAGE", Warn, 0, 0, "", languageName(l.Code, d.lang), languageName(want, d.lang), d.m.BuyerLocale)
}

var languageNames = map[string][2]string{
	"de": {"German", "Deutsch"}, "en": {"English", "Englisch"}, "fr": {"French", "Französisch"},
	"it": {"Italian", "Italienisch"}, "es": {"Spanish", "Spanisch"}, "nl": {"Dutch", "Niederländisch"},
	"pl": {"Polish", "Polnisch"}, "sv": {"Swedish", "Schwedisch"}, "tr": {"Turkish", "Türkisch"},
	"pt": {"Portuguese", "Portugiesisch"}, "ja": {"Japanese", "Japanisch"},
}

func languageName(code string, lang UILang) string {
	n, ok := languageNames[code]
	if !ok {
		return code
	}
	if lang == German {
		return n[1]
	}
	return n[0]
}

// orderFields are the names a template gives its order ID field, folded:
// lower case without spaces, underscores or hyphens.
var orderFields = map[string]bool{
	"orderid": true, "ordernumber": true, "ordernr": true, "amazonorderid": true, "order": true,
	"bestellnummer": true, "bestellnr": true, "bestellid": true, "auftragsnummer": true,
	"numérodecommande": true, "numerodecommande": true, "ncommande": true, "commande": true,
	"numeroordine": true, "numerodordine": true, "ordine": true, "idordine": true,
	"númerodepedido": true, "numerodepedido": true, "pedido": true, "idpedido": true,
}

// orderFieldIn reports a template field for the order ID in any of the
// usual syntaxes: {{order_id}}, ${order_id}, {order_id}, [Bestellnummer].
func orderFieldIn(rs []rune) bool {
	for i, r := range rs {
		if r != '{' && r != '[' {
			continue
		}
		var name []rune
		for j := i + 1; j < len(rs) && j < i+40; j++ {
			c := rs[j]
			if c == '}' || c == ']' {
				if orderFields[string(name)] {
					return true
				}
				break
			}
			if c == '\n' {
				break
			}
			switch c {
			case '{', '$', ' ', '_', '-', '.':
				continue
			}
			name = append(name, unicode.ToLower(c))
		}
	}
	return false
}
