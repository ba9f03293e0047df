package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FILTER_EVASION: sellers' forums recommend disguising the words Amazon's
// filter looks for ("r3view", "sha*re", "f33dback", "b e w e r t u n g").
// Amazon treats a disguised word as an attempt to hide content, so the
// disguise is a finding of its own; and the word is written back in plain
// letters (padded with spaces, so every offset stays valid) before the word
// rules run, so "5 st*rne" is still a request for five stars.

// watchWords are the words worth disguising: reviews, ratings, contact
// channels, money. Only these are looked for, so "mp3" and "B2B" stay words.
var watchWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`review reviews rezension rezensionen bewertung bewertungen bewerten
		feedback sterne stern sternen stars star rating ratings rate share teilen
		avis commentaire évaluation evaluation recensione recensioni valutazione valutazioni
		reseña reseñas resena resenas opinión opinion valoración valoracion estrellas estrella
		étoiles etoiles stelle stella email mail whatsapp paypal instagram facebook telegram
		telefon phone website gutschein coupon rabatt discount refund erstattung gratis amazon
		positive positiv`) {
		watchWords[w] = true
	}
}

// plainForms are ordinary spellings that look disguised: a hyphen or a dot
// that belongs to the word.
var plainForms = map[string]bool{"e-mail": true, "e-mails": true, "e.mail": false, "re-view": false}

// leet maps the digits and symbols used for letters.
func leet(r rune) rune {
	switch r {
	case '0':
		return 'o'
	case '1', '!', '|':
		return 'i'
	case '3':
		return 'e'
	case '4', '@':
		return 'a'
	case '5', '$':
		return 's'
	case '7':
		return 't'
	}
	return r
}

// evasionSymbol are the runes inserted into a word to break it up.
func evasionSymbol(r rune) bool {
	switch r {
	case '*', '.', '-', '_', '|', '+', '~', '#', '/', '\\':
		return true
	}
	return false
}

// unmaskEvasions finds disguised watch words in d.runes, reports them and
// writes them back in plain letters.
func (d *doc) unmaskEvasions() {
	rs := d.runes
	for i := 0; i < len(rs); {
		if isSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && !isSpace(rs[j]) {
			j++
		}
		s, e := i, j
		i = j
		if e-s < 4 {
			continue
		}
		for s < e && wordPunct(rs[s]) {
			s++
		}
		for e > s && wordPunct(rs[e-1]) {
			e--
		}
		// Most words are letters only, with at most a comma or full stop
		// after them: those are no disguise.
		odd := false
		for _, r := range rs[s:e] {
			if r < 'A' || (r > 'Z' && r < 'a') || (r > 'z' && r < 0xC0) {
				odd = true // a digit or a symbol: a possible disguise
				break
			}
		}
		if odd && e-s >= 4 && !d.masked(s, e) {
			d.disguisedWord(s, e)
		}
	}
	d.spacedLetters()
}

// wordPunct is punctuation around a word, never part of a disguise.
func wordPunct(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', '"', '(', ')', '[', ']', '«', '»', '„', '“', '”', '.':
		return true
	}
	return false
}

// disguisedWord checks the word runes [s, e): digits or symbols inside
// letters that, read as letters, spell a watch word.
func (d *doc) disguisedWord(s, e int) {
	// A symbol at either end is punctuation or a footnote ("stars*"), not a disguise.
	for s < e && evasionSymbol(d.runes[s]) {
		s++
	}
	for e > s && evasionSymbol(d.runes[e-1]) {
		e--
	}
	rs := d.runes[s:e]
	letters, odd := 0, 0
	for _, r := range rs {
		switch {
		case unicode.IsLetter(r):
			letters++
		case isDigit(r) || evasionSymbol(r) || r == '@' || r == '$' || r == '!':
			odd++
		default:
			return
		}
	}
	if odd == 0 || letters < 2 {
		return
	}
	// The letters-only reading, built on the stack: this runs for every
	// hyphenated word ("Amazon-Konto"), nearly all of which are no disguise.
	var buf [64]byte
	cand, wild := buf[:0], false
	for _, r := range rs {
		r = unicode.ToLower(r)
		switch {
		case r == '*':
			wild = true
			cand = append(cand, '*')
		case evasionSymbol(r):
		default:
			cand = utf8.AppendRune(cand, leet(r))
		}
		if len(cand) > 40 {
			return // longer than any watch word
		}
	}
	word := ""
	if !wild && watchWords[string(cand)] {
		word = string(cand) // "r.e.v.i.e.w", "f33dback"
	} else if wild {
		plain := cand[:0:0]
		for _, c := range cand {
			if c != '*' {
				plain = append(plain, c)
			}
		}
		if watchWords[string(plain)] {
			word = string(plain) // "sha*re"
		} else {
			word = matchWild(string(cand)) // "st*rne", "rev**w"
		}
	}
	if word == "" || plainForms[strings.ToLower(string(rs))] {
		return
	}
	d.add("FILTER_EVASION", Risk, s, e, "")
	d.rewrite(s, e, word)
}

