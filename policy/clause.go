package policy

// The clause layer. Words alone cannot tell "bitte stornieren Sie die
// Bestellung" (the seller asks the buyer to cancel: forbidden) from "Sie
// müssen nichts stornieren" (negated) or "falls Sie nicht warten möchten,
// können Sie stornieren" (an option offered to a delayed buyer: allowed).
// So each sentence is split into clauses (at commas, colons, dashes,
// brackets and before subordinating conjunctions), and each clause records
// who it addresses and how: a negation, a condition, a request, an option,
// a wish, a question, an obligation. Rules combine the phrase hits of a
// clause (the act and its object) with these flags, and relate clauses of
// one sentence or of neighbouring sentences (money in one, a review in the
// other).

// clause flags.
const (
	clNeg      uint16 = 1 << iota // a negation: "nicht", "not", "pas", "non", "no"
	clCond                        // opened by "if", "wenn", "falls", "si", "se", "once"
	clYou                         // addresses the buyer: "Sie", "you", "vous", "Lei", "usted"
	clWe                          // the seller speaks: "wir", "we", "nous", "noi", "nosotros"
	clRequest                     // "bitte", "please", "veuillez", "la preghiamo", "por favor"
	clCan                         // an option: "können", "can", "may", "pouvez", "può", "puede"
	clWish                        // the buyer's wish: "möchten", "wish", "prefer", "souhaitez"
	clQuestion                    // the sentence is a question
	clMust                        // an obligation: "müssen", "need to", "devez", "deve", "debe"
	clAmazon                      // names Amazon
	clFuture                      // the seller will do it: "will", "werden", "allons"
	clReported                    // the buyer's words reported: "Sie schreiben, dass …", "you said …"
)

// clause is tokens [from, to) of one sentence.
type clause struct {
	from, to int
	sent     int
	flags    uint16
}

func (c *clause) has(f uint16) bool { return c.flags&f != 0 }

// clauseWords gives the flags a word sets on its clause, and wordSub for a
// word that opens a new clause (a subordinating or coordinating conjunction).
// One table, so each token is looked up once.
var clauseWords = map[string]uint16{}

// wordSub marks a conjunction in clauseWords; it is no clause flag.
const wordSub uint16 = 1 << 15

func init() {
	add := func(f uint16, words ...string) {
		for _, w := range words {
			clauseWords[w] |= f
		}
	}
	add(clNeg, "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nichts", "nie", "niemals", "weder",
		"not", "no", "never", "nothing", "don", "doesn", "didn", "won", "isn", "aren", "t", "nor", "neither", "without",
		"ne", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ohne",
		"non", "mai", "niente", "nulla", "nessun", "nessuna", "senza", "né", "ni",
		"nunca", "nada", "ningún", "ninguna", "ninguno", "sin")
	add(clCond, "wenn", "falls", "sofern", "sobald", "nachdem", "sollten", "sollte", "wer",
		"if", "once", "unless", "provided", "whenever", "whoever", "anyone",
		"si", "s'il", "lorsque", "dès", "se", "qualora", "appena", "cuando", "mientras", "siempre")
	// Pronouns only: "your order" names the buyer's order, not an act of the buyer.
	add(clYou, "du", "dich", "dir", "euch", "ihnen",
		"you", "yourself",
		"vous", "tu", "te", "toi",
		"lei", "voi", "tu", "ti",
		"usted", "ustedes", "tú")
	add(clWe, "wir", "ich", "we", "nous", "je", "noi", "io", "nosotros", "yo")
	// "wäre es lieb, wenn Sie …", "wären Sie so nett", "would you mind": polite requests.
	add(clRequest, "bitte", "please", "kindly", "lieb", "nett", "freundlich", "mind", "aimable", "amable", "gentilezza", "cortesia", "sarebbe", "sería", "serait", "veuillez", "merci", "prière", "preghiamo", "prego",
		"favor", "rogamos", "ruego", "pedimos", "chiediamo", "demandons", "bitten", "ask", "request",
		"invitiamo", "invitons", "invitamos")
	add(clCan, "können", "kannst", "könnt", "dürfen", "darfst", "can", "may", "could", "might",
		"pouvez", "peux", "pouvoir", "possible", "può", "puoi", "potete", "possibile", "puede", "puedes", "pueden", "posible",
		"könnten", "pourriez", "potrebbe", "podría", "podrían", "would", "potesse", "potessi", "pudiera", "pudieras", "puissiez")
	add(clWish, "möchten", "wünschen", "wollen", "willst", "möchtest", "wunsch", "lieber", "bevorzugen",
		"wish", "prefer", "want", "wants", "rather",
		"souhaitez", "souhaitiez", "préférez", "voulez", "désirez",
		"desidera", "preferisce", "vuole", "desideri", "preferisci", "vuoi",
		"desea", "prefiere", "quiere", "deseas", "prefieres", "quieres")
	add(clMust, "müssen", "musst", "müsstest", "müssten", "sollten", "must", "need", "needs", "should",
		"devez", "devriez", "faut", "deve", "dovrebbe", "devi", "debe", "debería", "necesita")
	add(clAmazon, "amazon")
	add(clFuture, "will", "ll", "werden", "werde", "allons", "vais", "procéderons", "provvederemo", "procederemo", "procederemos", "vamos")
	for _, w := range []string{"wenn", "falls", "sofern", "sobald", "nachdem", "weil", "da", "damit", "dass", "ob", "bevor",
		"if", "once", "because", "so", "unless", "when", "before", "after", "but", "and", "or", "then", "aber", "dann", "sondern", "oder", "und",
		"si", "lorsque", "parce", "puisque", "mais", "ou", "et", "afin",
		"se", "perché", "quando", "appena", "ma", "oppure", "e", "qualora", "affinché",
		"cuando", "porque", "pero", "o", "y", "aunque", "para"} {
		clauseWords[w] |= wordSub
	}
}

