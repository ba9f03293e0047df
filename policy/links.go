package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tlds are the top-level domains a scheme-less domain must end in. File
// extensions (pdf, jpg), abbreviations (z.B.) and decimals never match.
var tlds = map[string]bool{
	"com": true, "de": true, "fr": true, "it": true, "es": true, "eu": true, "net": true, "org": true,
	"info": true, "biz": true, "shop": true, "store": true, "online": true, "site": true, "io": true,
	"co": true, "uk": true, "at": true, "ch": true, "nl": true, "be": true, "pl": true, "se": true,
	"dk": true, "fi": true, "pt": true, "ie": true, "us": true, "ca": true, "app": true, "me": true,
	"tv": true, "ly": true, "gl": true, "gd": true, "cc": true, "xyz": true, "top": true, "club": true,
	"jp": true, "au": true, "mx": true, "br": true, "in": true, "link": true, "page": true, "to": true,
}

// obfuscationTLDs are the TLDs accepted after a spelled-out "dot" without
// "www": "punto es" or "point de" are ordinary Spanish and French.
var obfuscationTLDs = map[string]bool{
	"com": true, "net": true, "org": true, "shop": true, "store": true, "io": true, "info": true,
	"biz": true, "eu": true, "online": true,
}

var shortLinkHosts = []string{"bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly",
	"rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id"}

// amazonShortHosts are Amazon's own short links: they lead to a product or store page.
var amazonShortHosts = []string{"amzn.to", "amzn.eu", "a.co", "amzn.com"}

// trackingHosts are carrier domains; their tracking links help the buyer
// receive the order and are allowed where the kind is about delivery.
// redeemHosts are publishers' pages where a digital key is redeemed.
var redeemHosts = []string{"microsoft.com", "office.com", "xbox.com", "nintendo.com", "playstation.com",
	"sony.com", "steampowered.com", "ea.com", "ubisoft.com", "epicgames.com", "gog.com", "blizzard.com",
	"battle.net", "adobe.com", "kaspersky.com", "kaspersky.de", "norton.com", "mcafee.com", "avast.com",
	"avg.com", "bitdefender.com", "bitdefender.de", "eset.com", "gdata.de", "apple.com", "google.com",
	"spotify.com", "netflix.com", "audible.de", "audible.com", "dazn.com", "disneyplus.com", "rockstargames.com"}

var trackingHosts = []string{"dhl.de", "dhl.com", "dhl.it", "dhl.fr", "dhl.es", "dpd.de", "dpd.com", "dpd.fr",
	"dpd.co.uk", "myhermes.de", "hermesworld.com", "hermes-europe.co.uk", "evri.com", "gls-group.eu",
	"gls-group.com", "gls-pakete.de", "gls-italy.com", "gls-spain.es", "ups.com", "fedex.com", "usps.com",
	"royalmail.com", "parcelforce.com", "poste.it", "correos.es", "laposte.fr", "colissimo.fr",
	"chronopost.fr", "brt.it", "sda.it", "seur.com", "mrw.es", "postnl.nl", "tnt.com", "inpost.pl",
	"postnord.se", "bpost.be", "post.at", "post.ch", "deutschepost.de", "mondialrelay.fr", "nacex.es",
	"estes-express.com", "xpo.com", "rlcarriers.com", "odfl.com", "saia.com", "abf.com", "dachser.com", "dbschenker.com", "geodis.com"}

// findOrderIDs masks Amazon order IDs (302-1234567-1234567) so that no phone
// or link rule sees them.
func (d *doc) findOrderIDs() {
	rs := d.runes
	for i := 0; i+19 <= len(rs); i++ {
		if !isDigit(rs[i]) {
			continue // the cheap test first: most runes are not digits
		}
		if i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '-') {
			continue
		}
		if isOrderID(rs[i : i+19]) {
			if i+19 < len(rs) && (isDigit(rs[i+19]) || rs[i+19] == '-') {
				continue
			}
			d.orderIDs = append(d.orderIDs, span{i, i + 19})
			d.mask(i, i+19)
			i += 18
		}
	}
}

