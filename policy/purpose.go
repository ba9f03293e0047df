package policy

import "slices"

// The purpose of a proactive message. Amazon permits a proactive message
// only for a reason the order needs: a problem, a question needed to
// complete it, a date to agree, a customization, a key, a legal note. A
// message whose body is only thanks, good wishes and offers of help, or only
// a confirmation of the order, its shipment or its delivery (which Amazon
// sends itself), is not permitted, however politely it is put. The decision
// is made on the message as a whole: greeting and signature are set aside,
// each remaining sentence is read as substance, confirmation, courtesy or
// other, and the finding marks the sentence that shows the purpose.

// sentence roles for the purpose decision.
const (
	roleOther = iota
	roleViolation
	roleCourtesy
	roleConfirm
	roleSubstance
)

// purposeFloor is how many content words a message may have outside
// courtesy and confirmation sentences and still read as having no purpose of
// its own: at or below riskWords the finding is a risk, up to warnWords a
// warning.
const (
	purposeRiskWords = 4
	purposeWarnWords = 10
)

// checkPurpose reports THANK_YOU_ONLY or ORDER_OR_SHIPPING_CONFIRMATION.
func (d *doc) checkPurpose() {
	if !d.m.Kind.Proactive() || !d.kind.takesText || len(d.toks) == 0 {
		return
	}
	// A review request is the message's purpose, judged by the review rules;
	// a key message carries its key.
	if d.has[catReviewStrong] || d.has[catReviewWeak] || d.has[catPositiveReview] || d.has[catStars] ||
		d.m.Kind == KindDigitalAccessKey {
		return
	}
	role := d.sentenceRoles()
	covered, closeLine := d.courtesyTokens()
	content, firstConfirm, firstCourtesy := 0, -1, -1
	for k := range d.toks {
		t := &d.toks[k]
		if t.line >= closeLine {
			break
		}
		switch role[t.sent] {
		case roleSubstance:
			return
		case roleConfirm:
			if firstConfirm < 0 {
				firstConfirm = t.sent
			}
			continue
		case roleCourtesy:
			if firstCourtesy < 0 {
				firstCourtesy = t.sent
			}
			continue
		case roleViolation:
			continue
		}
		if covered[k] || t.has(tokMasked) || !t.has(tokLetter) || fillerWords[d.folded[t.fs:t.fe]] {
			continue
		}
		content++
	}
	d.reportPurpose(content, firstConfirm, firstCourtesy)
}

// sentenceRoles reads each sentence as substance, confirmation, courtesy
// or other.
func (d *doc) sentenceRoles() []uint8 {
	n := d.toks[len(d.toks)-1].sent + 1
	role := slices.Grow(d.roles[:0], n)[:n]
	clear(role)
	d.roles = role
	for _, h := range d.hits {
		s := d.sentOf(h)
		switch h.cat {
		case catSubstance, catCancelRequest, catOutOfStock, catSubstitute:
			role[s] = roleSubstance
		case catConfirmation:
			role[s] = max(role[s], roleConfirm)
		case catThanks:
			role[s] = max(role[s], roleCourtesy)
		case catMarketing, catOptOut, catOffAmazon, catPersuasion:
			// A sentence that breaks another rule adds no permitted purpose.
			role[s] = max(role[s], roleViolation)
		}
	}
	// "The engraving is finished and it leaves today" confirms; "your
	// engraving: which font?" asks. A topic makes substance only where nothing is confirmed.
	for _, h := range d.hitsOf(catTopic) {
		if s := d.sentOf(h); role[s] != roleConfirm {
			role[s] = roleSubstance
		}
	}
	for i := range d.clauses {
		c := &d.clauses[i]
		if c.has(clQuestion) && role[c.sent] <= roleViolation {
			role[c.sent] = roleSubstance // a question of its own ("Welche Farbe?")
		}
	}
	return role
}

// reportPurpose adds the finding, if any: the message has at most a few
// content words besides its courtesy and confirmation sentences.
func (d *doc) reportPurpose(content, firstConfirm, firstCourtesy int) {
	if content > purposeWarnWords || (firstConfirm < 0 && firstCourtesy < 0) {
		return
	}
	sev := Risk
	if content > purposeRiskWords {
		sev = Warn
	}
	rule, s := "ORDER_OR_SHIPPING_CONFIRMATION", firstConfirm
	if s < 0 {
		rule, s = "THANK_YOU_ONLY", firstCourtesy
	}
	d.purposeless = true
	from, to := d.sentenceSpan(s)
	d.add(rule, sev, from, to, "")
}

// courtesyTokens marks greetings with the name after them, and returns the
// line where the signature starts (the first closing line after the first).
func (d *doc) courtesyTokens() ([]bool, int) {
	covered := slices.Grow(d.covered[:0], len(d.toks))[:len(d.toks)]
	clear(covered)
	d.covered = covered
	closeLine := 1 << 30
	for _, h := range d.hits {
		switch h.cat {
		case catGreeting:
			for k := h.from; k < h.to; k++ {
				covered[k] = true
			}
			if d.firstOnLine(h.from) {
				for k := h.to; k < len(d.toks) && k < h.to+3 && d.toks[k].sent == d.toks[h.from].sent; k++ {
					covered[k] = true
				}
			}
		case catClosing:
			line := d.toks[h.from].line
			for k := h.from; k < h.to; k++ {
				covered[k] = true
			}
			if line > 0 && line < closeLine && d.firstOnLine(h.from) && d.shortLine(h.from) {
				closeLine = line
			}
		}
	}
	return covered, closeLine
}

// sentenceSpan is the rune span of sentence s.
func (d *doc) sentenceSpan(s int) (int, int) {
	from, to := -1, 0
	for k := range d.toks {
		t := &d.toks[k]
		if t.sent == s {
			if from < 0 {
				from = t.start
			}
			to = t.end
		} else if t.sent > s {
			break
		}
	}
	if from < 0 {
		return 0, 0
	}
	// Take the closing punctuation with it.
	for to < len(d.runes) && (d.runes[to] == '.' || d.runes[to] == '!' || d.runes[to] == '?') {
		to++
	}
	return from, to
}

// shortLine reports a line of at most five words from token k on: a
// closing ("Best,", "Viele Grüße") stands alone, "Thanks for waiting, the
// parcel …" starts a sentence of the body.
func (d *doc) shortLine(k int) bool {
	line, n := d.toks[k].line, 0
	for ; k < len(d.toks) && d.toks[k].line == line; k++ {
		n++
	}
	return n <= 5
}
