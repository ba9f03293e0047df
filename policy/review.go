package policy

import (
	"cmp"
	"slices"
	"strings"
)

// reviewSentences marks the sentences that speak of a product review or
// seller feedback: an unambiguous review word, or an ambiguous one ("avis",
// "feedback") together with a request, an exchange or praise.
func (d *doc) reviewSentences() map[int]bool {
	out := map[int]bool{}
	for _, h := range d.hits {
		s := d.sentOf(h)
		switch h.cat {
		case catReviewStrong, catPositiveReview, catReviewChange, catFeedbackChange:
			out[s] = true
		case catReviewWeak:
			if d.inSentence(catSolicit, s) || d.inSentence(catExchange, s) || d.inSentence(catIfHappy, s) {
				out[s] = true
			}
		}
	}
	return out
}

func (d *doc) checkReviews() {
	d.checkPublicGating()
	if !d.has[catReviewStrong] && !d.has[catReviewWeak] && !d.has[catPositiveReview] &&
		!d.has[catReviewChange] && !d.has[catFeedbackChange] && !d.has[catGatingStrong] && !d.has[catPersuasion] && !d.has[catStars] &&
		!d.has[catInnuendo] {
		return
	}
	// "If you liked it, you know what would help us ;)": the review is
	// hinted at without a word for it, which is pressing all the same.
	if d.m.Kind != KindReply {
		for _, h := range d.hitsOf(catInnuendo) {
			if d.hitFlags(h)&clReported == 0 {
				d.addHit("REVIEW_PERSUASION", Warn, h, "")
			}
		}
	}
	rev := d.reviewSentences()
	d.checkReviewIncentives(rev)
	d.checkPositiveRequests(rev)
	d.checkGating(rev)
	d.checkReviewChanges()
	// REVIEW_PERSUASION: pleading around a review request.
	for _, h := range d.hitsOf(catPersuasion) {
		if len(rev) > 0 || d.has[catReviewWeak] || d.speaksOfReviews(h) {
			d.addHit("REVIEW_PERSUASION", Warn, h, "")
		}
	}
}

// checkReviewIncentives reports REVIEW_INCENTIVE: an incentive in a review
// sentence, or in a neighbouring one when the two are tied: by an exchange
// ("… eine Rezension. Als Dankeschön …"), a return ("Im Gegenzug entfernen
// Sie …") or a condition in either ("Wir erstatten 20 €. Dafür passen Sie
// …", "… wenn Sie Ihre Bewertung anpassen").
func (d *doc) checkReviewIncentives(rev map[int]bool) {
	for _, h := range d.hitsOf(catIncentive) {
		s := d.sentOf(h)
		// "il rimborso non dipende dalla recensione" says there is no tie.
		if !(rev[s] || d.tiedToReview(rev, s)) || d.negatedOutside(h) || d.ruleTalk(h) {
			continue
		}
		d.addHit("REVIEW_INCENTIVE", Block, h, "")
	}
}

// tiedToReview reports whether sentence s, which holds an incentive, is
// tied to a review sentence next to it.
func (d *doc) tiedToReview(rev map[int]bool, s int) bool {
	if rev[s-1] && d.inSentence(catExchange, s) || rev[s+1] && d.inSentence(catInReturn, s+1) {
		return true
	}
	for _, n := range [2]int{s - 1, s + 1} {
		if !rev[n] || !d.asksReviewAct(n) {
			continue
		}
		if (d.sentenceFlags(s)|d.sentenceFlags(n))&clCond != 0 || d.inSentence(catExchange, n) || d.inSentence(catInReturn, s) {
			return true
		}
	}
	return false
}

// asksReviewAct reports a review sentence that asks for an act on a review:
// writing, changing or removing it.
func (d *doc) asksReviewAct(s int) bool {
	return d.inSentence(catReviewChange, s) || d.inSentence(catFeedbackChange, s) || d.inSentence(catSolicit, s) ||
		d.sentenceFlags(s)&(clRequest|clQuestion) != 0
}

