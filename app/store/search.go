package store

import (
	"strings"
	"unicode"
)

// matchQuery turns what a seller typed into an FTS5 MATCH expression: every
// word must occur, the last one may be a prefix ("refu" finds "refund").
// Each word is quoted, so FTS5 operators and punctuation typed by the user
// are taken literally and can never cause a syntax error. It returns "" when
// the input holds nothing searchable (no letter or digit).
func matchQuery(input string) string {
	// FTS5 query strings end at a NUL byte; control characters never
	// belong to a word, so both separate words.
	input = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, input)
	var terms []string
	for _, w := range strings.Fields(input) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	if len(terms) == 0 {
		return ""
	}
	terms[len(terms)-1] += "*"
	return strings.Join(terms, " ")
}
