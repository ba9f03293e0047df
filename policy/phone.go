package policy

import (
	"sort"
	"unicode"
)

// referenceWords introduce numbers that are not phone numbers: tracking
// numbers, EANs, invoice and customer numbers.
var referenceWords = map[string]bool{
	"tracking": true, "sendungsnummer": true, "sendungsverfolgungsnummer": true, "trackingnummer": true,
	"paketnummer": true, "ean": true, "gtin": true, "upc": true, "isbn": true, "asin": true, "sku": true,
	"artikelnummer": true, "bestellnummer": true, "rechnungsnummer": true, "kundennummer": true,
	"auftragsnummer": true, "iban": true, "bic": true, "nr": true, "no": true, "number": true, "nummer": true,
	"numéro": true, "numero": true, "número": true, "invoice": true, "rechnung": true, "order": true,
	"suivi": true, "seguimiento": true, "spedizione": true, "colis": true, "ref": true, "referenz": true,
	"serial": true, "seriennummer": true, "model": true, "modell": true, "plz": true, "postcode": true,
	"zip": true, "id": true, "code": true, "part": true, "item": true, "teil": true, "ersatzteil": true,
	"artikel": true, "typ": true, "type": true, "pièce": true, "référence": true, "modèle": true,
	"articolo": true, "codice": true, "pieza": true, "referencia": true, "modelo": true,
	"iva": true, "vat": true, "partita": true, "ust": true, "ustid": true, "steuernummer": true, "siret": true,
	"siren": true, "tva": true, "cif": true, "nif": true, "rea": true, "rcs": true, "hrb": true, "hra": true,
	"registro": true, "handelsregister": true, "eori": true, "weee": true,
	"reference": true, "riferimento": true, "depot": true, "filiale": true, "lot": true, "batch": true, "charge": true,
}

// genericReferenceWords are the reference words that also introduce phone
// numbers: "unter der Nummer 0171 …" after "WhatsApp" or "Telefon" is one.
var genericReferenceWords = map[string]bool{
	"nr": true, "no": true, "number": true, "nummer": true, "numéro": true, "numero": true, "número": true,
}

// phoneWords say that the number nearby is for calling or messaging.
var phoneWords = map[string]bool{
	"telefon": true, "tel": true, "telefonisch": true, "phone": true, "call": true, "whatsapp": true,
	"handy": true, "mobil": true, "mobile": true, "hotline": true, "fax": true, "anrufen": true,
	"téléphone": true, "portable": true, "appelez": true, "telefono": true, "cellulare": true, "chiamare": true,
	"teléfono": true, "móvil": true, "llame": true, "llámenos": true, "ring": true, "sms": true, "text": true,
}

// checkPhones finds phone numbers. Order IDs are masked already; dates,
// prices, postcodes, EANs and tracking numbers are told apart by shape and by
// the word in front of them.
func (d *doc) checkPhones() {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		if !phoneStart(rs, i) {
			continue
		}
		c := scanPhone(rs, i)
		if c.end <= i {
			continue
		}
		i = c.end
		if d.notPhone(c) {
			continue
		}
		sev, variant := Block, ""
		if d.phoneContextOK(c.start) {
			sev, variant = Style, "allowed" // a carrier's or manufacturer's number: advice only
		}
		d.add("PHONE_NUMBER", sev, c.start, c.end, variant)
		d.mask(c.start, c.end)
	}
}

// phoneCandidate is a run of digits, brackets and separators that may be a
// phone number.
type phoneCandidate struct {
	start, end     int
	digits, groups int
	dotSep         bool // a full stop separates groups: a date or an amount unless it starts with + or 0
}

// phoneStart reports whether a number can start at rs[i]: a digit, + or (
// that does not continue a word, a number or an amount.
func phoneStart(rs []rune, i int) bool {
	r := rs[i]
	if !(isDigit(r) || r == '+' || r == '(') {
		return false
	}
	if i == 0 {
		return true
	}
	p := rs[i-1]
	return !(unicode.IsLetter(p) || isDigit(p) || p == '-' || p == '.' || p == ',' || p == '/')
}

// scanPhone reads the candidate starting at rs[i].
func scanPhone(rs []rune, i int) phoneCandidate {
	c := phoneCandidate{start: i}
	j, inGroup := i, false
scan:
	for ; j < len(rs); j++ {
		switch r := rs[j]; {
		case isDigit(r):
			c.digits++
			if !inGroup {
				c.groups++
				inGroup = true
			}
		case r == '+' && j == i:
		case r == '(' || r == ')':
			inGroup = false
		case r == ' ' || r == '-' || r == '/' || r == '.' || r == '–':
			k := separatorRun(rs, j)
			if k >= len(rs) || !(isDigit(rs[k]) || rs[k] == '(') {
				break scan
			}
			c.dotSep = c.dotSep || r == '.'
			inGroup = false
			j = k - 1
		default:
			break scan
		}
	}
	end := j
	for end > i && !isDigit(rs[end-1]) && rs[end-1] != ')' {
		end--
	}
	c.end = end
	return c
}

// separatorRun returns where the separators starting at rs[j] end: up to
// three, as signature blocks write them ("+49 (0)30 / 123 45-67"); a full
// stop stands alone.
func separatorRun(rs []rune, j int) int {
	k := j + 1
	if rs[j] == '.' {
		return k
	}
	for k < len(rs) && k-j < 3 && (rs[k] == ' ' || rs[k] == '-' || rs[k] == '/' || rs[k] == '–') {
		k++
	}
	return k
}

