package policy

import (
	"strings"
	"unicode"
)

// checkLength applies the kind's text limits from Amazon's messaging API model.
func (d *doc) checkLength() {
	n := len(d.runes)
	empty := strings.TrimSpace(d.m.Text) == ""
	switch {
	case d.kind.kind == "":
		return
	case !d.kind.takesText:
		if !empty {
			d.add("TEXT_NOT_ALLOWED", Block, 0, 0, "", string(d.kind.kind))
		}
	case empty:
		d.add("TEXT_EMPTY", Block, 0, 0, "")
	case d.kind.limit > 0 && n > d.kind.limit:
		d.add("TEXT_TOO_LONG", Block, d.kind.limit, n, "", n, d.kind.limit, n-d.kind.limit)
	}
}

func (d *doc) checkFormat() {
	d.checkHTML()
	d.checkEmoji()
	d.checkShouting()
	d.checkPunctuation()
	d.checkBlankLines()
}

var htmlTags = map[string]bool{"a": true, "b": true, "i": true, "u": true, "p": true, "br": true, "div": true,
	"span": true, "img": true, "strong": true, "em": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "ul": true, "ol": true, "li": true, "table": true, "tr": true, "td": true, "th": true,
	"font": true, "style": true, "script": true, "html": true, "body": true, "head": true, "center": true,
	"hr": true, "small": true, "big": true, "sup": true, "sub": true, "blockquote": true, "pre": true,
	"code": true, "iframe": true, "link": true, "meta": true, "tbody": true, "thead": true, "s": true}

// checkHTML finds tags (<b>, </p>, <a href=...>) and entities (&nbsp; &#8364;).
// A bare "<" as in "<3" or "a < b" is text.
func (d *doc) checkHTML() {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '<':
			// A tag is text when its "<" lies inside a link; a link inside the tag
			// (href="https://…") does not hide the tag.
			if end := htmlTagEnd(rs, i); end > 0 && !d.masked(i, i+1) {
				d.add("HTML", Block, i, end, "")
				i = end - 1
			}
		case '&':
			if end := htmlEntityEnd(rs, i); end > 0 {
				d.add("HTML", Block, i, end, "entity")
				i = end - 1
			}
		}
	}
}

// htmlTagEnd returns the end of the tag opening at rs[i], or -1: a known
// tag name after "<" or "</", then ">" within 300 runes.
func htmlTagEnd(rs []rune, i int) int {
	j := i + 1
	if j < len(rs) && rs[j] == '/' {
		j++
	}
	k := j
	for k < len(rs) && k-j < 12 && (unicode.IsLetter(rs[k]) || isDigit(rs[k])) {
		k++
	}
	if k == j || !htmlTags[strings.ToLower(string(rs[j:k]))] {
		return -1
	}
	for m := k; m < len(rs) && m < k+300; m++ {
		if rs[m] == '>' {
			return m + 1
		}
		if rs[m] == '<' || (m == k && !(rs[m] == ' ' || rs[m] == '/' || rs[m] == '\n')) {
			return -1
		}
	}
	return -1
}

// htmlEntityEnd returns the end of the entity at rs[i] ("&nbsp;", "&#8364;"), or -1.
func htmlEntityEnd(rs []rune, i int) int {
	j := i + 1
	num := j < len(rs) && rs[j] == '#'
	if num {
		j++
	}
	k := j
	for k < len(rs) && k-j < 8 && ((num && isDigit(rs[k])) || (!num && rs[k] >= 'a' && rs[k] <= 'z')) {
		k++
	}
	if k < len(rs) && rs[k] == ';' && k-j >= 2 {
		return k + 1
	}
	return -1
}

// isEmoji reports pictographs that render as emoji. ©, ®, ™, ‼, arrows, €
// and typographic symbols are ordinary text.
func isEmoji(r rune) bool {
	if r < 0x231A { // below the first emoji: letters, digits, punctuation
		return false
	}
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF:
		return true
	case r >= 0x2600 && r <= 0x26FF, r >= 0x2700 && r <= 0x27BF:
		// Misc Symbols and Dingbats, minus typographic marks such as ✓ ✗ ✱ ❝.
		switch {
		case r == 0x2713, r == 0x2717, r >= 0x2719 && r <= 0x2720, r >= 0x2722 && r <= 0x2727,
			r >= 0x2729 && r <= 0x2743, r >= 0x2745 && r <= 0x2746, r >= 0x2748 && r <= 0x274B,
			r >= 0x2756 && r <= 0x2762, r >= 0x2765 && r <= 0x2794, r >= 0x2798 && r <= 0x27AF, r >= 0x27B1 && r <= 0x27BE:
			return false
		}
		return true
	}
	switch r {
	case 0x231A, 0x231B, 0x2328, 0x23CF, 0x2B50, 0x2B55, 0x2B1B, 0x2B1C, 0x3030, 0x303D, 0x3297, 0x3299:
		return true
	}
	return r >= 0x23E9 && r <= 0x23FA
}

