package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/i18n"
)

// Date layouts the orders' custom range reads: ISO in every language, and
// the German day.month.year (one or two digits for day and month) in German.
const (
	isoDateLayout    = "2006-01-02"
	germanDateLayout = "2.1.2006"
)

// dateRangeFilter is the orders' "custom range" row: From and To dates,
// both days included, with a line saying what is wrong with them.
type dateRangeFilter struct {
	onChanged func()

	fromLabel, toLabel *widget.Label
	from, to           *widget.Entry
	hint               *widget.Label
	root               *fyne.Container
}

func newDateRangeFilter(onChanged func()) *dateRangeFilter {
	f := &dateRangeFilter{onChanged: onChanged, fromLabel: &widget.Label{}, toLabel: &widget.Label{},
		hint: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}}
	f.from = f.newEntry()
	f.to = f.newEntry()
	f.hint.Hide()
	row := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, f.fromLabel, nil, f.from),
		container.NewBorder(nil, nil, f.toLabel, nil, f.to))
	f.root = container.NewVBox(row, f.hint)
	f.root.Hide()
	return f
}

// newEntry is a date entry that reloads the orders once its text is empty
// or a whole valid range, not on every keystroke of a date being typed.
func (f *dateRangeFilter) newEntry() *widget.Entry {
	e := &widget.Entry{Wrapping: scrollingLine}
	e.OnChanged = func(string) {
		if f.update() {
			f.onChanged()
		}
	}
	e.Validator = func(text string) error {
		if _, ok := parseOrderDate(text, Lang()); !ok {
			return errors.New(tr("orders.filter.date.invalid"))
		}
		return nil
	}
	e.ExtendBaseWidget(e)
	return e
}

func (f *dateRangeFilter) object() fyne.CanvasObject { return f.root }

// setVisible shows or hides the row.
func (f *dateRangeFilter) setVisible(on bool) {
	if on {
		f.root.Show()
	} else {
		f.root.Hide()
	}
}

func (f *dateRangeFilter) relabel() {
	f.fromLabel.SetText(tr("orders.filter.from"))
	f.toLabel.SetText(tr("orders.filter.to"))
	f.from.SetPlaceHolder(tr("orders.filter.date.placeholder"))
	f.to.SetPlaceHolder(tr("orders.filter.date.placeholder"))
	f.update()
}

// update shows what is wrong with the dates; it reports whether they are
// a valid range (either may be empty).
func (f *dateRangeFilter) update() bool {
	msg := f.problem()
	f.hint.SetText(msg)
	if msg == "" {
		f.hint.Hide()
	} else {
		f.hint.Show()
	}
	return msg == ""
}

// problem says what is wrong with the dates in the window's language; "" when nothing is.
func (f *dateRangeFilter) problem() string {
	lang := Lang()
	from, okFrom := parseOrderDate(f.from.Text, lang)
	to, okTo := parseOrderDate(f.to.Text, lang)
	switch {
	case !okFrom:
		return tr("orders.filter.from") + ": " + tr("orders.filter.date.invalid")
	case !okTo:
		return tr("orders.filter.to") + ": " + tr("orders.filter.date.invalid")
	case !from.IsZero() && !to.IsZero() && to.Before(from):
		return tr("orders.filter.date.order")
	}
	return ""
}

// bounds are the purchase-date bounds of store.OrderFilter: from the From
// day's start (inclusive) to the start of the day after To (exclusive), so
// both days count. An invalid range filters nothing; the hint says why.
func (f *dateRangeFilter) bounds() (from, to time.Time) {
	if f.problem() != "" {
		return time.Time{}, time.Time{}
	}
	lang := Lang()
	from, _ = parseOrderDate(f.from.Text, lang)
	if t, _ := parseOrderDate(f.to.Text, lang); !t.IsZero() {
		to = t.AddDate(0, 0, 1)
	}
	return from, to
}

// parseOrderDate reads a date typed into the custom range, at local
// midnight: YYYY-MM-DD, and in German (lang "de") also TT.MM.JJJJ. Empty
// text is a valid zero date; anything else malformed is not ok.
func parseOrderDate(text string, lang i18n.Lang) (time.Time, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, true
	}
	if t, err := time.ParseInLocation(isoDateLayout, text, time.Local); err == nil {
		return t, true
	}
	if lang == LanguageGerman {
		if t, err := time.ParseInLocation(germanDateLayout, text, time.Local); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
