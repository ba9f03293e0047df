package policy

// Rules on acts, read through the clause layer: who is asked to do what,
// whether it is negated, offered as an option or wished for.

// sellerCancels are first-person forms: the seller cancels, which is what
// Amazon wants when an item cannot be shipped.
var sellerCancels = map[string]bool{
	"annulerons": true, "annulons": true, "annulé": false, "annulleremo": true, "annulliamo": true,
	"cancelleremo": true, "cancelliamo": true, "cancelaremos": true, "cancelamos": true, "anularemos": true,
	"anulamos": true, "procederemos": true, "provvederemo": true,
}

// checkCancelRequests reports OOS_ASK_TO_CANCEL: the buyer asked or steered
// to cancel. Allowed: the seller cancels ("wir stornieren", "we will
// cancel"), a negation ("Sie müssen nichts stornieren"), and an option given
// to a buyer with a wish of their own ("falls Sie nicht warten möchten,
// können Sie stornieren").
func (d *doc) checkCancelRequests() {
	reported := -1
	for _, h := range d.hitsOf(catCancelRequest) {
		// "geben Sie uns bitte Bescheid – dann stornieren wir": the request is
		// for a word, the cancelling is the seller's.
		if c := d.clauseAt(h.to - 1); c.has(clWe) && !d.asksBuyer(c) || d.negatedNear(h) {
			continue
		}
		d.addHit("OOS_ASK_TO_CANCEL", Risk, h, "")
		reported = d.sentOf(h)
	}
	for _, h := range d.hitsOf(catCancelAct) {
		s := d.sentOf(h)
		if s == reported {
			continue
		}
		sev := d.cancelAsked(h)
		if sev == 0 {
			continue
		}
		d.addHit("OOS_ASK_TO_CANCEL", sev, h, "")
		reported = s
	}
}

// cancelAsked decides one cancel word: 0 when nobody asks the buyer to cancel.
func (d *doc) cancelAsked(h hit) Severity {
	c := d.clauseAt(h.from)
	s := d.sentOf(h)
	sf := d.sentenceFlags(s)
	w := d.folded[d.toks[h.from].fs:d.toks[h.from].fe]
	if d.negatedNear(h) || sellerCancels[w] {
		return 0
	}
	// The seller acts: "wir stornieren", "we will cancel it for you".
	if c.has(clWe) && !c.has(clRequest) && !d.asksBuyer(c) {
		return 0
	}
	// A button's name ("Cancel items", "Artikel stornieren") is a pointer, not a command.
	label := d.overlaps(h, catCancelPointer)
	prev := d.prevClause(c)
	requested := !label && c.has(clRequest) || (prev != nil && prev.has(clRequest) && !prev.has(clNeg)) ||
		(c.has(clQuestion) && c.has(clCan|clYou)) || (c.has(clMust) && c.has(clYou)) || d.imperativeAt(h.from)
	if requested && !label {
		return Risk
	}
	// The button named and the buyer told to press it ("there's a 'Cancel
	// items' button – just click it"): steering, whatever the buyer wished.
	if label && d.pressAsked(s) {
		return Risk
	}
	if d.m.Kind == KindReply {
		return 0 // an answer to the buyer's own question about cancelling
	}
	wish := sf&clWish != 0 || (d.prevSentenceFlags(s)&clWish != 0)
	// "Cancel it under Your Orders": a pointer to the button is steering.
	if d.inSentence(catCancelPointer, s) && c.has(clYou|clCan) {
		if wish {
			return Warn
		}
		return Risk
	}
	// The buyer's own cancellation presented as the way to the money.
	if c.has(clYou|clCan) && !wish && (d.inSentence(catRefund, s) || d.inSentence(catRefund, s+1)) && !c.has(clCond) {
		return Warn
	}
	return 0
}

// amountWords name a sum to be paid.
var amountWords = map[string]bool{
	"amount": true, "betrag": true, "summe": true, "montant": true, "somme": true, "importo": true, "importe": true,
	"difference": true, "differenz": true, "différence": true, "differenza": true, "diferencia": true,
}

// amountIn reports a sum named in clause c: "send the amount via Venmo".
func (d *doc) amountIn(c *clause) bool {
	for k := c.from; k < c.to; k++ {
		if amountWords[d.word(k)] {
			return true
		}
	}
	return false
}

