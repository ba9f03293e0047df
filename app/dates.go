package app

import (
	"fmt"
	"strings"
	"time"
)

// monthNames are the months in the languages the built-in templates cover.
var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
}

// deliveryWindow writes the days from..to as a buyer reading lang expects:
// "12–14 May", "12.–14. Mai", "12–14 de mayo"; other languages get
// numeric dates. Either end may be zero.
func deliveryWindow(from, to time.Time, lang string) string {
	if from.IsZero() {
		from = to
	}
	if to.IsZero() {
		to = from
	}
	if from.IsZero() {
		return ""
	}
	from, to = from.UTC(), to.UTC()
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	months, ok := monthNames[base]
	if !ok {
		if from.Equal(to) {
			return from.Format("02.01.2006")
		}
		return from.Format("02.01.") + "–" + to.Format("02.01.2006")
	}
	m := func(t time.Time) string { return months[t.Month()-1] }
	same := from.Year() == to.Year() && from.Month() == to.Month()
	sameDay := same && from.Day() == to.Day()
	switch base {
	case "de":
		if sameDay {
			return fmt.Sprintf("%d. %s", from.Day(), m(from))
		}
		if same {
			return fmt.Sprintf("%d.–%d. %s", from.Day(), to.Day(), m(to))
		}
		return fmt.Sprintf("%d. %s – %d. %s", from.Day(), m(from), to.Day(), m(to))
	case "es":
		if sameDay {
			return fmt.Sprintf("%d de %s", from.Day(), m(from))
		}
		if same {
			return fmt.Sprintf("%d–%d de %s", from.Day(), to.Day(), m(to))
		}
		return fmt.Sprintf("%d de %s – %d de %s", from.Day(), m(from), to.Day(), m(to))
	}
	if sameDay {
		return fmt.Sprintf("%d %s", from.Day(), m(from))
	}
	if same {
		return fmt.Sprintf("%d–%d %s", from.Day(), to.Day(), m(to))
	}
	return fmt.Sprintf("%d %s – %d %s", from.Day(), m(from), to.Day(), m(to))
}