// notPhone rejects a candidate that is masked, too short or long, an
// amount, a date, an unseparated code, or a reference number.
func (d *doc) notPhone(c phoneCandidate) bool {
	rs := d.runes
	switch {
	case d.masked(c.start, c.end) || c.digits < 7 || c.digits > 15:
		return true
	case c.end < len(rs) && (unicode.IsLetter(rs[c.end]) || rs[c.end] == '€' || rs[c.end] == '%' ||
		(rs[c.end] == ',' && c.end+1 < len(rs) && isDigit(rs[c.end+1]))):
		return true // 12345678 €, 1234567,50
	case c.start > 0 && (rs[c.start-1] == '€' || rs[c.start-1] == '$' || rs[c.start-1] == '£' || rs[c.start-1] == '#'):
		return true
	case c.dotSep && !(rs[c.start] == '+' || rs[c.start] == '0'):
		return true // 12.05.2024, 1.299.000
	}
	return !d.phoneShape(rs[c.start:c.end], c.digits, c.groups) || d.referenceBefore(c.start)
}

// phoneShape accepts international (+49 …, 0049 …), national (030 …, (030) …)
// and North American (555-123-4567) numbers and rejects dates and long
// unseparated digit strings such as EANs and tracking numbers.
func (d *doc) phoneShape(rs []rune, digits, groups int) bool {
	first := rs[0]
	if isDate(rs) {
		return false
	}
	if first == '+' {
		return digits >= 8
	}
	if first == '(' {
		return digits >= 9
	}
	if groups == 1 {
		// One unbroken number: a phone number only in the national form 0xxx.
		return first == '0' && len(rs) > 1 && rs[1] != '0' && digits >= 9 && digits <= 12
	}
	if first == '0' {
		if len(rs) > 1 && rs[1] == '0' {
			return digits >= 10
		}
		return digits >= 8
	}
	if groups >= 3 && digits >= 9 {
		return true // 912 345 678
	}
	// 555-123-4567, 1-800-555-0199
	var sizes [8]int
	n, cur := 0, 0
	for _, c := range rs {
		if isDigit(c) {
			cur++
		} else if cur > 0 {
			if n < len(sizes) {
				sizes[n] = cur
			}
			n++
			cur = 0
		}
	}
	if cur > 0 && n < len(sizes) {
		sizes[n] = cur
		n++
	}
	if n == 3 && sizes[0] == 3 && sizes[1] == 3 && sizes[2] == 4 {
		return true
	}
	return n == 4 && sizes[0] == 1 && sizes[1] == 3 && sizes[2] == 3 && sizes[3] == 4
}

// referenceBefore reports a reference word ("Sendungsnummer", "EAN") just before start.
func (d *doc) referenceBefore(start int) bool {
	// Tokens are not built yet when links run, but they are by now. They
	// are sorted, so the ones ending by start are a prefix.
	k := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > start })
	for n := 0; k > 0 && n < 4; n++ {
		k--
		t := &d.toks[k]
		w := d.folded[t.fs:t.fe]
		if phoneWords[w] {
			return false // "Nummer: Telefon 0800 …"
		}
		if referenceWords[w] {
			return !genericReferenceWords[w] || !d.phoneWordBefore(k)
		}
	}
	return false
}

// phoneWordBefore reports a phone word among the few tokens of the same
// sentence before token k.
func (d *doc) phoneWordBefore(k int) bool {
	sent := d.toks[k].sent
	for n := 0; k > 0 && n < 6; n++ {
		k--
		t := &d.toks[k]
		if t.sent != sent {
			return false
		}
		if phoneWords[d.folded[t.fs:t.fe]] {
			return true
		}
	}
	return false
}

// phoneContextOK reports a warranty provider, manufacturer or carrier in the
// same sentence: their numbers may be given.
func (d *doc) phoneContextOK(start int) bool {
	if !d.has[catPhoneOK] {
		return false
	}
	k := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].start >= start })
	if k == len(d.toks) {
		return false
	}
	sent := d.toks[k].sent
	if d.callsUs(sent) {
		return false // "call us on …" gives the seller's own number, whoever else is named
	}
	return d.inSentence(catPhoneOK, sent) || d.inSentence(catPhoneOK, sent-1)
}

// usWords name the seller as the one to call: "call us", "rufen Sie uns an", "appelez-nous".
var usWords = map[string]bool{"us": true, "uns": true, "nous": true, "ci": true, "nos": true,
	"llámenos": true, "llámanos": true, "chiamaci": true, "chiamateci": true}

// callsUs reports an off-Amazon contact phrase in sentence s that asks the
// buyer to call or message the seller.
func (d *doc) callsUs(s int) bool {
	for _, h := range d.hitsOf(catOffAmazon) {
		if d.sentOf(h) != s {
			continue
		}
		for k := h.from; k < h.to; k++ {
			t := &d.toks[k]
			if usWords[d.folded[t.fs:t.fe]] {
				return true
			}
		}
	}
	return false
}

// isDate recognises 03/04/2026, 3.4.26 and 2026-04-03.
func isDate(rs []rune) bool {
	var sizes [3]int
	n, cur := 0, 0
	var sep rune
	for _, c := range rs {
		if isDigit(c) {
			cur++
			continue
		}
		if sep != 0 && c != sep {
			return false
		}
		sep = c
		if n == 2 {
			return false // a fourth group
		}
		sizes[n] = cur
		n++
		cur = 0
	}
	sizes[n] = cur
	if n != 2 || (sep != '/' && sep != '.' && sep != '-') {
		return false
	}
	small := func(n int) bool { return n == 1 || n == 2 }
	return (small(sizes[0]) && small(sizes[1]) && (sizes[2] == 2 || sizes[2] == 4)) ||
		(sizes[0] == 4 && small(sizes[1]) && small(sizes[2]))
}