// buyerSubjects open a clause whose subject is the buyer: "Sie können",
// "you can", "vous pouvez", "puede enviarnos".
var buyerSubjects = map[string]bool{
	"you": true, "vous": true, "tu": true, "sie": true, "du": true, "lei": true, "usted": true, "ustedes": true,
	"puede": true, "puedes": true, "può": true, "puoi": true, "pouvez": true, "peux": true, "können": true, "kannst": true,
}

// buyerSubject reports a clause that opens with the buyer as its subject.
func (d *doc) buyerSubject(c *clause) bool {
	return c.from < c.to && buyerSubjects[d.word(c.from)]
}

// pressWords are the verbs of pressing a button.
var pressWords = map[string]bool{
	"click": true, "hit": true, "press": true, "tap": true, "klicken": true, "klick": true, "anklicken": true,
	"drücken": true, "tippen": true, "cliquez": true, "cliquer": true, "appuyez": true, "appuyer": true,
	"premere": true, "prema": true, "premi": true, "cliccare": true, "clicchi": true, "clicca": true,
	"pulse": true, "pulsa": true, "pulsar": true, "clic": true, "pinche": true,
}

// pressAsked reports a verb of pressing a button in sentence s.
func (d *doc) pressAsked(s int) bool {
	for k := range d.toks {
		if d.toks[k].sent == s && pressWords[d.word(k)] {
			return true
		}
	}
	return false
}

// asksBuyer reports "wir bitten Sie", "we ask you", "nous vous demandons":
// the seller speaks, but the act is the buyer's.
func (d *doc) asksBuyer(c *clause) bool {
	for k := c.from; k < c.to; k++ {
		switch d.folded[d.toks[k].fs:d.toks[k].fe] {
		case "bitten", "ask", "asking", "request", "demandons", "chiediamo", "pedimos", "rogamos", "invitiamo", "invitons":
			return true
		}
	}
	return false
}

// prevClause is the clause before c in the same sentence, or nil.
func (d *doc) prevClause(c *clause) *clause {
	i := int(d.clauseOf[c.from])
	if i == 0 || d.clauses[i-1].sent != c.sent {
		return nil
	}
	return &d.clauses[i-1]
}

func (d *doc) prevSentenceFlags(s int) uint16 {
	if s == 0 {
		return 0
	}
	return d.sentenceFlags(s - 1)
}

// imperativeAt reports a command at token k: the verb first in its clause
// ("Stornieren Sie", "Cancel the order", "Annulez", "Annulli", "Cancele"),
// possibly after "please", "just" or "simply".
func (d *doc) imperativeAt(k int) bool {
	c := d.clauseAt(k)
	first := c.from
	for first < k {
		switch d.folded[d.toks[first].fs:d.toks[first].fe] {
		case "please", "just", "simply", "kindly", "bitte", "einfach", "doch", "gerne", "merci", "de", "d",
			"veuillez", "simplement", "por", "favor", "semplicemente", "basta", "solo", "simplemente", "then", "dann", "so":
			first++
			continue
		}
		break
	}
	if first != k {
		return false
	}
	w := d.folded[d.toks[k].fs:d.toks[k].fe]
	if k+1 < len(d.toks) && d.clauseOf[k+1] == d.clauseOf[k] {
		next := d.folded[d.toks[k+1].fs:d.toks[k+1].fe]
		if next == "sie" && len(w) > 2 && w[len(w)-2:] == "en" {
			return true // "Stornieren Sie"
		}
	}
	switch w {
	case "cancel", "annulez", "annulli", "annullate", "cancele", "cancela", "anule", "anula":
		return true
	}
	return false
}

// checkSubstitutes reports OOS_SUBSTITUTE: another product offered for an
// item that cannot be shipped.
func (d *doc) checkSubstitutes() {
	if !d.has[catOutOfStock] {
		return
	}
	for _, h := range d.hitsOf(catSubstitute) {
		if d.negatedNear(h) {
			continue
		}
		d.addClause("OOS_SUBSTITUTE", Risk, h, "")
	}
}

