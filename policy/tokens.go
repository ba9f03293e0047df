package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token flags.
const (
	tokLetter  uint8 = 1 << iota // has at least one letter
	tokDigit                     // has at least one digit
	tokSymbol                    // a single symbol such as % or €
	tokUpper                     // every letter is upper case
	tokMasked                    // inside a placeholder, link or e-mail address: rules ignore it
	tokBracket                   // directly enclosed in () or [] as in "(at)" or "[dot]"
)

// token is a word, a number or a symbol, located by rune offsets in the text
// and by byte offsets in the folded (lower-cased) copy.
type token struct {
	start, end int
	fs, fe     int
	sent, line int
	flags      uint8
}

func (t *token) has(f uint8) bool { return t.flags&f != 0 }

// isSymbolToken lists the symbols rules need to see as words.
func isSymbolToken(r rune) bool {
	switch r {
	case '%', '€', '$', '£', '@', '&', '#':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(r) || isDigit(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isSpace is unicode.IsSpace with the ASCII case answered inline, since
// the address and sentence scans ask it for nearly every rune.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	return unicode.IsSpace(r)
}

func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// foldRune lower-cases r and maps typographic apostrophes to ASCII, keeping
// one rune per rune so rune offsets stay valid.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		if r == '`' {
			return '\''
		}
		return r
	}
	switch r {
	case '’', '‘', '`', '´':
		return '\''
	}
	return unicode.ToLower(r)
}

// tokenize splits runes into tokens and returns them with the folded text.
// Sentences end at ! ? and line breaks, and at a full stop that is followed by
// a space and does not close an abbreviation ("z.B.", "Nr.") or a number
// ("12. Mai").
func tokenize(runes []rune, toks []token) ([]token, string) {
	var b strings.Builder
	b.Grow(len(runes) + len(runes)/4)
	sent, line := 0, 0
	i := 0
	for i < len(runes) {
		r := runes[i]
		switch {
		case isWordRune(r):
			t := token{start: i, fs: b.Len(), sent: sent, line: line}
			upper, lower := false, false
			for i < len(runes) && isWordRune(runes[i]) {
				c := runes[i]
				if c < utf8.RuneSelf {
					// ASCII, most of any text: no Unicode tables needed.
					if isDigit(c) {
						t.flags |= tokDigit
					} else {
						t.flags |= tokLetter
						if c <= 'Z' {
							upper = true
						} else {
							lower = true
						}
					}
					b.WriteByte(byte(foldRune(c)))
					i++
					continue
				}
				if unicode.IsLetter(c) {
					t.flags |= tokLetter
					if unicode.IsUpper(c) {
						upper = true
					} else if unicode.IsLower(c) {
						lower = true
					}
				} else if unicode.IsDigit(c) {
					t.flags |= tokDigit
				}
				b.WriteRune(foldRune(c))
				i++
			}
			if upper && !lower {
				t.flags |= tokUpper
			}
			t.end, t.fe = i, b.Len()
			if t.start > 0 && t.end < len(runes) {
				o, c := runes[t.start-1], runes[t.end]
				if (o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}') {
					t.flags |= tokBracket
				}
			}
			toks = append(toks, t)
			continue
		case isSymbolToken(r):
			toks = append(toks, token{start: i, end: i + 1, fs: b.Len(), sent: sent, line: line, flags: tokSymbol})
			b.WriteRune(r)
			t := &toks[len(toks)-1]
			t.fe = b.Len()
		case r == '\n':
			line++
			sent = nextSentence(toks, sent)
		case r == '!' || r == '?' || r == ';':
			sent = nextSentence(toks, sent)
		case r == '.':
			if endsSentence(runes, i, toks) {
				sent = nextSentence(toks, sent)
			}
		}
		if r < utf8.RuneSelf {
			b.WriteByte(byte(foldRune(r)))
		} else {
			b.WriteRune(foldRune(r))
		}
		i++
	}
	return toks, b.String()
}

// nextSentence ends sentence sent. Sentences without a word are not
// counted, so "the sentence before" is always one with words, even across a
// full stop followed by a line break or a blank line.
func nextSentence(toks []token, sent int) int {
	if len(toks) > 0 && toks[len(toks)-1].sent == sent {
		return sent + 1
	}
	return sent
}

// endsSentence decides whether the full stop at runes[i] ends a sentence.
func endsSentence(runes []rune, i int, toks []token) bool {
	if i+1 < len(runes) && !isSpace(runes[i+1]) {
		return false
	}
	if len(toks) == 0 {
		return true
	}
	last := toks[len(toks)-1]
	if last.end != i || last.has(tokSymbol) {
		return true // "… 59,80 €. Die Bestellung"
	}
	if last.has(tokDigit) && !last.has(tokLetter) {
		// "bis 12. Mai" is a date; a number ends a sentence only at a line end.
		return i+1 >= len(runes) || runes[i+1] == '\n'
	}
	return last.end-last.start > 2 || i+1 >= len(runes) || runes[i+1] == '\n'
}
