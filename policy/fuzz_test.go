package policy

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func FuzzCheck(f *testing.F) {
	f.Add("Hallo {{order_id}}, besuchen Sie www dot shop dot com!!! 😀 Rufen Sie 030 1234567 an.", true)
	f.Add("info (at) shop (punkt) de [Name] ${store} <b>x</b> &nbsp; 302-1234567-1234567", false)
	f.Add("\xff\xfe{{fill:x}}\n\n\n\n[Wichtig] 5 Sterne Gutschein Bewertung", false)
	f.Add("{{", false)
	c := NewChecker()
	f.Fuzz(func(t *testing.T, text string, template bool) {
		m := Message{Text: text, Kind: KindUnexpectedProblem, Template: template, BuyerLocale: "de-DE",
			Order: &OrderFacts{OrderID: "302-1234567-1234567"}}
		a := c.Check(m, German)
		b := c.Check(m, German)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic")
		}
		n := utf8.RuneCountInString(text)
		if a.Chars != n {
			t.Fatalf("Chars = %d, want %d", a.Chars, n)
		}
		runes := []rune(text)
		for i, f := range a.Findings {
			if f.Start < 0 || f.End < f.Start || f.End > n {
				t.Fatalf("bad span %d-%d in %d runes: %+v", f.Start, f.End, n, f)
			}
			if f.Excerpt != string(runes[f.Start:f.End]) {
				t.Fatalf("excerpt %q != text %q", f.Excerpt, string(runes[f.Start:f.End]))
			}
			if i > 0 {
				p := a.Findings[i-1]
				if p.Start > f.Start || (p.Start == f.Start && p.Severity < f.Severity) {
					t.Fatalf("findings not sorted: %+v before %+v", p, f)
				}
			}
		}
	})
}
