package policy

import "strings"

func (d *doc) checkContent() {
	d.checkMarketing()
	d.checkDirectContact()
	for _, h := range d.hitsOf(catOffAmazon) {
		// "nur über Amazon, weder per Telefon noch per E-Mail" refuses.
		if d.callsCarrier(h) || d.negatedOutside(h) || d.inSentence(catNotOffAmazon, d.sentOf(h)) || d.ruleTalk(h) {
			continue
		}
		d.addHit("OFF_AMAZON_CONTACT", Risk, h, "")
	}
	for _, h := range d.hitsOf(catOptOut) {
		if d.signsOff(h) || d.negatedOutside(h) {
			continue
		}
		d.addHit("OPT_OUT_LINK", Block, h, "")
	}
	d.checkPurpose()
	d.checkCancelRequests()
	d.checkSubstitutes()
	d.checkSensitiveData()
	d.checkImportantTag()
	for _, h := range d.hitsOf(catImpersonation) {
		d.addHit("AMAZON_IMPERSONATION", Risk, h, "")
	}
	// "Amazon Customer Service" as the signature: the message claims to come from Amazon.
	for _, h := range d.hitsOf(catAmazonSignature) {
		if d.signs(h) {
			d.addHit("AMAZON_IMPERSONATION", Risk, h, "")
		}
	}
	d.checkTone()
}

// callsCarrier reports "Rufen Sie DHL an" and the like: a call the buyer
// makes to a carrier or manufacturer, whose numbers may be given, rather
// than to the seller.
func (d *doc) callsCarrier(h hit) bool {
	t := &d.toks[h.from]
	if w := d.folded[t.fs:t.fe]; w != "rufen" && w != "ruf" {
		return false
	}
	for k := h.from; k < h.to; k++ {
		if usWords[d.folded[d.toks[k].fs:d.toks[k].fe]] {
			return false
		}
	}
	return d.inSentence(catPhoneOK, d.sentOf(h))
}

// checkMarketing reports advertising; "on your next order" counts only next
// to an incentive, a percentage or a code, and a voucher already reported as a review incentive is
// not reported twice.
func (d *doc) checkMarketing() {
	for _, h := range d.hitsOf(catMarketing) {
		// "Einen Rabattcode dürfen wir Ihnen leider nicht schicken" declines.
		if d.negatedOutside(h) || d.ruleTalk(h) {
			continue
		}
		d.addHit("MARKETING", Risk, h, "")
	}
	for _, h := range d.hitsOf(catNextOrder) {
		s := d.sentOf(h)
		if d.inSentence(catMarketing, s) {
			continue
		}
		if d.inSentence(catIncentive, s) || d.inSentence(catDealHint, s) {
			d.addHit("MARKETING", Risk, h, "nextorder")
		}
	}
	d.checkDealCodes()
}

// codeWords introduce a discount code.
var codeWords = map[string]bool{"code": true, "codice": true, "código": true, "coupon": true, "cupón": true,
	"gutscheincode": true, "rabattcode": true, "aktionscode": true, "promo": true, "promocode": true, "gutschein": true}

// checkDealCodes reports a discount code: "Code BASTEL10", "code PRINTEMPS15"
// — a word in capitals with a few digits after a code word. A digital
// access key is a code too, but that message is for sending one; a ZIP code
// ("code 90210") has no letters.
func (d *doc) checkDealCodes() {
	if d.m.Kind == KindDigitalAccessKey {
		return
	}
	for k := 0; k+1 < len(d.toks); k++ {
		t, n := &d.toks[k], &d.toks[k+1]
		if n.sent != t.sent || !codeWords[d.word(k)] || !n.has(tokLetter) || !n.has(tokDigit) || n.end-n.start < 4 {
			continue
		}
		if !upperWithDigits(d.runes[n.start:n.end]) {
			continue
		}
		d.add("MARKETING", Risk, t.start, n.end, "")
	}
}