func isOrderID(rs []rune) bool {
	for k, r := range rs {
		if k == 3 || k == 11 {
			if r != '-' {
				return false
			}
		} else if !isDigit(r) {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// addrChunk is a run of non-space runes, with surrounding punctuation
// trimmed, that may hold an address; lower is its text in lower case.
type addrChunk struct {
	start, end int
	lower      string
}

// findAddrChunks lists the chunks of four or more runes with a character
// that addresses have (. @ / and closing brackets). The e-mail and the link
// rules both walk this list, so the text is split only once.
func (d *doc) findAddrChunks() {
	rs := d.runes
	d.addrChunks = d.addrChunks[:0]
	for i := 0; i < len(rs); {
		if isSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && !isSpace(rs[j]) {
			j++
		}
		s, e := i, j
		for s < e && opensChunk(rs[s]) {
			s++
		}
		for e > s && closesChunk(rs[e-1]) {
			e--
		}
		i = j
		if e-s >= 4 && maybeAddress(rs[s:e]) {
			d.addrChunks = append(d.addrChunks, addrChunk{s, e, strings.ToLower(d.text(s, e))})
		}
	}
}

// opensChunk reports punctuation trimmed from the start of a chunk.
func opensChunk(r rune) bool {
	switch r {
	case '(', '<', '[', '"', '\'', '«', '„', '“', '‚':
		return true
	}
	return false
}

// closesChunk reports punctuation trimmed from the end of a chunk.
func closesChunk(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', '>', ']', '"', '\'', '»', '“', '”', '‘':
		return true
	}
	return false
}

// chunks calls fn for every address chunk that is not masked yet.
func (d *doc) chunks(fn func(c addrChunk, s string)) {
	for _, c := range d.addrChunks {
		// A placeholder inside a link ("shop.de/?id={{order_id}}") does not
		// hide the link; a chunk that starts masked is taken already.
		if !d.masked(c.start, c.start+1) {
			fn(c, c.lower)
		}
	}
}

// obfuscations are the spelled-out "@" and "." that deobfuscate undoes.
var obfuscations = []struct{ from, to string }{
	{"(at)", "@"}, {"[at]", "@"}, {"{at}", "@"}, {"(ät)", "@"}, {"[ät]", "@"},
	{"(dot)", "."}, {"[dot]", "."}, {"{dot}", "."}, {"(.)", "."}, {"[.]", "."},
	{"(punkt)", "."}, {"[punkt]", "."},
}

// deobfuscate rewrites "(at)", "[dot]", "[.]" and the like inside one chunk,
// left to right as strings.Replacer would, and allocates only when it does.
func deobfuscate(s string) (string, bool) {
	if !strings.ContainsAny(s, "([{") {
		return s, false
	}
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '(' && c != '[' && c != '{' {
			continue
		}
		for _, o := range obfuscations {
			if strings.HasPrefix(s[i:], o.from) {
				b.WriteString(s[done:i])
				b.WriteString(o.to)
				done = i + len(o.from)
				i = done - 1
				break
			}
		}
	}
	if done == 0 {
		return s, false
	}
	b.WriteString(s[done:])
	return b.String(), true
}

// checkEmails finds e-mail addresses, including "name(at)shop.de".
func (d *doc) checkEmails() {
	d.findAddrChunks()
	d.chunks(func(c addrChunk, s string) {
		s, obf := deobfuscate(s)
		at := strings.IndexByte(s, '@')
		if at <= 0 || at == len(s)-1 {
			return
		}
		if host := s[at+1:]; domainOf(host) == "" {
			return
		}
		d.mask(c.start, c.end)
		if obf {
			d.add("EMAIL_ADDRESS", Block, c.start, c.end, "obfuscated")
			d.add("FILTER_EVASION", Risk, c.start, c.end, "")
		} else {
			d.add("EMAIL_ADDRESS", Block, c.start, c.end, "")
		}
	})
}

