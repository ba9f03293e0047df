package policy

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Checker checks messages. Build it once with NewChecker; it is safe for
// concurrent use because Check only reads it.
type Checker struct {
	phrases *phraseSet
}

// NewChecker compiles the lexicons.
func NewChecker() *Checker {
	lex := map[category][]string{}
	for _, src := range []map[category][]string{reviewLexicon, contentLexicon, actsLexicon} {
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
	m    *Message
	lang UILang
	kind kindInfo
	// runes is the text as runes; byteOff[i] is the byte offset of runes[i]
	// in m.Text, with one extra entry for the end. validUTF8 says whether
	// m.Text can be sliced with byteOff to get an excerpt.
	runes     []rune
	byteOff   []int32
	validUTF8 bool
	folded    string
	toks      []token
	hits      []hit
	// byCat holds the hits grouped by category (text order within each);
	// catEnd[c] is where category c ends in it and catEnd[c-1] where it begins.
	byCat  []hit
	catEnd [catCount]int32
	has    [catCount]bool // whether a category has at least one (uncancelled) hit
	// masks lists the masked spans in the order they were added; maskedRune
	// marks every rune inside one, so a masked test costs the length of the
	// range tested rather than the number of masks.
	masks      []span // placeholders, links, e-mail addresses, order IDs
	maskedRune []bool
	// addrChunks are the chunks that may hold an address, found once for the
	// e-mail and the link rules.
	addrChunks []addrChunk
	orderIDs   []span
	findings   []Finding
	order      []int32 // scratch for sorting findings
	roles      []uint8 // scratch: the purpose role of each sentence
	covered    []bool  // scratch: tokens that greeting or closing words cover
	// original holds the runes before disguised words were rewritten, for
	// the excerpts of invalid UTF-8 text; nil when nothing was rewritten.
	original, originalBuf []rune
	clauses               []clause
	clauseOf              []int32  // clauseOf[k] is the clause of token k
	wordFlags             []uint16 // wordFlags[k] is clauseWords of token k
	// purposeless is set when a proactive message has no permitted purpose
	// (THANK_YOU_ONLY, ORDER_OR_SHIPPING_CONFIRMATION).
	purposeless bool
}

// docPool recycles the per-check buffers: Check runs on every keystroke, and
// without the pool each call allocates several times the size of the text.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// maxPooledRunes bounds the texts whose buffers go back to the pool, so one
// huge paste does not keep megabytes alive.
const maxPooledRunes = 1 << 16

// Check checks m and explains the findings in lang. It never panics on any
// input; offsets are in runes and lie inside m.Text.
func (c *Checker) Check(m Message, lang UILang) Result {
	if lang != German {
		lang = English
	}
	d := docPool.Get().(*doc)
	defer d.release()
	d.m, d.lang = &m, lang
	d.kind, _ = m.Kind.info()
	d.decode(m.Text)
	res := Result{Chars: len(d.runes), Limit: d.kind.limit}

	d.checkLength()
	d.checkPlaceholders()
	d.findOrderIDs()
	d.checkEmails()
	d.checkLinks()
	d.unmaskEvasions()
	d.toks, d.folded = tokenize(d.runes, d.toks[:0])
	d.applyMasks()
	d.buildClauses()
	d.checkObfuscations()
	d.hits = c.phrases.find(d.toks, d.folded, d.hits[:0])
	d.cancelHits()
	d.checkPhones()
	d.checkFormat()
	d.checkReviews()
	d.checkContent()
	d.checkOrder()

	res.Language = DetectLanguage(m.Text)
	d.checkBuyerLanguage(res.Language)

	res.Findings = d.result()
	return res
}

// decode splits text into runes exactly as []rune(text) does, recording the
// byte offset of every rune on the way.
func (d *doc) decode(text string) {
	rs, offs := d.runes[:0], d.byteOff[:0]
	d.validUTF8 = true
	for i, r := range text {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
				d.validUTF8 = false
			}
		}
		rs = append(rs, r)
		offs = append(offs, int32(i))
	}
	d.runes, d.byteOff = rs, append(offs, int32(len(text)))
	d.maskedRune = slices.Grow(d.maskedRune[:0], len(rs))[:len(rs)]
	clear(d.maskedRune)
}

// release clears what points into the caller's data and returns d to the pool.
func (d *doc) release() {
	if cap(d.runes) > maxPooledRunes {
		return
	}
	clear(d.findings)
	clear(d.addrChunks)
	*d = doc{
		runes: d.runes[:0], byteOff: d.byteOff[:0], toks: d.toks[:0], hits: d.hits[:0],
		byCat: d.byCat[:0], masks: d.masks[:0], maskedRune: d.maskedRune[:0],
		addrChunks: d.addrChunks[:0], orderIDs: d.orderIDs[:0], findings: d.findings[:0],
		order: d.order[:0], roles: d.roles[:0], covered: d.covered[:0], clauses: d.clauses[:0], clauseOf: d.clauseOf[:0], wordFlags: d.wordFlags[:0], originalBuf: d.originalBuf[:0],
	}
	docPool.Put(d)
}

// text returns runes [s, e) as a string: a slice of the message when it is
// valid UTF-8 (no copy), otherwise the runes re-encoded, where invalid
// bytes have become U+FFFD.
func (d *doc) text(s, e int) string {
	if d.validUTF8 {
		return d.m.Text[d.byteOff[s]:d.byteOff[e]]
	}
	if d.original != nil {
		return string(d.original[s:e])
	}
	return string(d.runes[s:e])
}

