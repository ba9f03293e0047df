package policy

import (
	"strings"
	"testing"
)

const benchGerman = `Hallo Frau Schneider,

vielen Dank für Ihre Bestellung 302-1234567-1234567 bei Kerzenwelt. Leider müssen wir Ihnen mitteilen, dass sich die Lieferung Ihrer Duftkerzen um etwa drei Werktage verzögert, weil unser Lieferant die Gläser verspätet geliefert hat. Wir haben die Ware inzwischen erhalten und verpacken Ihre Bestellung morgen früh sorgfältig.
Die Sendungsverfolgung finden Sie wie gewohnt in Ihrem Amazon-Konto unter „Meine Bestellungen“. Sollte die Lieferung bis zum 14. März nicht bei Ihnen sein, geben Sie uns bitte kurz Bescheid, dann kümmern wir uns sofort darum. Wenn Sie nicht warten möchten, können Sie die Bestellung selbstverständlich stornieren; wir erstatten Ihnen dann den vollen Betrag.
`

const benchEnglish = `Dear Mr Thompson,

thank you for your order 205-7654321-1234567. Unfortunately, the oak frame you ordered needs two more days in our workshop because the varnish has to dry completely before we can pack it safely. We expect to hand the parcel to the carrier on Thursday, and you will find the tracking details in your Amazon account as soon as it has been collected.
If the new date does not suit you, just reply to this message and we will find a solution together, whether that is a different delivery day or a cancellation with a full refund. We are sorry for the inconvenience and appreciate your patience.
`

// fill repeats s up to n runes, cutting at a word boundary.
func fill(s string, n int) string {
	var b strings.Builder
	for b.Len() < n*2 {
		b.WriteString(s)
	}
	r := []rune(b.String())[:n]
	return string(r)
}

func benchCheck(b *testing.B, text string) {
	c := NewChecker()
	m := Message{Text: text, Kind: KindUnexpectedProblem, BuyerLocale: "de-DE", Order: &OrderFacts{OrderID: "302-1234567-1234567"}}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c.Check(m, German)
	}
}

func BenchmarkCheckGerman2000(b *testing.B)  { benchCheck(b, fill(benchGerman, 2000)) }
func BenchmarkCheckEnglish2000(b *testing.B) { benchCheck(b, fill(benchEnglish, 2000)) }

// BenchmarkCheckWorst10000 is 10,000 characters dense with everything the
// rules look at: links, numbers, placeholders, review and incentive words.
func BenchmarkCheckWorst10000(b *testing.B) {
	worst := "Bewertung Gutschein 5 Sterne www dot shop dot com {{x}} [Name] 030 1234567 !!! 😀 <b> info(at)a.de " +
		"bitte stornieren Sie ausverkauft stattdessen Bewertung ändern 302-1234567-1234567 AAAA BBBB CCCC\n\n\n\n"
	benchCheck(b, fill(worst, 10000))
}