// checkPositiveRequests reports POSITIVE_REVIEW_REQUEST: asking for praise,
// stars, or only happy buyers.
func (d *doc) checkPositiveRequests(rev map[int]bool) {
	for _, h := range d.hitsOf(catPositiveReview) {
		d.addHit("POSITIVE_REVIEW_REQUEST", Risk, h, "")
	}
	d.checkStarEmoji(rev)
	for _, h := range d.hitsOf(catStars) {
		s := d.sentOf(h)
		if (rev[s] || d.inSentence(catSolicit, s)) && !d.overlaps(h, catPositiveReview) {
			d.addHit("POSITIVE_REVIEW_REQUEST", Risk, h, "")
		}
	}
	d.checkSatisfiedThen(rev)
	// Asking only the happy ones is a request for a positive review and
	// review gating at once: both are named.
	for _, h := range d.hitsOf(catIfHappy) {
		s := d.sentOf(h)
		if rev[s] || rev[s+1] {
			d.addHit("POSITIVE_REVIEW_REQUEST", Risk, h, "happy")
			d.addHit("REVIEW_GATING", Risk, h, "happy")
		}
	}
}

// checkGating reports REVIEW_GATING: steering unhappy buyers away from reviews.
func (d *doc) checkGating(rev map[int]bool) {
	anyReview := len(rev) > 0
	for _, h := range d.hitsOf(catGatingStrong) {
		s := d.sentOf(h)
		if anyReview || d.inSentence(catReviewWeak, s) || (d.inSentence(catIfUnhappy, s) && d.reviewVerbIn(s)) || d.speaksOfReviews(h) {
			d.addHit("REVIEW_GATING", Risk, h, "")
		}
	}
	if !anyReview || d.has[catGatingStrong] {
		return
	}
	for _, h := range d.hitsOf(catIfUnhappy) {
		if d.inSentence(catContactUs, d.sentOf(h)) {
			d.addHit("REVIEW_GATING", Warn, h, "soft")
			return
		}
	}
}

// checkReviewChanges reports REVIEW_CHANGE_OR_REMOVAL: product reviews
// never; seller feedback only neutrally.
func (d *doc) checkReviewChanges() {
	for _, h := range d.hitsOf(catReviewChange) {
		if !d.overlaps(h, catFeedbackChange) && d.changeAsked(h) {
			d.addHit("REVIEW_CHANGE_OR_REMOVAL", Risk, h, "")
		}
	}
	// "Falls Sie eine Bewertung geschrieben haben, wäre es toll, wenn Sie
	// diese jetzt aktualisieren könnten": the review is named before.
	for _, h := range d.hitsOf(catChangePronoun) {
		s := d.sentOf(h)
		if !d.overlaps(h, catReviewChange) && d.reviewNamedBefore(h, s) && !d.formalYouIn(h) && d.changeAsked(h) {
			d.addHit("REVIEW_CHANGE_OR_REMOVAL", Risk, h, "")
		}
	}
	for _, h := range d.hitsOf(catFeedbackChange) {
		if d.changeAsked(h) {
			d.addHit("REVIEW_CHANGE_OR_REMOVAL", Warn, h, "feedback")
		}
	}
}

// changeAsked tells a request to change a review from what is not one: a
// negation ("Sie müssen nichts ändern"), the buyer's own plan ("dass Sie
// Ihre Rezension aktualisieren wollen"), the buyer's words reported, and an
// answer to the buyer's question of how ("Ihre Rezension können Sie
// jederzeit selbst bearbeiten").
func (d *doc) changeAsked(h hit) bool {
	f := d.hitFlags(h)
	if d.negatedNear(h) || f&clReported != 0 {
		return false
	}
	prev := d.prevClause(d.clauseAt(h.from))
	asked := f&(clRequest|clQuestion|clMust) != 0 || (prev != nil && prev.has(clRequest))
	if asked {
		return true
	}
	if f&clWish != 0 && f&clYou != 0 {
		return false // the buyer wants to
	}
	if d.m.Kind == KindReply && f&clCan != 0 && f&clCond == 0 {
		return false // how to, as the buyer asked
	}
	return true
}