// result sorts and merges the findings into a new slice owned by the caller.
func (d *doc) result() []Finding {
	fs := d.findings
	if len(fs) == 0 {
		return nil
	}
	// Sort indices rather than the 100-byte findings themselves; the index
	// as the last key makes the unstable sort keep the order of adding.
	order := d.order[:0]
	for i := range fs {
		order = append(order, int32(i))
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := compareFindings(&fs[a], &fs[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	d.order = order
	out := make([]Finding, 0, len(fs))
	for _, i := range order {
		out = d.mergeFinding(out, fs[i])
	}
	sortFindings(out)
	return out
}

// compareFindings orders findings by Start, then by descending severity.
func compareFindings(a, b *Finding) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	if a.Severity != b.Severity {
		return cmp.Compare(b.Severity, a.Severity)
	}
	if a.Rule != b.Rule {
		return strings.Compare(a.Rule, b.Rule)
	}
	return cmp.Compare(a.End, b.End)
}

// sortFindings sorts fs stably. Merging rarely disturbs the order, so the
// common case is a single check.
func sortFindings(fs []Finding) {
	byPosition := func(a, b Finding) int { return compareFindings(&a, &b) }
	if !slices.IsSortedFunc(fs, byPosition) {
		slices.SortStableFunc(fs, byPosition)
	}
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
		Excerpt: d.text(s, e), Message: msg, Fix: fix,
	})
}

// addHit records a finding on the tokens of h.
func (d *doc) addHit(rule string, sev Severity, h hit, variant string, args ...any) {
	d.add(rule, sev, d.toks[h.from].start, d.toks[h.to-1].end, variant, args...)
}

// mask hides runes [s, e) from the word rules.
func (d *doc) mask(s, e int) {
	d.masks = append(d.masks, span{s, e})
	for k := max(s, 0); k < min(e, len(d.maskedRune)); k++ {
		d.maskedRune[k] = true
	}
}

// masked reports whether any rune of [s, e) is masked. Every mask and every
// range tested is non-empty, so this is the same as overlapping a mask.
func (d *doc) masked(s, e int) bool {
	for k := max(s, 0); k < min(e, len(d.maskedRune)); k++ {
		if d.maskedRune[k] {
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
// ("avis de passage", "kostenloser Ersatz"), fills d.has and groups the
// hits by category.
func (d *doc) cancelHits() {
	// The cancelling categories are never cancelled themselves, so their
	// groups before filtering are the same as after.
	d.groupHits()
	cancels := func(h hit, by category) bool {
		for _, o := range d.hitsOf(by) {
			if h.from < o.to && o.from < h.to {
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
			// Only a substance word inside a courtesy phrase ("if you have any
			// questions") is courtesy; "merci de confirmer" is a request.
			if d.containedIn(h, catThanks) {
				continue
			}
		}
		out = append(out, h)
	}
	d.hits = out
	d.groupHits()
}

// groupHits fills d.byCat, d.catEnd and d.has from d.hits, keeping the text
// order within each category.
func (d *doc) groupHits() {
	var count [catCount]int32
	for _, h := range d.hits {
		count[h.cat]++
	}
	var end int32
	for c := range count {
		end += count[c]
		d.catEnd[c] = end
		d.has[c] = count[c] > 0
	}
	d.byCat = slices.Grow(d.byCat[:0], len(d.hits))[:len(d.hits)]
	next := count // next[c]: where the next hit of c goes
	for c := range next {
		next[c] = d.catEnd[c] - count[c]
	}
	for _, h := range d.hits {
		d.byCat[next[h.cat]] = h
		next[h.cat]++
	}
}

// hitsOf returns the hits of cat, in text order.
func (d *doc) hitsOf(cat category) []hit {
	if !d.has[cat] {
		return nil
	}
	start := int32(0)
	if cat > 0 {
		start = d.catEnd[cat-1]
	}
	return d.byCat[start:d.catEnd[cat]]
}

// inSentence reports whether cat has a hit in sentence s.
func (d *doc) inSentence(cat category, s int) bool {
	for _, h := range d.hitsOf(cat) {
		if d.toks[h.from].sent == s {
			return true
		}
	}
	return false
}

func (d *doc) sentOf(h hit) int { return d.toks[h.from].sent }

// mergeFinding appends f to out, or joins it into one of the last findings
// of the same rule that it overlaps (two phrases matching one sentence),
// keeping the higher severity and the first finding's wording. Findings
// must come in sorted order.
func (d *doc) mergeFinding(out []Finding, f Finding) []Finding {
	for k := len(out) - 1; k >= 0 && k >= len(out)-8; k-- {
		o := &out[k]
		if o.Rule != f.Rule {
			continue
		}
		same := o.Start == f.Start && o.End == f.End
		if same || (f.Start < o.End && o.Start < f.End) {
			if f.End > o.End {
				o.End = f.End
				o.Excerpt = d.text(o.Start, o.End)
			}
			if f.Severity > o.Severity {
				o.Severity, o.Message, o.Fix = f.Severity, f.Message, f.Fix
			}
			return out
		}
	}
	return append(out, f)
}

// containedIn reports whether a hit of cat spans all of h.
func (d *doc) containedIn(h hit, cat category) bool {
	for _, o := range d.hitsOf(cat) {
		if o.from <= h.from && h.to <= o.to {
			return true
		}
	}
	return false
}
