package policy

import (
	"strings"
	"testing"
)

// TestLexiconAlternativesAreOneWord: an alternative of several words
// ("auf lager" in "nicht ~2 vorrätig|auf lager") can never match one token,
// so it would be dead silently. Such a phrase needs its own entry.
func TestLexiconAlternativesAreOneWord(t *testing.T) {
	for _, lex := range []map[category][]string{reviewLexicon, contentLexicon, actsLexicon} {
		for cat, phrases := range lex {
			for _, p := range phrases {
				for _, f := range strings.Fields(p) {
					if !strings.Contains(f, "|") {
						continue
					}
					for _, a := range strings.Split(f, "|") {
						if strings.ContainsAny(a, "-'") && !strings.HasPrefix(a, "@") {
							t.Errorf("category %d, phrase %q: alternative %q is several tokens and never matches", cat, p, a)
						}
					}
				}
			}
		}
	}
}
