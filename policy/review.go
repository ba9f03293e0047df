package policy

import "strings"

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
	if !d.has[catReviewStrong] && !d.has[catReviewWeak] && !d.has[catPositiveReview] &&
		!d.has[catReviewChange] && !d.has[catFeedbackChange] && !d.has[catGatingStrong] && !d.has[catPersuasion] && !d.has[catStars] {
		return
	}
	rev := d.reviewSentences()
	incentiveSent := map[int]bool{}

	// REVIEW_INCENTIVE: an incentive in a review sentence, or in the sentence
	// after one when an exchange ties them ("… eine Rezension. Als Dankeschön …"),
	// or in the sentence before one that asks for the review in return
	// ("Wir haben Ihnen alles erstattet. Im Gegenzug entfernen Sie …").
	for _, h := range d.hitsOf(catIncentive) {
		s := d.sentOf(h)
		if rev[s] || (rev[s-1] && d.inSentence(catExchange, s)) || (rev[s+1] && d.inSentence(catInReturn, s+1)) {
			if !incentiveSent[s] {
				d.addHit("REVIEW_INCENTIVE", Block, h, "")
			}
			incentiveSent[s] = true
		}
	}

	// POSITIVE_REVIEW_REQUEST: asking for praise, stars, or only happy buyers.
	for _, h := range d.hitsOf(catPositiveReview) {
		d.addHit("POSITIVE_REVIEW_REQUEST", Risk, h, "")
	}
	for _, h := range d.hitsOf(catStars) {
		s := d.sentOf(h)
		if (rev[s] || d.inSentence(catSolicit, s)) && !d.overlaps(h, catPositiveReview) {
			d.addHit("POSITIVE_REVIEW_REQUEST", Risk, h, "")
		}
	}
	for _, h := range d.hitsOf(catIfHappy) {
		s := d.sentOf(h)
		if rev[s] || rev[s+1] {
			d.addHit("POSITIVE_REVIEW_REQUEST", Risk, h, "happy")
		}
	}

	// REVIEW_GATING: steering unhappy buyers away from reviews.
	anyReview := len(rev) > 0
	for _, h := range d.hitsOf(catGatingStrong) {
		s := d.sentOf(h)
		if anyReview || d.inSentence(catReviewWeak, s) || (d.inSentence(catIfUnhappy, s) && d.reviewVerbIn(s)) {
			d.addHit("REVIEW_GATING", Risk, h, "")
		}
	}
	if anyReview && !d.has[catGatingStrong] {
		for _, h := range d.hitsOf(catIfUnhappy) {
			s := d.sentOf(h)
			if d.inSentence(catContactUs, s) {
				d.addHit("REVIEW_GATING", Warn, h, "soft")
				break
			}
		}
	}

	// REVIEW_CHANGE_OR_REMOVAL: product reviews never; seller feedback only neutrally.
	for _, h := range d.hitsOf(catReviewChange) {
		if !d.overlaps(h, catFeedbackChange) {
			d.addHit("REVIEW_CHANGE_OR_REMOVAL", Risk, h, "")
		}
	}
	for _, h := range d.hitsOf(catFeedbackChange) {
		d.addHit("REVIEW_CHANGE_OR_REMOVAL", Warn, h, "feedback")
	}

	// REVIEW_PERSUASION: pleading around a review request.
	for _, h := range d.hitsOf(catPersuasion) {
		if anyReview || d.has[catReviewWeak] || d.speaksOfReviews(h) {
			d.addHit("REVIEW_PERSUASION", Warn, h, "")
		}
	}
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
	for _, w := range []string{"review", "bewertung", "rezension", "avis", "recension", "reseña", "feedback"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