// checkSensitiveData reports SENSITIVE_DATA: bank details, card numbers,
// passwords or ID documents asked for, or a payment outside Amazon asked
// of the buyer (which is also OFF_AMAZON_CONTACT). "Sie
// müssen uns keine Bankdaten schicken" is negated; a phone number for the
// carrier is not sensitive data at all.
func (d *doc) checkSensitiveData() {
	last := -1
	for _, h := range d.hitsOf(catSensitive) {
		c := d.clauseAt(h.from)
		s := d.sentOf(h)
		// Any negation in the clause: "Ihre Bankdaten brauchen wir dafür nicht".
		if c.has(clNeg) || s == last {
			continue
		}
		// Only what is asked for: "a temporary password" handed over, or the
		// "3-pin plug", asks nothing of the buyer.
		if !(c.has(clRequest|clQuestion|clMust) || d.inSentence(catProvide, s) || d.inSentence(catRefund, s) ||
			d.inSentence(catPayOff, s) || d.imperativeAt(c.from)) {
			continue
		}
		d.addClause("SENSITIVE_DATA", Risk, h, "")
		last = s
	}
	// Paying or being paid outside Amazon moves the money off Amazon: that
	// is leading the buyer off Amazon, whether or not data is asked for.
	// A refund sent back ("überweisen wir Ihnen … zurück") is the seller's
	// refund, judged by the review rules when tied to a review.
	lastPay := -1
	for _, h := range d.hitsOf(catPayOff) {
		if d.negatedNear(h) || d.sentOf(h) == lastPay || d.overlaps(h, catRefund) || d.ruleTalk(h) {
			continue
		}
		d.addHit("OFF_AMAZON_CONTACT", Risk, h, "payoff")
		lastPay = d.sentOf(h)
		// The buyer asked to pay that way is also asked for a payment off
		// Amazon ("Sie können den Betrag per PayPal überweisen").
		if c := d.clauseAt(h.from); !c.has(clWe) && (c.has(clYou|clRequest|clQuestion|clMust) || d.imperativeAt(c.from) || d.amountIn(c)) || d.buyerSubject(c) {
			d.addHit("SENSITIVE_DATA", Risk, h, "payoff")
		}
	}
}

// checkTone reports TONE: insults, blame and sarcasm aimed at the buyer,
// and threats. The seller's criticism of their own mistake is not aimed at
// the buyer ("ein dummer Fehler von uns").
func (d *doc) checkTone() {
	for _, h := range d.hitsOf(catInsult) {
		if d.selfCriticism(h) || d.hitFlags(h)&clReported != 0 {
			continue
		}
		d.addHit("TONE", Risk, h, "")
	}
	// "blöd gelaufen", "a stupid mistake": about a situation unless the buyer is addressed.
	for _, h := range d.hitsOf(catInsultMild) {
		if f := d.hitFlags(h); f&clYou == 0 || f&clReported != 0 || d.selfCriticism(h) {
			continue
		}
		d.addHit("TONE", Risk, h, "")
	}
	for _, h := range d.hitsOf(catBlame) {
		d.addHit("TONE", Risk, h, "blame")
	}
	for _, h := range d.hitsOf(catThreat) {
		if d.negatedNear(h) || d.hitFlags(h)&clReported != 0 {
			continue // "Sie schreiben, dass Sie einen Anwalt einschalten möchten": the buyer's words
		}
		d.addHit("TONE", Risk, h, "threat")
	}
}

// selfCriticism reports a harsh word about the seller's own doing: "a
// stupid mistake on our side", "unser dummer Fehler", "notre faute".
func (d *doc) selfCriticism(h hit) bool {
	c := d.clauseAt(h.from)
	for k := c.from; k < c.to; k++ {
		switch d.folded[d.toks[k].fs:d.toks[k].fe] {
		case "our", "we", "us", "my", "mine", "unser", "unsere", "unserer", "unseren", "unserem", "uns", "wir", "mein", "meine",
			"notre", "nous", "nostro", "nostra", "nuestro", "nuestra", "mío", "mio":
			return true
		}
	}
	return false
}

// addClause records a finding on the whole clause of h: the request ("bitte
// schicken Sie uns Ihre IBAN"), not only its object, is what is at fault.
func (d *doc) addClause(rule string, sev Severity, h hit, variant string) {
	c := d.clauseAt(h.from)
	d.add(rule, sev, d.toks[c.from].start, d.toks[max(c.to, h.to)-1].end, variant)
}