// domainOf returns the host when s starts with a domain name with a known
// TLD ("shop.de/path" -> "shop.de"), or "".
func domainOf(s string) string {
	host := s
	if k := strings.IndexAny(host, "/?#:"); k >= 0 {
		host = host[:k]
	}
	last := strings.LastIndexByte(host, '.')
	if last <= 0 || !tlds[host[last+1:]] {
		return ""
	}
	prev := strings.LastIndexByte(host[:last], '.')
	if last-prev-1 < 2 {
		return "" // "z.b.de"-like one-letter label before the TLD
	}
	hasLetter, labelLen := false, 0
	for _, r := range host {
		switch {
		case r == '.':
			if labelLen == 0 {
				return ""
			}
			labelLen = 0
			continue
		case unicode.IsLetter(r):
			hasLetter = true
		case isDigit(r) || r == '-' || r == '_':
		default:
			return ""
		}
		labelLen++
	}
	if !hasLetter || labelLen == 0 {
		return ""
	}
	return host
}

func hostIs(host string, list []string) bool {
	host = strings.TrimPrefix(host, "www.")
	for _, h := range list {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// checkLinks finds URLs and bare domains.
func (d *doc) checkLinks() {
	d.chunks(func(c addrChunk, s string) {
		s, obf := deobfuscate(s)
		if strings.IndexByte(s, '@') >= 0 {
			return
		}
		start, end := c.start, c.end
		if k := strings.Index(s, "://"); k > 0 && !obf && !strings.HasPrefix(s, "http") {
			// A URL inside markup, as in href="https://…">: the link runs from
			// its scheme to the closing quote.
			if b := strings.LastIndex(s[:k], "http"); b > 0 && (k-b == 4 || (k-b == 5 && s[b+4] == 's')) {
				start += utf8.RuneCountInString(s[:b])
				s = s[b:]
				if q := strings.IndexAny(s, "\"'<>"); q > 0 {
					end = start + utf8.RuneCountInString(s[:q])
					s = s[:q]
				}
			}
		}
		rest := s
		scheme := false
		for _, p := range []string{"https://", "http://"} {
			if r, ok := strings.CutPrefix(rest, p); ok {
				rest, scheme = r, true
			}
		}
		host := domainOf(rest)
		if host == "" {
			if !scheme && !strings.HasPrefix(rest, "www.") {
				return
			}
			host = rest
		}
		path := strings.TrimPrefix(rest, host)
		if bare := strings.TrimPrefix(host, "www."); strings.HasPrefix(bare, "amazon.") && strings.Trim(path, "/") == "" {
			return // "Amazon.de" is the marketplace's name: its words stay readable ("Servizio Clienti Amazon.it")
		}
		d.mask(start, end)
		d.classifyLink(start, end, host, path, obf)
	})
}

func (d *doc) classifyLink(s, e int, host, path string, obf bool) {
	bare := strings.TrimPrefix(host, "www.")
	switch {
	case obf:
		d.add("EXTERNAL_LINK", Block, s, e, "obfuscated")
		d.add("FILTER_EVASION", Risk, s, e, "")
	case hostIs(host, shortLinkHosts):
		d.add("EXTERNAL_LINK", Block, s, e, "short")
	case hostIs(host, amazonShortHosts):
		d.add("AMAZON_DETAIL_OR_STORE_LINK", Warn, s, e, "")
	case strings.HasPrefix(bare, "amazon.") || strings.Contains(bare, ".amazon."):
		if strings.Trim(path, "/") == "" {
			return // "Amazon.de" is the marketplace's name, not a link
		}
		d.add("AMAZON_DETAIL_OR_STORE_LINK", Warn, s, e, "")
	case hostIs(host, trackingHosts):
		if !d.kind.delivery {
			d.add("EXTERNAL_LINK", Warn, s, e, "tracking")
		}
	case d.m.Kind == KindDigitalAccessKey && (hostIs(host, redeemHosts) || redeemLink(host, path)):
		// The publisher's own page to redeem the key is the message's purpose.
	case d.kind.purposeLinks:
		d.add("EXTERNAL_LINK", Warn, s, e, "purpose")
	default:
		d.add("EXTERNAL_LINK", Block, s, e, "")
	}
}

var dotWords = map[string]bool{"dot": true, "punkt": true, "point": true, "punto": true}

// atWords spell out "@" in French, Italian, Spanish and German; unlike
// English "at" they mean nothing else, so "info arroba tienda punto es" is
// an address even with a TLD that "punto" alone would not be trusted with.
var atWords = map[string]bool{"ät": true, "arobase": true, "chiocciola": true, "arroba": true, "klammeraffe": true}

var notDomainLabel = map[string]bool{"the": true, "a": true, "le": true, "la": true, "el": true, "il": true,
	"lo": true, "der": true, "die": true, "das": true, "ein": true, "un": true, "this": true, "that": true,
	"one": true, "next": true, "main": true, "de": true, "du": true, "un'": true, "uno": true, "una": true}

// checkObfuscations finds spelled-out addresses on tokens: "www dot shop
// dot com", "shop punkt de", "info (at) shop dot de".
func (d *doc) checkObfuscations() {
	ts := d.toks
	for i := 2; i < len(ts); i++ {
		start, ok := d.spelledDomain(i)
		if !ok {
			continue
		}
		s, e := ts[start].start, ts[i].end
		if at, ok := d.spelledAt(start); ok && d.word(start) != "www" {
			// "info (at) shop dot de" and "orders at shop dot com" are e-mail
			// addresses; "is at www dot shop dot com" is a link.
			s = ts[d.labelStart(at-1)].start
			d.add("EMAIL_ADDRESS", Block, s, e, "obfuscated")
		} else {
			d.add("EXTERNAL_LINK", Block, s, e, "obfuscated")
		}
		// Spelling an address out is what disguises it from Amazon's filter.
		d.add("FILTER_EVASION", Risk, s, e, "")
		d.mask(s, e)
		// The tokens inside [s, e) are those from the one starting at s to i.
		for k := i; k >= 0 && ts[k].start >= s; k-- {
			ts[k].flags |= tokMasked
		}
	}
	d.bracketedAtAddresses()
	d.spelledNumbers()
}

func (d *doc) word(i int) string { return d.folded[d.toks[i].fs:d.toks[i].fe] }

// spelledDomain reports a spelled-out domain ending with the TLD at token i
// ("shop dot com"), and the token where it starts.
func (d *doc) spelledDomain(i int) (int, bool) {
	ts := d.toks
	if ts[i].has(tokMasked) || !ts[i].has(tokLetter) || !tlds[d.word(i)] || !dotWords[d.word(i-1)] {
		return 0, false
	}
	label := i - 2
	if ts[label].has(tokMasked) || ts[label].sent != ts[i].sent {
		return 0, false
	}
	// Walk back over hyphenated labels and further "label dot" pairs.
	start := d.labelStart(label)
	for start >= 2 && dotWords[d.word(start-1)] && !ts[start-2].has(tokMasked) {
		start = d.labelStart(start - 2)
	}
	bracketed := ts[i-1].has(tokBracket)
	_, spelledAt := d.spelledAt(start)
	spelledAt = spelledAt && atWords[d.word(start-1)]
	if !bracketed && d.word(start) != "www" && !spelledAt && start == label {
		// One label and a dot word: only a TLD that is no ordinary word after "dot".
		// "punkt", "punto", "point" are no English words: after them any TLD is one.
		// "punto de", "punto es" and "point de" are phrases of their languages.
		foreignDot := d.word(i-1) == "punkt" || (d.word(i-1) == "punto" && d.word(i) != "de" && d.word(i) != "es") ||
			(d.word(i-1) == "point" && d.word(i) != "de")
		if notDomainLabel[d.word(label)] || !(obfuscationTLDs[d.word(i)] || foreignDot ||
			(d.word(i) == "de" && d.word(i-1) == "dot")) {
			return 0, false
		}
	}
	return start, true
}

// spelledAt reports an "at" word ("at", "(at)", "arroba") before token
// start with a name before it in the same sentence, and returns its token.
func (d *doc) spelledAt(start int) (int, bool) {
	ts := d.toks
	if start < 2 || !(d.word(start-1) == "at" || atWords[d.word(start-1)]) {
		return 0, false
	}
	if d.word(start-1) == "at" && linkVerbs[d.word(start-2)] {
		return 0, false // "look at shop dot com", "find us at …": a place, not a mailbox
	}
	if !ts[start-2].has(tokLetter) || ts[start-2].sent != ts[start].sent {
		return 0, false
	}
	return start - 1, true
}

// bracketedAtAddresses turns "name (at) shop.de", whose domain was found as
// a link already, into one e-mail address.
func (d *doc) bracketedAtAddresses() {
	ts := d.toks
	for i := 1; i+1 < len(ts); i++ {
		w := d.word(i)
		if !(w == "at" && ts[i].has(tokBracket) || atWords[w]) || ts[i-1].has(tokMasked) || !ts[i-1].has(tokLetter) {
			continue
		}
		if !ts[i+1].has(tokMasked) {
			continue
		}
		for k := range d.findings {
			f := &d.findings[k]
			if f.Rule == "EXTERNAL_LINK" && f.Start == ts[i+1].start {
				s, e := ts[i-1].start, d.linkEnd(ts[i+1].start)
				msg, fix := findingText("EMAIL_ADDRESS", "obfuscated", d.lang)
				*f = Finding{Rule: "EMAIL_ADDRESS", Severity: Block, Start: s, End: e,
					Excerpt: d.text(s, e), Message: msg, Fix: fix}
				d.mask(s, e)
				ts[i-1].flags |= tokMasked
				ts[i].flags |= tokMasked
				break
			}
		}
	}
}

func (d *doc) linkEnd(start int) int {
	for _, m := range d.masks {
		if m.start == start {
			return m.end
		}
	}
	return start
}

// labelStart extends a domain label back over hyphens: "bastelbedarf-koch".
func (d *doc) labelStart(k int) int {
	for k > 0 {
		prev, cur := &d.toks[k-1], &d.toks[k]
		if prev.end+1 != cur.start || d.runes[prev.end] != '-' || !prev.has(tokLetter|tokDigit) {
			break
		}
		k--
	}
	return k
}

// maybeAddress is a cheap test that lets ordinary words skip the address checks.
func maybeAddress(rs []rune) bool {
	for _, r := range rs {
		switch r {
		case '.', '@', ')', ']', '}', '/':
			return true
		}
	}
	return false
}

// redeemWords in a link's subdomain or path mark a page for activating a key.
var redeemWords = []string{"redeem", "activat", "activ", "attiva", "aktivier", "einloes", "einlös", "canje", "register",
	"registr", "licen", "lizenz"}

// redeemLink reports a link whose subdomain or path names redeeming or
// activating ("redeem.app.com", "app.it/attiva"); the shop's own name
// ("softkeys-direkt.de") does not count.
func redeemLink(host, path string) bool {
	labels := strings.Split(strings.TrimPrefix(host, "www."), ".")
	sub := ""
	if len(labels) > 2 {
		sub = strings.Join(labels[:len(labels)-2], ".")
	}
	for _, w := range redeemWords {
		if strings.Contains(sub, w) || strings.Contains(path, w) {
			return true
		}
	}
	return false
}

// linkVerbs before "at" make a spelled address a website: "look at",
// "visit us at", "available at".
var linkVerbs = map[string]bool{"look": true, "us": true, "visit": true, "available": true, "online": true,
	"here": true, "there": true, "me": true, "them": true, "find": true, "shop": true, "store": true, "page": true}
