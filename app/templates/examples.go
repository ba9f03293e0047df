package templates

import (
	"fmt"
	"strings"
	"time"
)

// The example dates: a delivery window of 12–14 May 2026 and a new date a
// week later. They are fixed so previews and tests do not depend on the clock.
var (
	exampleFrom    = time.Date(2026, time.May, 12, 0, 0, 0, 0, time.UTC)
	exampleTo      = time.Date(2026, time.May, 14, 0, 0, 0, 0, time.UTC)
	exampleNewDate = time.Date(2026, time.May, 19, 0, 0, 0, 0, time.UTC)
)

// exampleLang holds one language's example order and how it writes dates.
type exampleLang struct {
	product, store string
	months         [12]string
	// date writes a single date; window writes the days from..to.
	date   func(l exampleLang, t time.Time) string
	window func(l exampleLang, from, to time.Time) string
}

func (l exampleLang) month(t time.Time) string { return l.months[t.Month()-1] }

func sameMonth(a, b time.Time) bool { return a.Year() == b.Year() && a.Month() == b.Month() }

// dayMonthYear writes "19 May 2026", the order most European languages use.
func dayMonthYear(l exampleLang, t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), l.month(t), t.Year())
}

// dashWindow writes "12–14 May" or "30 April – 2 May".
func dashWindow(l exampleLang, from, to time.Time) string {
	if sameMonth(from, to) {
		return fmt.Sprintf("%d–%d %s", from.Day(), to.Day(), l.month(to))
	}
	return fmt.Sprintf("%d %s – %d %s", from.Day(), l.month(from), to.Day(), l.month(to))
}

