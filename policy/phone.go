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
		r := rs[i]
		if !(isDigit(r) || r == '+' || r == '(') {
			continue
		}
		if i > 0 && (unicode.IsLetter(rs[i-1]) || isDigit(rs[i-1]) || rs[i-1] == '-' || rs[i-1] == '.' || rs[i-1] == ',' || rs[i-1] == '/') {
			continue
		}
		j, digits, groups, seps := i, 0, 0, 0
		inGroup := false
		dotSep := false
		for j < len(rs) {
			c := rs[j]
			switch {
			case isDigit(c):
				digits++
				if !inGroup {
					groups++
					inGroup = true
				}
			case c == '+' && j == i:
			case c == '(' || c == ')':
				inGroup = false
			case c == ' ' || c == '-' || c == '/' || c == '.':
				// A run of up to three separators, as signature blocks write
				// them: "+49 (0)30 / 123 45-67".
				k := j + 1
				for k < len(rs) && k-j < 3 && (rs[k] == ' ' || rs[k] == '-' || rs[k] == '/') && c != '.' {
					k++
				}
				if k >= len(rs) || !(isDigit(rs[k]) || rs[k] == '(') {
					goto done
				}
				if c == '.' {
					dotSep = true
				}
				seps++
				inGroup = false
				j = k - 1
			default:
				goto done
			}
			j++
		}
	done:
		end := j
		for end > i && !isDigit(rs[end-1]) && rs[end-1] != ')' {
			end--
		}
		if end <= i {
			continue
		}
		next := i
		i = end
		if d.masked(next, end) || digits < 7 || digits > 15 {
			continue
		}
		if end < len(rs) && (unicode.IsLetter(rs[end]) || rs[end] == '€' || rs[end] == '%' ||
			(rs[end] == ',' && end+1 < len(rs) && isDigit(rs[end+1]))) {
			continue
		}
		if next > 0 && (rs[next-1] == '€' || rs[next-1] == '$' || rs[next-1] == '£' || rs[next-1] == '#') {
			continue
		}
		start := next
		if dotSep && !(rs[start] == '+' || rs[start] == '0') {
			continue // 12.05.2024, 1.299.000
		}
		if !d.phoneShape(rs[start:end], digits, groups) || d.referenceBefore(start) {
			continue
		}
		sev, variant := Block, ""
		if d.phoneContextOK(start) {
			sev, variant = Warn, "allowed"
		}
		d.add("PHONE_NUMBER", sev, start, end, variant)
		d.mask(start, end)
	}
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
