package policy

import "strings"

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
		for _, p := range placeholdersIn(d.runes) {
			if p.Name == "order_id" {
				return
			}
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