// clauseBreak reports a rune that ends a clause inside a sentence.
func clauseBreak(r rune) bool {
	switch r {
	// Brackets hold an aside; the clause goes on after them ("haben wir Ihre
	// Bestellung (Eichentisch) storniert").
	case ',', ':', '–', '—':
		return true
	}
	return false
}

// buildClauses splits the sentences into clauses and sets their flags. A
// question mark makes every clause of its sentence a question.
func (d *doc) buildClauses() {
	d.clauses = d.clauses[:0]
	d.clauseOf = d.clauseOf[:0]
	d.wordFlags = d.wordFlags[:0]
	for k := range d.toks {
		t := &d.toks[k]
		w := d.folded[t.fs:t.fe]
		f := clauseWords[w]
		d.wordFlags = append(d.wordFlags, f)
		newClause := k == 0 || d.toks[k-1].sent != t.sent
		if !newClause {
			// "11:42" and "59,80" are numbers, not two clauses.
			between := d.runes[d.toks[k-1].end:t.start]
			numeric := len(between) == 1 && d.toks[k-1].has(tokDigit) && t.has(tokDigit)
			for _, r := range between {
				if clauseBreak(r) && !numeric {
					newClause = true
					break
				}
			}
			if !newClause && f&wordSub != 0 && len(d.clauses) > 0 && k-d.clauses[len(d.clauses)-1].from >= 2 {
				newClause = true
			}
		}
		if newClause {
			d.clauses = append(d.clauses, clause{from: k, to: k, sent: t.sent})
		}
		c := &d.clauses[len(d.clauses)-1]
		c.to = k + 1
		f &^= wordSub
		if w == "sie" && d.formalYou(k) {
			f |= clYou
		}
		if f&clCond != 0 && k != c.from && w != "sollten" && w != "sollte" {
			f &^= clCond // "if" opens its clause; elsewhere it is another word ("se" in Spanish, "si" as "yes")
		}
		c.flags |= f
		d.clauseOf = append(d.clauseOf, int32(len(d.clauses)-1))
	}
	d.inheritCoordinated()
	d.markReported()
	// Questions: the sentence's last clause is followed by a question mark.
	for i := range d.clauses {
		c := &d.clauses[i]
		last := &d.toks[c.to-1]
		for _, r := range d.runes[last.end:min(last.end+3, len(d.runes))] {
			if r == '?' {
				for j := i; j >= 0 && d.clauses[j].sent == c.sent; j-- {
					d.clauses[j].flags |= clQuestion
				}
				break
			}
			if r == '.' || r == '!' || r == '\n' {
				break
			}
		}
	}
}

// formalYou tells the German formal "Sie" (you) from "sie" (she, they): it
// is capitalised inside a sentence; at the start of one it is read as "you",
// which is what a seller's message nearly always means.
func (d *doc) formalYou(k int) bool {
	t := &d.toks[k]
	return d.runes[t.start] == 'S' || d.firstOfSentence(k)
}

func (d *doc) firstOfSentence(k int) bool { return k == 0 || d.toks[k-1].sent != d.toks[k].sent }

// clauseAt returns the clause of token k.
func (d *doc) clauseAt(k int) *clause { return &d.clauses[d.clauseOf[k]] }

// sentenceFlags ORs the flags of every clause of sentence s.
func (d *doc) sentenceFlags(s int) uint16 {
	var f uint16
	for i := range d.clauses {
		if d.clauses[i].sent == s {
			f |= d.clauses[i].flags
		} else if d.clauses[i].sent > s {
			break
		}
	}
	return f
}

// hitFlags are the flags of the clause holding the start of h, with the
// question flag of its sentence.
func (d *doc) hitFlags(h hit) uint16 { return d.clauseAt(h.from).flags }

