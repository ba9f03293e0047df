package policy

import (
	"slices"
	"strings"
)

// A phrase is a short pattern over folded tokens, written as space-separated
// elements:
//
//	word        the token equals word
//	pre*        the token starts with pre (German compounds: rabatt* matches "rabattcode")
//	*in         the token contains in ("kundenrezension" for *rezension)
//	a|b|c       any of the alternatives
//	#           any number
//	@class      any alternative of a word class
//	~N          up to N tokens of anything (same sentence)
//
// Words are folded like the text, so "e-mail" is two tokens and "d'achat"
// three, exactly as in a message. A phrase never crosses a sentence.

const (
	altExact uint8 = iota
	altPrefix
	altInfix
	altNumber
)

type alt struct {
	s    string
	kind uint8
}

type elem struct {
	alts []alt
	gap  int // > 0: this element is a gap of up to gap tokens
}

type phrase struct {
	cat   category
	elems []elem
	// next holds the first bytes of the second element's words, when that
	// element is a word or prefix: most tries end at the second token, and
	// this ends them without comparing strings.
	next    [4]uint64
	hasNext bool
}

// setNext fills p.next from its second element.
func (p *phrase) setNext() {
	if len(p.elems) < 2 || p.elems[1].gap > 0 {
		return
	}
	for _, a := range p.elems[1].alts {
		if (a.kind != altExact && a.kind != altPrefix) || a.s == "" {
			return
		}
		p.next[a.s[0]>>6] |= 1 << (a.s[0] & 63)
	}
	p.hasNext = true
}

// mayContinue reports whether token i can be the phrase's second element.
func (p *phrase) mayContinue(toks []token, folded string, i int) bool {
	if !p.hasNext {
		return true
	}
	if i >= len(toks) || toks[i].fs == toks[i].fe {
		return false
	}
	b := folded[toks[i].fs]
	return p.next[b>>6]&(1<<(b&63)) != 0
}

// phraseSet finds every phrase of every category in one pass over the tokens.
// Phrases are indexed by their first element: exact words in a map, prefixes
// by their first three bytes, and the rare infix or number starts in a list.
// The three bytes are packed into an integer key, which hashes faster than
// a string.
type phraseSet struct {
	phrases []phrase
	exact   map[string][]int32
	prefix  map[uint32][]int32
	// other holds phrases whose first element has an infix or number
	// alternative, with that alternative, so only it is tested per token.
	other []otherStart
	// otherAlts are the distinct alternatives of other: many phrases share
	// one ("*rezension"), and each is tested once per token.
	otherAlts []alt
	// otherBytes[k] is byteSet(otherAlts[k].s): a word lacking one of those
	// bytes cannot contain the infix, which rules out most words cheaply.
	otherBytes []uint64
}

type otherStart struct {
	id int32
	a  int // index into otherAlts
}

// hit is one phrase found: tokens [from, to).
type hit struct {
	cat      category
	from, to int
}

func compilePhrases(lex map[category][]string, classes map[string]string) *phraseSet {
	ps := &phraseSet{exact: map[string][]int32{}, prefix: map[uint32][]int32{}}
	// Map iteration order must not leak into results: walk categories in order.
	for cat := category(0); cat < catCount; cat++ {
		for _, src := range lex[cat] {
			p := phrase{cat: cat, elems: parsePhrase(src, classes)}
			if len(p.elems) == 0 || p.elems[0].gap > 0 {
				panic("policy: bad phrase " + src)
			}
			p.setNext()
			id := int32(len(ps.phrases))
			ps.phrases = append(ps.phrases, p)
			for _, a := range p.elems[0].alts {
				switch a.kind {
				case altExact:
					ps.exact[a.s] = appendOnce(ps.exact[a.s], id)
				case altPrefix:
					if len(a.s) < 3 {
						panic("policy: prefix too short in phrase " + src)
					}
					k := prefixKey(a.s)
					ps.prefix[k] = appendOnce(ps.prefix[k], id)
				default:
					k := slices.Index(ps.otherAlts, a)
					if k < 0 {
						k = len(ps.otherAlts)
						ps.otherAlts = append(ps.otherAlts, a)
						ps.otherBytes = append(ps.otherBytes, byteSet(a.s))
						if k >= 64 {
							panic("policy: more than 64 distinct infix or number phrase starts")
						}
					}
					ps.other = append(ps.other, otherStart{id, k})
				}
			}
		}
	}
	return ps
}

// byteSet is a 64-bit summary of the bytes of s: bit b%64 for each byte b.
func byteSet(s string) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		set |= 1 << (s[i] & 63)
	}
	return set
}

// prefixKey packs the first three bytes of s, which has at least three.
func prefixKey(s string) uint32 { return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) }

func appendOnce(ids []int32, id int32) []int32 {
	if len(ids) > 0 && ids[len(ids)-1] == id {
		return ids
	}
	return append(ids, id)
}