// reviewVerbs are the bare verbs of reviewing. Alone they are too common to
// mean a product review ("review the proof"); next to a gating phrase and a
// problem they do: "if anything is wrong, contact us first - before you review".
var reviewVerbs = map[string]bool{"review": true, "rate": true, "bewerten": true, "rezensieren": true,
	"évaluer": true, "noter": true, "recensire": true, "valutare": true, "valorar": true, "reseñar": true}

// reviewVerbIn reports a bare review verb in sentence s.
func (d *doc) reviewVerbIn(s int) bool {
	for k := range d.toks {
		t := &d.toks[k]
		if t.sent == s && reviewVerbs[d.folded[t.fs:t.fe]] {
			return true
		}
	}
	return false
}

// overlaps reports whether a hit of cat shares a token with h.
func (d *doc) overlaps(h hit, cat category) bool {
	if !d.has[cat] {
		return false
	}
	for _, o := range d.hits {
		if o.cat == cat && h.from < o.to && o.from < h.to {
			return true
		}
	}
	return false
}

// speaksOfReviews reports whether the phrase itself names reviews ("every review counts").
func (d *doc) speaksOfReviews(h hit) bool {
	text := d.folded[d.toks[h.from].fs:d.toks[h.to-1].fe]
	for _, w := range []string{"review", "bewertung", "rezension", "avis", "recension", "reseña", "feedback",
		"valora", "puntua", "califica", "valuta", "noter", "étoile", "sterne", "stars", "stelle", "stellin", "estrell", "rating"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// reviewNamedBefore reports a review word before h in sentence s, or in
// the sentence before it.
func (d *doc) reviewNamedBefore(h hit, s int) bool {
	for _, cat := range [...]category{catReviewStrong, catReviewWeak} {
		for _, o := range d.hitsOf(cat) {
			if os := d.sentOf(o); (os == s && o.from < h.from) || os == s-1 {
				return true
			}
		}
	}
	return false
}

// formalYouIn reports that the pronoun of a change phrase is the formal
// "Sie" (you), as in "ändern Sie": then nothing named before is changed.
func (d *doc) formalYouIn(h hit) bool {
	for k := h.from; k < h.to; k++ {
		t := &d.toks[k]
		if d.word(k) == "sie" && d.runes[t.start] == 'S' {
			return true
		}
	}
	return false
}

// checkPublicGating reports REVIEW_GATING without the word "review": an
// unhappy buyer asked to come to the seller before speaking publicly.
func (d *doc) checkPublicGating() {
	for _, h := range d.hitsOf(catGatingPublic) {
		s := d.sentOf(h)
		if d.inSentence(catIfUnhappy, s) || d.inSentence(catIfUnhappy, s-1) || d.inSentence(catContactUs, s) {
			d.addHit("REVIEW_GATING", Risk, h, "")
		}
	}
}

// checkStarEmoji reports a row of star emoji ("⭐⭐⭐⭐⭐") in a sentence that
// speaks of a review or asks for something: five stars without the words.
func (d *doc) checkStarEmoji(rev map[int]bool) {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		if !starEmoji(rs[i]) {
			continue
		}
		j := i
		for j < len(rs) && (starEmoji(rs[j]) || rs[j] == 0xFE0F) {
			j++
		}
		if j-i >= 3 {
			if s, ok := d.sentenceAt(i); ok && (rev[s] || d.inSentence(catSolicit, s)) {
				d.add("POSITIVE_REVIEW_REQUEST", Risk, i, j, "")
			}
		}
		i = j
	}
}

func starEmoji(r rune) bool {
	return r == '⭐' || r == '★' || r == '🌟' || r == '✩' || r == '☆'
}

// sentenceAt returns the sentence of the first token at or after rune i,
// or of the last token before it.
func (d *doc) sentenceAt(i int) (int, bool) {
	if len(d.toks) == 0 {
		return 0, false
	}
	for k := range d.toks {
		if d.toks[k].end > i {
			if k > 0 && d.toks[k].start > i && d.toks[k].line != d.toks[k-1].line {
				return d.toks[k-1].sent, true
			}
			return d.toks[k].sent, true
		}
	}
	return d.toks[len(d.toks)-1].sent, true
}

// satisfiedWords name a good outcome: "Did the install go OK?", "Ist alles gut?".
var satisfiedWords = map[string]bool{}

// yesOpeners open a sentence that goes on from a "yes": "Falls ja:", "If so,", "Then …".
var yesOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`gut ok okay passt gepasst geklappt klappt funktioniert zufrieden gefällt gefallen
		good fine well happy satisfied pleased love like works worked
		bien bon marche fonctionne satisfait satisfaite content contente plaît
		bene funziona soddisfatto soddisfatta contento contenta piace
		funciona satisfecho satisfecha gusta encanta`) {
		satisfiedWords[w] = true
	}
	for _, w := range []string{"then", "dann", "alors", "allora", "entonces", "falls ja", "wenn ja", "if so", "if it did",
		"if yes", "if it does", "if they did", "if you are", "si oui", "si c'est le cas", "se sì", "se si", "se è così",
		"si es así", "si es el caso", "in that case", "in diesem fall", "dans ce cas", "in tal caso", "en ese caso"} {
		yesOpeners[w] = true
	}
}

