package policy

import "strings"

func (d *doc) checkContent() {
	d.checkMarketing()
	for _, h := range d.hitsOf(catOffAmazon) {
		if d.callsCarrier(h) {
			continue
		}
		d.addHit("OFF_AMAZON_CONTACT", Risk, h, "")
	}
	for _, h := range d.hitsOf(catOptOut) {
		d.addHit("OPT_OUT_LINK", Block, h, "")
	}
	d.checkConfirmation()
	d.checkThankYouOnly()
	d.checkOutOfStock()
	d.checkImportantTag()
	for _, h := range d.hitsOf(catImpersonation) {
		d.addHit("AMAZON_IMPERSONATION", Warn, h, "")
	}
	// "Amazon Customer Service" as the signature: the message claims to come from Amazon.
	for _, h := range d.hitsOf(catAmazonSignature) {
		if d.firstOnLine(h.from) && d.toks[len(d.toks)-1].line == d.toks[h.from].line {
			d.addHit("AMAZON_IMPERSONATION", Warn, h, "")
		}
	}
	for _, h := range d.hitsOf(catInsult) {
		d.addHit("TONE", Risk, h, "")
	}
	for _, h := range d.hitsOf(catThreat) {
		d.addHit("TONE", Warn, h, "threat")
	}
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
}

// substantive reports whether the message has a reason of its own: a
// question, a problem, a request for information.
func (d *doc) substantive() bool {
	return d.has[catSubstance] || strings.ContainsRune(d.m.Text, '?')
}

// checkConfirmation: proactive order, shipping or delivery confirmations are
// not allowed; Amazon sends them itself. A reply may confirm what the buyer asked.
func (d *doc) checkConfirmation() {
	if !d.m.Kind.Proactive() || !d.has[catConfirmation] || d.substantive() {
		return
	}
	d.addHit("ORDER_OR_SHIPPING_CONFIRMATION", Warn, d.hitsOf(catConfirmation)[0], "")
}

// checkThankYouOnly: a proactive message that only thanks or offers help.
// Greeting lines, the signature (everything from the closing line on),
// order IDs and placeholders do not count as content.
func (d *doc) checkThankYouOnly() {
	if !d.m.Kind.Proactive() || !d.has[catThanks] || d.substantive() || d.has[catConfirmation] {
		return
	}
	// A review request is the message's purpose, judged by the review rules;
	// calling it "only thanks" would misname the problem.
	if d.has[catReviewStrong] || d.has[catReviewWeak] || d.has[catPositiveReview] || d.has[catStars] {
		return
	}
	// A sentence with thanks or an offer of help is courtesy as a whole; the
	// substance check above already ruled out a problem or a question in it.
	covered := make([]bool, len(d.toks))
	thanksSent := map[int]bool{}
	for _, h := range d.hits {
		switch h.cat {
		case catThanks:
			thanksSent[d.sentOf(h)] = true
		case catGreeting, catClosing:
			for k := h.from; k < h.to; k++ {
				covered[k] = true
			}
		}
	}
	for k := range d.toks {
		if thanksSent[d.toks[k].sent] {
			covered[k] = true
		}
	}
	// A greeting covers the name after it; a closing line starts the signature.
	closeLine := 1 << 30
	for _, h := range d.hits {
		line := d.toks[h.from].line
		if h.cat == catGreeting && d.firstOnLine(h.from) {
			for k := h.to; k < len(d.toks) && k < h.to+3 && d.toks[k].sent == d.toks[h.from].sent; k++ {
				covered[k] = true
			}
		}
		if h.cat == catClosing && line > 0 && line < closeLine && d.firstOnLine(h.from) {
			closeLine = line
		}
	}
	content := 0
	for k := range d.toks {
		t := &d.toks[k]
		if covered[k] || t.has(tokMasked) || !t.has(tokLetter) || t.line >= closeLine {
			continue
		}
		if fillerWords[d.folded[t.fs:t.fe]] {
			continue
		}
		content++
	}
	if content <= 4 {
		d.thankYouOnly = true
		d.add("THANK_YOU_ONLY", Warn, 0, 0, "")
	}
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

// checkOutOfStock: when an item cannot be shipped, the seller cancels the
// order and says so; asking the buyer to cancel, or offering a different
// product, is not allowed.
func (d *doc) checkOutOfStock() {
	oos := d.has[catOutOfStock]
	if oos || d.m.Kind == KindUnexpectedProblem {
		for _, h := range d.hitsOf(catCancelRequest) {
			d.addHit("OOS_ASK_TO_CANCEL", Warn, h, "")
		}
	}
	if oos {
		for _, h := range d.hitsOf(catSubstitute) {
			d.addHit("OOS_SUBSTITUTE", Warn, h, "")
		}
	}
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
		nonCritical := d.thankYouOnly || d.has[catReviewStrong] || d.has[catMarketing] ||
			d.has[catConfirmation] || !d.has[catSubstance]
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