var exampleLangs = map[string]exampleLang{
	"de": {
		product: "Gartenbank aus Eiche mit Namensgravur, 150 cm", store: "Holzwerkstatt Bauer",
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		date: func(l exampleLang, t time.Time) string {
			return fmt.Sprintf("%d. %s %d", t.Day(), l.month(t), t.Year())
		},
		window: func(l exampleLang, from, to time.Time) string {
			if sameMonth(from, to) {
				return fmt.Sprintf("%d.–%d. %s", from.Day(), to.Day(), l.month(to))
			}
			return fmt.Sprintf("%d. %s – %d. %s", from.Day(), l.month(from), to.Day(), l.month(to))
		},
	},
	"en": {
		product: "Oak garden bench with name engraving, 150 cm", store: "Oakwood Workshop",
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		date:   dayMonthYear, window: dashWindow,
	},
	"fr": {
		product: "Banc de jardin en chêne avec gravure du prénom, 150 cm", store: "Atelier Dubois",
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		date: func(l exampleLang, t time.Time) string {
			return fmt.Sprintf("%s %s %d", frDay(t.Day()), l.month(t), t.Year())
		},
		window: func(l exampleLang, from, to time.Time) string {
			if sameMonth(from, to) {
				return fmt.Sprintf("du %s au %s %s", frDay(from.Day()), frDay(to.Day()), l.month(to))
			}
			return fmt.Sprintf("du %s %s au %s %s", frDay(from.Day()), l.month(from), frDay(to.Day()), l.month(to))
		},
	},
	"it": {
		product: "Panca da giardino in rovere con incisione del nome, 150 cm", store: "Falegnameria Rossi",
		months: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		date: func(l exampleLang, t time.Time) string {
			return fmt.Sprintf("%s %s %d", itDay(t.Day()), l.month(t), t.Year())
		},
		window: func(l exampleLang, from, to time.Time) string {
			if sameMonth(from, to) {
				return fmt.Sprintf("%s %s %s", itPrep("dal", from.Day()), itPrep("al", to.Day()), l.month(to))
			}
			return fmt.Sprintf("%s %s %s %s", itPrep("dal", from.Day()), l.month(from), itPrep("al", to.Day()), l.month(to))
		},
	},
	"es": {
		product: "Banco de jardín de roble con grabado del nombre, 150 cm", store: "Carpintería Romero",
		months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		date: func(l exampleLang, t time.Time) string {
			return fmt.Sprintf("%d de %s de %d", t.Day(), l.month(t), t.Year())
		},
		window: func(l exampleLang, from, to time.Time) string {
			if sameMonth(from, to) {
				return fmt.Sprintf("del %d al %d de %s", from.Day(), to.Day(), l.month(to))
			}
			return fmt.Sprintf("del %d de %s al %d de %s", from.Day(), l.month(from), to.Day(), l.month(to))
		},
	},
	"nl": {
		product: "Eikenhouten tuinbank met naamgravure, 150 cm", store: "Houtwerkplaats De Vries",
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		date:   dayMonthYear,
		window: func(l exampleLang, from, to time.Time) string {
			if sameMonth(from, to) {
				return fmt.Sprintf("%d t/m %d %s", from.Day(), to.Day(), l.month(to))
			}
			return fmt.Sprintf("%d %s t/m %d %s", from.Day(), l.month(from), to.Day(), l.month(to))
		},
	},
	"pl": {
		product: "Dębowa ławka ogrodowa z grawerem imienia, 150 cm", store: "Stolarnia Nowak",
		// Polish dates use the genitive month: "19 maja".
		months: [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
		date:   dayMonthYear, window: dashWindow,
	},
	"sv": {
		product: "Trädgårdsbänk i ek med namngravyr, 150 cm", store: "Snickeri Lindqvist",
		months: [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		date:   dayMonthYear, window: dashWindow,
	},
}

// frDay writes a French day of the month: "1er", "2", ...
func frDay(d int) string {
	if d == 1 {
		return "1er"
	}
	return fmt.Sprint(d)
}

// itDay writes an Italian day of the month: "1º", "2", ...
func itDay(d int) string {
	if d == 1 {
		return "1º"
	}
	return fmt.Sprint(d)
}

// itPrep writes "dal"/"al" and the day, elided before 8 and 11, which start
// with a vowel sound: "dal 12", "dall'8", "all'11".
func itPrep(prep string, d int) string {
	if d == 8 || d == 11 {
		return prep + "l'" + itDay(d)
	}
	return prep + " " + itDay(d)
}

// usEnglish writes American dates: "May 19, 2026" and "May 12–14".
var usEnglish = func() exampleLang {
	l := exampleLangs["en"]
	l.date = func(l exampleLang, t time.Time) string {
		return fmt.Sprintf("%s %d, %d", l.month(t), t.Day(), t.Year())
	}
	l.window = func(l exampleLang, from, to time.Time) string {
		if sameMonth(from, to) {
			return fmt.Sprintf("%s %d–%d", l.month(from), from.Day(), to.Day())
		}
		return fmt.Sprintf("%s %d – %s %d", l.month(from), from.Day(), l.month(to), to.Day())
	}
	return l
}()

// ExampleValues returns realistic order facts for previewing a template in
// the language: a product and store name in that language, an order ID, and
// dates written the way the language writes them (lang "en-US" gets American
// dates). Free fields stay empty; Template.Example adds a template's own.
// Languages without examples get the English ones.
func ExampleValues(lang string) Values {
	l, ok := exampleLangs[baseLang(lang)]
	if !ok {
		l = exampleLangs["en"]
	}
	orderID := "302-4817265-3390517"
	if region(lang) == "us" {
		l, orderID = usEnglish, "114-4817265-3390517"
	}
	return Values{
		OrderID:        orderID,
		Product:        l.product,
		DeliveryWindow: l.window(l, exampleFrom, exampleTo),
		NewDate:        l.date(l, exampleNewDate),
		Store:          l.store,
	}
}

// region returns the lower-case region of a locale such as "en-US", or "".
func region(locale string) string {
	if i := strings.IndexAny(locale, "-_"); i >= 0 {
		return strings.ToLower(locale[i+1:])
	}
	return ""
}
