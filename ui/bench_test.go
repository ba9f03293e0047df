package ui

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sellermail/policy"
)

// germanMessage2000 is a realistic German delay notice of 2,000 characters
// with a few findings in it, as the seller might have typed it.
func germanMessage2000() string {
	para := "Guten Tag,\n\nzu Ihrer Bestellung 302-4817265-3390517 (Kaffeemühle Modell K2): Leider verzögert sich die Lieferung um zwei Tage, " +
		"weil der Versanddienstleister nach einem Unwetter einen Rückstau in seinem Verteilzentrum hat. " +
		"Wir rechnen jetzt damit, dass das Paket bis zum 19. Mai bei Ihnen ist. Falls Ihnen dieser Termin nicht passt, " +
		"antworten Sie bitte auf diese Nachricht; wir stornieren die Bestellung dann und erstatten Ihnen den vollen Betrag!!!\n\n" +
		"Bitte bewerten Sie uns mit 5 Sternen, dann erhalten Sie einen Gutschein.\n\n"
	var b strings.Builder
	for utf8.RuneCountInString(b.String()) < 2000 {
		b.WriteString(para)
	}
	return string([]rune(b.String())[:2000])
}

// BenchmarkKeystroke2000 types one rune into the middle of a 2,000-character
// German message in a test window and measures until the hints are updated:
// the entry's own work, the check, and the findings panel, counter and
// language line. It reports the median and the 95th percentile per keystroke.
func BenchmarkKeystroke2000(b *testing.B) {
	c, _ := newTestComposer(b)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		b.Fatal(err)
	}
	msg := germanMessage2000()
	reset := func() {
		c.SetText(msg)
		selectRunes(&c.entry.Entry, 1000, 1000)
	}
	reset()
	c.entry.FocusGained()
	if len(c.Result().Findings) == 0 {
		b.Fatal("the benchmark message has no findings to update")
	}
	var times []time.Duration
	typed := 0
	b.ReportAllocs()
	for b.Loop() {
		if typed == 200 { // keep the message near 2,000 characters
			b.StopTimer()
			reset()
			typed = 0
			b.StartTimer()
		}
		start := time.Now()
		c.entry.TypedRune('e')
		times = append(times, time.Since(start))
		typed++
	}
	if c.Result().Chars < 2000 {
		b.Fatalf("the check saw %d characters", c.Result().Chars)
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "ms-p95")
}

// BenchmarkCheck2000 is the compliance check alone on the same message, for comparison.
func BenchmarkCheck2000(b *testing.B) {
	ch := checker()
	m := policy.Message{Text: germanMessage2000(), Kind: policy.KindUnexpectedProblem, BuyerLocale: "de-DE"}
	b.ReportAllocs()
	for b.Loop() {
		ch.Check(m, policy.German)
	}
}