// checkSatisfiedThen reports a review asked for right after the seller
// asked whether all went well: "All good? Then we'd love a review",
// "Hat der Einbau geklappt? Falls ja: eine kurze Rezension …". Only the
// satisfied are asked, which is a request for a positive review and review
// gating at once.
func (d *doc) checkSatisfiedThen(rev map[int]bool) {
	for s := range rev {
		if s == 0 || !d.opensWithYes(s) || !d.satisfactionAsked(s-1) {
			continue
		}
		from, _ := d.sentenceSpan(s - 1)
		_, to := d.sentenceSpan(s)
		d.add("POSITIVE_REVIEW_REQUEST", Risk, from, to, "happy")
		d.add("REVIEW_GATING", Risk, from, to, "happy")
	}
}

// opensWithYes reports a sentence whose first words are a yesOpener.
func (d *doc) opensWithYes(s int) bool {
	k := d.firstTokenOf(s)
	if k < 0 {
		return false
	}
	var buf [64]byte
	b := buf[:0]
	for n := 0; n < 4 && k+n < len(d.toks) && d.toks[k+n].sent == s; n++ {
		if n > 0 {
			b = append(b, ' ')
		}
		b = append(b, d.word(k+n)...)
		if yesOpeners[string(b)] { // no allocation: a map index by converted bytes
			return true
		}
	}
	return false
}

// satisfactionAsked reports a question about a good outcome in sentence s.
func (d *doc) satisfactionAsked(s int) bool {
	if d.sentenceFlags(s)&clQuestion == 0 {
		return false
	}
	for k := d.firstTokenOf(s); k >= 0 && k < len(d.toks) && d.toks[k].sent == s; k++ {
		if satisfiedWords[d.word(k)] {
			return true
		}
	}
	return false
}

// firstTokenOf returns the first token of sentence s, or -1. Sentence
// numbers never decrease along the tokens, so a binary search finds it.
func (d *doc) firstTokenOf(s int) int {
	k, _ := slices.BinarySearchFunc(d.toks, s, func(t token, s int) int { return cmp.Compare(t.sent, s) })
	if k < len(d.toks) && d.toks[k].sent == s {
		return k
	}
	return -1
}

// ruleTalk reports a hit in the buyer's quoted question or in a sentence
// that states Amazon's rule ("Amazon verbietet jede Gegenleistung für
// Rezensionen, egal ob Geld, Gutschein oder Produkt"): nothing is offered.
func (d *doc) ruleTalk(h hit) bool {
	return d.hitFlags(h)&clReported != 0 || d.inSentence(catRuleTalk, d.sentOf(h))
}
