package policy

import "sort"

// Checker checks messages. Build it once with NewChecker; it is safe for
// concurrent use because Check only reads it.
type Checker struct {
	phrases *phraseSet
}

// NewChecker compiles the lexicons.
func NewChecker() *Checker {
	lex := map[category][]string{}
	for _, src := range []map[category][]string{reviewLexicon, contentLexicon} {
		for c, ps := range src {
			lex[c] = append(lex[c], ps...)
		}
	}
	return &Checker{phrases: compilePhrases(lex, classes)}
}

// span is a range of runes.
type span struct{ start, end int }

// doc is one message being checked: the text split up once, shared by all rules.
type doc struct {
	m        *Message
	lang     UILang
	kind     kindInfo
	runes    []rune
	folded   string
	toks     []token
	hits     []hit
	has      [catCount]bool // whether a category has at least one (uncancelled) hit
	masks    []span         // placeholders, links, e-mail addresses, order IDs
	orderIDs []span
	findings []Finding
	// thankYouOnly is set when the message only thanks (THANK_YOU_ONLY).
	thankYouOnly bool
}

// Check checks m and explains the findings in lang. It never panics on any
// input; offsets are in runes and lie inside m.Text.
func (c *Checker) Check(m Message, lang UILang) Result {
	if lang != German {
		lang = English
	}
	d := &doc{m: &m, lang: lang}
	d.kind, _ = m.Kind.info()
	d.runes = []rune(m.Text)
	res := Result{Chars: len(d.runes), Limit: d.kind.limit}

	d.checkLength()
	d.checkPlaceholders()
	d.findOrderIDs()
	d.checkEmails()
	d.checkLinks()
	d.toks, d.folded = tokenize(d.runes, make([]token, 0, len(d.runes)/5+8))
	d.applyMasks()
	d.checkObfuscations()
	d.hits = c.phrases.find(d.toks, d.folded, make([]hit, 0, 32))
	d.cancelHits()
	d.checkPhones()
	d.checkFormat()
	d.checkReviews()
	d.checkContent()
	d.checkOrder()

	res.Language = DetectLanguage(m.Text)
	d.checkBuyerLanguage(res.Language)

	sortFindings(d.findings)
	res.Findings = mergeFindings(d.findings, d.runes)
	sortFindings(res.Findings)
	return res
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.End < b.End
	})
}

// Worst is the highest severity among the findings, 0 when there are none.
func (r Result) Worst() Severity {
	var w Severity
	for _, f := range r.Findings {
		if f.Severity > w {
			w = f.Severity
		}
	}
	return w
}

// Blocked reports whether any finding is a Block: Sellermail does not send such a message.
func (r Result) Blocked() bool { return r.Worst() >= Block }

// add records a finding on runes [s, e) with the rule's text, or with the
// text of a variant ("RULE.variant") when one is given.
func (d *doc) add(rule string, sev Severity, s, e int, variant string, args ...any) {
	if s < 0 {
		s = 0
	}
	if e > len(d.runes) {
		e = len(d.runes)
	}
	if e < s {
		e = s
	}
	msg, fix := findingText(rule, variant, d.lang, args...)
	d.findings = append(d.findings, Finding{
		Rule: rule, Severity: sev, Start: s, End: e,
		Excerpt: string(d.runes[s:e]), Message: msg, Fix: fix,
	})
}

// addHit records a finding on the tokens of h.
func (d *doc) addHit(rule string, sev Severity, h hit, variant string, args ...any) {
	d.add(rule, sev, d.toks[h.from].start, d.toks[h.to-1].end, variant, args...)
}

// mask hides runes [s, e) from the word rules.
func (d *doc) mask(s, e int) { d.masks = append(d.masks, span{s, e}) }

func (d *doc) masked(s, e int) bool {
	for _, m := range d.masks {
		if s < m.end && m.start < e {
			return true
		}
	}
	return false
}

// applyMasks flags the tokens inside masked spans.
func (d *doc) applyMasks() {
	if len(d.masks) == 0 {
		return
	}
	for i := range d.toks {
		t := &d.toks[i]
		if d.masked(t.start, t.end) {
			t.flags |= tokMasked
		}
	}
}

// cancelHits drops review and incentive words that a trap phrase explains
// ("avis de passage", "kostenloser Ersatz") and fills d.has.
func (d *doc) cancelHits() {
	cancels := func(h hit, by category) bool {
		for _, o := range d.hits {
			if o.cat == by && h.from < o.to && o.from < h.to {
				return true
			}
		}
		return false
	}
	out := d.hits[:0]
	for _, h := range d.hits {
		switch h.cat {
		case catReviewStrong, catReviewWeak, catReviewChange, catFeedbackChange, catPositiveReview:
			if cancels(h, catNotReview) {
				continue
			}
		case catIncentive:
			if cancels(h, catNotIncentive) {
				continue
			}
		case catIfHappy:
			if cancels(h, catIfUnhappy) {
				continue
			}
		case catSubstance:
			if cancels(h, catThanks) {
				continue
			}
		}
		out = append(out, h)
	}
	d.hits = out
	for _, h := range d.hits {
		d.has[h.cat] = true
	}
}

// hitsOf returns the hits of cat, in text order.
func (d *doc) hitsOf(cat category) []hit {
	if !d.has[cat] {
		return nil
	}
	var out []hit
	for _, h := range d.hits {
		if h.cat == cat {
			out = append(out, h)
		}
	}
	return out
}

// inSentence reports whether cat has a hit in sentence s.
func (d *doc) inSentence(cat category, s int) bool {
	if !d.has[cat] {
		return false
	}
	for _, h := range d.hits {
		if h.cat == cat && d.toks[h.from].sent == s {
			return true
		}
	}
	return false
}

func (d *doc) sentOf(h hit) int { return d.toks[h.from].sent }

// mergeFindings joins overlapping findings of the same rule (two phrases
// matching one sentence) into one, keeping the higher severity and the
// first finding's wording. fs must be sorted.
func mergeFindings(fs []Finding, runes []rune) []Finding {
	out := fs[:0]
	for _, f := range fs {
		merged := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-8; k-- {
			o := &out[k]
			if o.Rule != f.Rule {
				continue
			}
			same := o.Start == f.Start && o.End == f.End
			if same || (f.Start < o.End && o.Start < f.End) {
				if f.End > o.End {
					o.End = f.End
					o.Excerpt = string(runes[o.Start:o.End])
				}
				if f.Severity > o.Severity {
					o.Severity, o.Message, o.Fix = f.Severity, f.Message, f.Fix
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, f)
		}
	}
	return out
}