func parsePhrase(src string, classes map[string]string) []elem {
	var out []elem
	for _, f := range strings.Fields(src) {
		if f[0] == '~' {
			n := 0
			for _, c := range f[1:] {
				n = n*10 + int(c-'0')
			}
			out = append(out, elem{gap: n})
			continue
		}
		var e elem
		for _, a := range strings.Split(f, "|") {
			if a != "" && a[0] == '@' {
				cl, ok := classes[a[1:]]
				if !ok {
					panic("policy: unknown word class " + a)
				}
				for _, ca := range strings.Split(cl, "|") {
					e.alts = append(e.alts, parseAlt(ca)...)
				}
				continue
			}
			e.alts = append(e.alts, parseAlt(a)...)
		}
		// An alternative written as several words ("e-mail", "d'achat") becomes
		// several elements; those are only allowed as the sole alternative.
		if len(e.alts) == 1 && e.alts[0].kind == altExact && strings.ContainsAny(e.alts[0].s, "-' ") {
			for _, w := range splitFoldedWords(e.alts[0].s) {
				out = append(out, elem{alts: []alt{{s: w}}})
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

func parseAlt(a string) []alt {
	a = strings.ToLower(a)
	var out alt
	switch {
	case a == "#":
		return []alt{{kind: altNumber}}
	case strings.HasPrefix(a, "*"):
		out = alt{s: strings.Trim(a, "*"), kind: altInfix}
	case strings.HasSuffix(a, "*"):
		out = alt{s: strings.TrimSuffix(a, "*"), kind: altPrefix}
	default:
		out = alt{s: a}
	}
	// Sellers on keyboards without umlauts write "Dankeschoen" and "Gruesse":
	// a German word matches in that spelling too.
	if t := umlautSpelling.Replace(out.s); t != out.s {
		return []alt{out, {s: t, kind: out.kind}}
	}
	return []alt{out}
}

var umlautSpelling = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// splitFoldedWords splits a lexicon word the way tokenize splits text.
func splitFoldedWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func (a *alt) match(w string, t *token) bool {
	switch a.kind {
	case altExact:
		return w == a.s
	case altPrefix:
		return strings.HasPrefix(w, a.s)
	case altInfix:
		return strings.Contains(w, a.s)
	default:
		return t.has(tokDigit) && !t.has(tokLetter)
	}
}

// find appends every phrase occurrence to hits. Masked tokens never match.
func (ps *phraseSet) find(toks []token, folded string, hits []hit) []hit {
	for i := range toks {
		t := &toks[i]
		if t.has(tokMasked) {
			continue
		}
		w := folded[t.fs:t.fe]
		for _, id := range ps.exact[w] {
			hits = ps.tryRest(id, toks, folded, i, hits) // the key is the first element's word
		}
		if len(w) >= 3 {
			for _, id := range ps.prefix[prefixKey(w)] {
				hits = ps.try(id, toks, folded, i, hits)
			}
		}
		var matched uint64 // bit k: otherAlts[k] matches this token
		wordBytes := byteSet(w)
		for k := range ps.otherAlts {
			if ps.otherBytes[k]&^wordBytes != 0 {
				continue
			}
			if ps.otherAlts[k].match(w, t) {
				matched |= 1 << k
			}
		}
		if matched == 0 {
			continue
		}
		for _, o := range ps.other {
			if matched&(1<<o.a) != 0 {
				hits = ps.tryRest(o.id, toks, folded, i, hits)
			}
		}
	}
	return hits
}

func (ps *phraseSet) try(id int32, toks []token, folded string, i int, hits []hit) []hit {
	p := &ps.phrases[id]
	if !p.mayContinue(toks, folded, i+1) {
		return hits
	}
	if end, ok := matchElems(p.elems, toks, folded, i, toks[i].sent); ok {
		hits = append(hits, hit{cat: p.cat, from: i, to: end})
	}
	return hits
}

// tryRest is try for a phrase whose first element is known to match token i.
func (ps *phraseSet) tryRest(id int32, toks []token, folded string, i int, hits []hit) []hit {
	p := &ps.phrases[id]
	if !p.mayContinue(toks, folded, i+1) {
		return hits
	}
	if end, ok := matchElems(p.elems[1:], toks, folded, i+1, toks[i].sent); ok {
		hits = append(hits, hit{cat: p.cat, from: i, to: end})
	}
	return hits
}

// matchElems matches elems starting at token i and returns the end token.
func matchElems(elems []elem, toks []token, folded string, i, sent int) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	e := &elems[0]
	if e.gap > 0 {
		for skip := 0; skip <= e.gap; skip++ {
			j := i + skip
			if j > len(toks) || (skip > 0 && toks[j-1].sent != sent) {
				break
			}
			if end, ok := matchElems(elems[1:], toks, folded, j, sent); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(toks) {
		return 0, false
	}
	t := &toks[i]
	if t.sent != sent || t.has(tokMasked) {
		return 0, false
	}
	w := folded[t.fs:t.fe]
	for k := range e.alts {
		if e.alts[k].match(w, t) {
			return matchElems(elems[1:], toks, folded, i+1, sent)
		}
	}
	return 0, false
}