// emojiJoiner continues an emoji sequence: ZWJ, variation selector, skin tones, keycap.
func emojiJoiner(r rune) bool {
	return r == 0x200D || r == 0xFE0F || r == 0x20E3 || (r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F)
}

var emoticons = []string{":-)", ":)", ";-)", ";)", ":-(", ":(", ":-D", ":D", ":-P", ":P", ":p", ";P", "=)", ":-*", "<3", "xD", "XD", ":'("}

// checkEmoji reports emoji (Amazon strips or blocks them) and, less sure,
// ASCII emoticons.
func (d *doc) checkEmoji() {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		if !isEmoji(rs[i]) {
			continue
		}
		j := i + 1
		for j < len(rs) && (isEmoji(rs[j]) || emojiJoiner(rs[j])) {
			j++
		}
		d.add("EMOJI", Block, i, j, "")
		i = j - 1
	}
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c != ':' && c != ';' && c != '=' && c != '<' && c != 'x' && c != 'X' {
			continue
		}
		if i > 0 && !isSpace(rs[i-1]) {
			continue
		}
		for _, e := range emoticons {
			n := len(e)
			if i+n > len(rs) || string(rs[i:i+n]) != e {
				continue
			}
			if i+n < len(rs) && !isSpace(rs[i+n]) && !strings.ContainsRune(".,!?", rs[i+n]) {
				continue
			}
			if !d.masked(i, i+n) {
				d.add("EMOJI", Style, i, i+n, "emoticon")
			}
			i += n - 1
			break
		}
	}
}

var acronyms = map[string]bool{"gmbh": true, "ug": true, "ag": true, "kg": true, "ohg": true, "dhl": true,
	"dpd": true, "ups": true, "gls": true, "usps": true, "fedex": true, "usb": true, "led": true, "hdmi": true,
	"asin": true, "ean": true, "gtin": true, "sku": true, "iban": true, "fba": true, "fbm": true, "eu": true,
	"uk": true, "usa": true, "xxl": true, "xxxl": true, "wlan": true, "wifi": true, "lcd": true, "oled": true,
	"pdf": true, "html": true, "faq": true, "ceo": true, "diy": true, "nato": true, "info": true, "rma": true,
	"sepa": true, "swift": true, "mwst": true, "ust": true, "vat": true, "inkl": true, "zzgl": true,
	"asap": true, "tnt": true, "hermes": true, "amazon": true, "prime": true, "ikea": true, "bosch": true}

// checkShouting flags runs of upper-case words when they are a large part of
// the text, or when four or more follow each other.
func (d *doc) checkShouting() {
	isCaps := func(t *token) bool {
		if !t.has(tokUpper) || t.has(tokDigit) || t.has(tokMasked) || t.end-t.start < 4 {
			return false
		}
		return !acronyms[d.folded[t.fs:t.fe]]
	}
	words, caps := 0, 0
	for k := range d.toks {
		t := &d.toks[k]
		if t.has(tokLetter) && !t.has(tokMasked) {
			words++
			if isCaps(t) {
				caps++
			}
		}
	}
	if caps == 0 {
		return
	}
	heavy := caps >= 3 && caps*10 > words*3
	for k := 0; k < len(d.toks); k++ {
		if !isCaps(&d.toks[k]) {
			continue
		}
		j, n := k, 0
		for j < len(d.toks) && d.toks[j].has(tokUpper) && d.toks[j].has(tokLetter) && !d.toks[j].has(tokMasked) {
			if isCaps(&d.toks[j]) {
				n++
			}
			j++
		}
		if heavy && n >= 1 || n >= 4 {
			d.add("SHOUTING", Style, d.toks[k].start, d.toks[j-1].end, "")
		}
		k = j - 1
	}
}

// checkPunctuation flags "!!", "?!?" and long rows of dots.
func (d *doc) checkPunctuation() {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c != '!' && c != '?' && c != '.' {
			continue
		}
		j := i
		for j < len(rs) && (rs[j] == '!' || rs[j] == '?' || rs[j] == '.') && (c == '.') == (rs[j] == '.') {
			j++
		}
		if (c != '.' && j-i >= 2) || (c == '.' && j-i >= 4) {
			if !d.masked(i, j) {
				d.add("EXCESSIVE_PUNCTUATION", Style, i, j, "")
			}
		}
		i = j - 1
	}
}

// checkBlankLines: Amazon's style rules allow no more than two line breaks
// in a row. Three are advice, four or more a warning.
func (d *doc) checkBlankLines() {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\n' {
			continue
		}
		j, n, last := i, 0, i
		for j < len(rs) && (rs[j] == '\n' || rs[j] == '\r' || rs[j] == ' ' || rs[j] == '\t') {
			if rs[j] == '\n' {
				n++
				last = j
			}
			j++
		}
		switch {
		case n >= 4:
			d.add("BLANK_LINES", Warn, i, last+1, "", n-1)
		case n == 3:
			d.add("BLANK_LINES", Style, i, last+1, "", n-1)
		}
		i = j - 1
	}
}