// negatedNear reports a negation close to hit h in its clause: up to six
// tokens before it ("Sie müssen nichts stornieren", "don't need to cancel")
// or, after a verb alone, three after ("stornieren Sie bitte nicht"). A negation further away
// belongs to something else ("… instead, at no extra cost").
func (d *doc) negatedNear(h hit) bool {
	c := d.clauseAt(h.from)
	after := h.to
	if h.to-h.from == 1 {
		after = h.to + 3 // a verb alone: "stornieren Sie bitte nicht"
	}
	for k := max(c.from, h.from-6); k < min(c.to, after); k++ {
		if d.wordFlags[k]&clNeg != 0 {
			return true
		}
	}
	return false
}

// reportingVerbs introduce the buyer's own words: "Sie schreiben, dass Sie
// einen Anwalt einschalten möchten" reports a threat, it makes none.
var reportingVerbs = map[string]bool{
	"schreiben": true, "schrieben": true, "sagen": true, "sagten": true, "erwähnen": true, "erwähnten": true,
	"drohen": true, "drohten": true, "meinen": true, "write": true, "wrote": true, "say": true, "said": true,
	"mention": true, "mentioned": true, "threaten": true, "threatened": true, "écrivez": true, "dites": true,
	"scrive": true, "dice": true, "scritto": true, "detto": true, "escribe": true,
	"menciona": true, "comenta": true,
}

// markReported flags the clauses after a reporting clause ("Sie schreiben",
// "you said") in the same sentence, and the reporting clause itself.
func (d *doc) markReported() {
	for i := range d.clauses {
		c := &d.clauses[i]
		if d.asksWhether(c) {
			// "Zu Ihrer Frage, ob es für eine Rezension einen Rabatt gibt": the
			// buyer's question quoted, from here to the end of the sentence.
			for j := i; j < len(d.clauses) && d.clauses[j].sent == c.sent; j++ {
				d.clauses[j].flags |= clReported
			}
			continue
		}
		// "si vous écrivez encore …" is a condition, not the buyer's words.
		if !c.has(clYou) || c.has(clCond) {
			continue
		}
		for k := c.from; k < c.to && k < c.from+3; k++ {
			// "Schreiben Sie uns …" is a request, "Sie schreiben, …" a report.
			if k == c.from && k+1 < len(d.toks) && d.word(k+1) == "sie" {
				continue
			}
			if reportingVerbs[d.folded[d.toks[k].fs:d.toks[k].fe]] {
				for j := i; j < len(d.clauses) && d.clauses[j].sent == c.sent; j++ {
					d.clauses[j].flags |= clReported
				}
				break
			}
		}
	}
}

// questionNouns name the buyer's question: "Ihre Frage, ob …", "your question whether …".
var questionNouns = map[string]bool{"frage": true, "question": true, "demande": true, "domanda": true, "pregunta": true,
	"asked": true, "gefragt": true, "chiesto": true, "preguntado": true, "demandé": true, "wondered": true, "wondering": true}

var whetherWords = map[string]bool{"ob": true, "whether": true, "if": true, "si": true, "se": true, "about": true}

// asksWhether reports a clause that quotes the buyer's question: a question
// noun followed by "ob", "whether", "si" within two words.
func (d *doc) asksWhether(c *clause) bool {
	for k := c.from; k < c.to; k++ {
		if !questionNouns[d.word(k)] {
			continue
		}
		for j := k + 1; j <= k+3 && j < len(d.toks) && d.toks[j].sent == c.sent; j++ {
			if whetherWords[d.word(j)] {
				return true
			}
		}
	}
	return false
}

// negatedOutside reports a negation in the clause of h that is not part of
// h itself ("don't miss our sale" carries its own).
func (d *doc) negatedOutside(h hit) bool {
	c := d.clauseAt(h.from)
	for k := c.from; k < c.to; k++ {
		if k >= h.from && k < h.to {
			continue
		}
		if d.wordFlags[k]&clNeg != 0 {
			return true
		}
	}
	return false
}

// coordinators join two clauses that may share their subject: "you can
// edit or delete your review", "Sie können … und … ".
var coordinators = map[string]bool{"and": true, "or": true, "und": true, "oder": true, "et": true, "ou": true,
	"e": true, "o": true, "y": true, "u": true}

// inheritCoordinated gives a clause opened by "and"/"or" without a subject
// of its own the subject and mode of the clause before it.
func (d *doc) inheritCoordinated() {
	const shared = clYou | clWe | clCan | clMust | clWish | clRequest
	for i := 1; i < len(d.clauses); i++ {
		c, p := &d.clauses[i], &d.clauses[i-1]
		if p.sent != c.sent || !coordinators[d.word(c.from)] || c.has(clYou|clWe) {
			continue
		}
		c.flags |= p.flags & shared
	}
}