// matchWild finds the watch word that cand spells with each '*' standing
// for one letter.
func matchWild(cand string) string {
	for w := range watchWords {
		if len(w) != len(cand) {
			continue
		}
		ok := true
		for k := 0; k < len(w) && ok; k++ {
			ok = cand[k] == '*' || cand[k] == w[k]
		}
		if ok {
			return w
		}
	}
	return ""
}

// spacedLetters finds watch words spelled with a space (or a symbol and a
// space) between their letters: "b e w e r t u n g", "R - E - V - I - E - W".
func (d *doc) spacedLetters() {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		if !unicode.IsLetter(rs[i]) || (i > 0 && !isSpace(rs[i-1])) {
			continue
		}
		var buf [64]byte
		b, n := buf[:0], 0
		j, last := i, i
		for j < len(rs) && unicode.IsLetter(rs[j]) && (j+1 >= len(rs) || !unicode.IsLetter(rs[j+1])) && len(b) < 40 {
			b = utf8.AppendRune(b, unicode.ToLower(rs[j]))
			n++
			last = j
			k := j + 1
			for k < len(rs) && k-j <= 3 && (rs[k] == ' ' || evasionSymbol(rs[k])) {
				k++
			}
			if k == j+1 || k >= len(rs) || !unicode.IsLetter(rs[k]) {
				break
			}
			j = k
		}
		if n >= 4 && watchWords[string(b)] && !d.masked(i, last+1) {
			d.add("FILTER_EVASION", Risk, i, last+1, "")
			d.rewrite(i, last+1, string(b))
		}
		i = last
	}
}

// rewrite replaces runes [s, e) by word, padded with spaces. Excerpts of
// invalid UTF-8 text are cut from the runes, so those keep their original.
func (d *doc) rewrite(s, e int, word string) {
	if !d.validUTF8 && d.original == nil {
		d.original = append(d.originalBuf[:0], d.runes...)
		d.originalBuf = d.original
	}
	k := s
	for _, r := range word {
		if k < e {
			d.runes[k] = r
			k++
		}
	}
	for ; k < e; k++ {
		d.runes[k] = ' '
	}
}

// digitWords are the digits written as words, in the five languages.
var digitWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`null eins zwei zwo drei vier fünf fuenf sechs sieben acht neun
		zero oh one two three four five six seven eight nine
		zéro un deux trois quatre cinq six sept huit neuf
		uno due tre quattro cinque sei sette otto nove
		cero dos cuatro cinco seis siete ocho nueve`) {
		digitWords[w] = true
	}
}

// spelledNumbers finds phone numbers written out in words ("null eins
// sechs zwei – neun acht …", "oh seven nine one one"): a number nobody
// spells unless the filter is to miss it. Seven or more digits in a row,
// at least four of them words, make a phone number and a disguise.
func (d *doc) spelledNumbers() {
	ts := d.toks
	for i := 0; i < len(ts); i++ {
		j, words, digits := d.digitRun(i)
		if words >= 4 && digits >= 7 {
			s, e := ts[i].start, ts[j-1].end
			d.add("PHONE_NUMBER", Block, s, e, "")
			d.add("FILTER_EVASION", Risk, s, e, "")
			d.mask(s, e)
			for k := i; k < j; k++ {
				ts[k].flags |= tokMasked
			}
			i = j - 1
		}
	}
}

// digitRun measures the run of digit words and short digit groups from
// token i in its sentence: its end, its words, its digits.
func (d *doc) digitRun(i int) (j, words, digits int) {
	ts := d.toks
	for j = i; j < len(ts) && ts[j].sent == ts[i].sent && !ts[j].has(tokMasked); j++ {
		w := d.word(j)
		switch {
		case digitWords[w]:
			words++
			digits++
		case ts[j].has(tokDigit) && !ts[j].has(tokLetter) && len(w) <= 4:
			digits += len(w)
		default:
			return j, words, digits
		}
	}
	return j, words, digits
}