// upperWithDigits reports letters all in capitals followed by one to three digits: "REGAL15".
func upperWithDigits(rs []rune) bool {
	i := 0
	for i < len(rs) && rs[i] >= 'A' && rs[i] <= 'Z' {
		i++
	}
	digits := len(rs) - i
	if i < 3 || digits < 1 || digits > 3 {
		return false
	}
	for _, r := range rs[i:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (d *doc) firstOnLine(k int) bool {
	return k == 0 || d.toks[k-1].line != d.toks[k].line
}

// fillerWords carry no content of their own.
var fillerWords = map[string]bool{
	"und": true, "and": true, "et": true, "e": true, "y": true, "sehr": true, "so": true, "very": true,
	"much": true, "we": true, "wir": true, "nous": true, "noi": true, "nosotros": true, "ihnen": true,
	"you": true, "your": true, "ihre": true, "ihr": true, "sie": true, "uns": true, "us": true, "our": true,
	"again": true, "nochmals": true, "noch": true, "einmal": true, "also": true, "auch": true, "again,": true,
	"a": true, "the": true, "der": true, "die": true, "das": true, "for": true, "für": true, "bei": true,
}

var importantTags = []string{"[important]", "[wichtig]", "[importante]", "[importantes]"}

// checkImportantTag: "[Important]" marks messages critical to completing the
// order; on anything else it is a named cause of restrictions.
func (d *doc) checkImportantTag() {
	if !strings.ContainsRune(d.m.Text, '[') {
		return
	}
	lower := d.folded
	for _, tag := range importantTags {
		at := strings.Index(lower, tag)
		if at < 0 {
			continue
		}
		s := runeIndex(lower, at)
		e := s + len([]rune(tag))
		nonCritical := d.purposeless || d.has[catReviewStrong] || d.has[catMarketing] || !d.has[catCritical]
		if nonCritical {
			d.add("IMPORTANT_TAG_MISUSE", Risk, s, e, "")
		}
		return
	}
}

// runeIndex converts a byte offset in s to a rune offset.
func runeIndex(s string, b int) int {
	n := 0
	for i := range s {
		if i >= b {
			return n
		}
		n++
	}
	return n
}

// signs reports a hit that signs the message: on one of its last three
// lines, first on its line or right after the closing words ("Viele Grüße,
// Ihr Amazon-Team"), and not inside a sentence that points the buyer
// somewhere ("wenden Sie sich an den Amazon-Kundenservice").
func (d *doc) signs(h hit) bool {
	last := d.toks[len(d.toks)-1].line
	line := d.toks[h.from].line
	if last-line > 2 {
		return false
	}
	if d.firstOnLine(h.from) {
		return true
	}
	k := h.from - 1
	for k >= 0 && d.toks[k].line == line {
		w := d.folded[d.toks[k].fs:d.toks[k].fe]
		switch w {
		case "ihr", "ihre", "euer", "dein", "your", "the", "votre", "le", "la", "l", "il", "vostro", "el", "su", "tu", "from", "von", "du", "de", "del", "dal":
			k--
			continue
		}
		break
	}
	if k < 0 || d.toks[k].line != line {
		return true // only "Ihr", "The", "Il" before it: it opens its line
	}
	// "Equipo de Atención al Cliente de Amazon.es": the message's last line,
	// short, is its signature.
	return d.closingEndsAt(k) || line == last && line > 0 && d.wordsBeforeOnLine(h.from) <= 3
}

// wordsBeforeOnLine counts the tokens before token k on its line.
func (d *doc) wordsBeforeOnLine(k int) int {
	n := 0
	for j := k - 1; j >= 0 && d.toks[j].line == d.toks[k].line; j-- {
		n++
	}
	return n
}

// closingEndsAt reports a closing phrase ending at token k.
func (d *doc) closingEndsAt(k int) bool {
	for _, c := range d.hitsOf(catClosing) {
		if c.to-1 == k {
			return true
		}
	}
	return false
}

// loginWords make "abmelden" signing out of a profile, console or app.
var loginWords = map[string]bool{"profil": true, "profile": true, "konto": true, "account": true, "konsole": true,
	"gerät": true, "app": true, "anmelden": true, "login": true, "einloggen": true, "ausloggen": true, "nutzer": true}

// signsOff reports an opt-out word that means signing out ("vom falschen
// Profil abmelden") rather than unsubscribing.
func (d *doc) signsOff(h hit) bool {
	s := d.sentOf(h)
	for k := range d.toks {
		if d.toks[k].sent == s && loginWords[d.word(k)] {
			return true
		}
	}
	return false
}

// checkDirectContact reports OFF_AMAZON_CONTACT for a request to call,
// write or send something to the seller's own e-mail address or phone
// number ("schicken Sie das Foto an …", "you can reach my driver on …"):
// the address is a finding of its own, and asking the buyer to use it
// moves the conversation off Amazon. The span is the request, up to the
// address.
func (d *doc) checkDirectContact() {
	if !d.has[catContactVerb] {
		return
	}
	n := len(d.findings)
	last := -1
	for i := 0; i < n; i++ {
		f := d.findings[i]
		// Allowed numbers (a carrier's, a manufacturer's) are Style findings.
		if f.Rule != "EMAIL_ADDRESS" && f.Rule != "PHONE_NUMBER" || f.Severity < Risk {
			continue
		}
		s, ok := d.sentenceAt(f.Start)
		if !ok || s == last {
			continue
		}
		for _, h := range d.hitsOf(catContactVerb) {
			if d.sentOf(h) != s || d.toks[h.from].start >= f.Start || d.negatedNear(h) {
				continue
			}
			d.add("OFF_AMAZON_CONTACT", Risk, d.toks[d.clauseAt(h.from).from].start, f.Start, "direct")
			last = s
			break
		}
	}
}
