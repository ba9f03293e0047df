package ui

import (
	"errors"
	"sellermail/app"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/store"
	"sellermail/policy"
)

// historyStatuses are the statuses the filter offers, after "any".
var historyStatuses = []store.MessageStatus{
	store.StatusSent, store.StatusFailed, store.StatusUnknown, store.StatusQueued, store.StatusSending,
}

// historyDateLayout is how dates are typed into the filter.
const historyDateLayout = "2006-01-02"

// historyFilters is the bar above the history: search words, status, kind,
// marketplace, order and a date range. Every change starts a new query.
type historyFilters struct {
	onChanged func()

	search      *widget.Entry
	status      *widget.Select
	kind        *widget.Select
	marketplace *widget.Select
	order       *widget.Entry
	from, to    *widget.Entry
	labels      []*widget.Label // status, kind, marketplace, order, from, to
	root        fyne.CanvasObject
}

func newHistoryFilters(onChanged func()) *historyFilters {
	f := &historyFilters{onChanged: onChanged}
	changed := func(string) { f.onChanged() }
	f.search = &widget.Entry{OnChanged: changed}
	f.search.ExtendBaseWidget(f.search)
	f.status = &widget.Select{OnChanged: changed}
	f.kind = &widget.Select{OnChanged: changed}
	f.marketplace = &widget.Select{OnChanged: changed}
	f.order = &widget.Entry{OnChanged: changed}
	f.order.ExtendBaseWidget(f.order)
	// A date filters once it is complete (or cleared), not on every digit.
	f.from = newDateEntry(f.onDateChanged)
	f.to = newDateEntry(f.onDateChanged)
	for range 6 {
		f.labels = append(f.labels, &widget.Label{})
	}
	l := f.labels
	row1 := container.New(layout.NewGridLayout(3),
		container.NewBorder(nil, nil, l[0], nil, f.status),
		container.NewBorder(nil, nil, l[1], nil, f.kind),
		container.NewBorder(nil, nil, l[2], nil, f.marketplace))
	row2 := container.New(layout.NewGridLayout(3),
		container.NewBorder(nil, nil, l[3], nil, f.order),
		container.NewBorder(nil, nil, l[4], nil, f.from),
		container.NewBorder(nil, nil, l[5], nil, f.to))
	f.root = container.NewVBox(f.search, row1, row2)
	return f
}

// newDateEntry is an entry for a YYYY-MM-DD date that reports changes only
// when the text is empty or a whole date.
func newDateEntry(onChanged func()) *widget.Entry {
	e := &widget.Entry{PlaceHolder: "YYYY-MM-DD"}
	e.OnChanged = func(text string) {
		text = strings.TrimSpace(text)
		if text == "" || len(text) == len(historyDateLayout) {
			onChanged()
		}
	}
	e.Validator = func(text string) error {
		if _, ok := parseFilterDate(text); !ok {
			return errors.New(tr("history.filter.date.invalid"))
		}
		return nil
	}
	e.ExtendBaseWidget(e)
	return e
}

func (f *historyFilters) object() fyne.CanvasObject { return f.root }

func (f *historyFilters) onDateChanged() { f.onChanged() }

// relabel writes the labels and options in the current language, keeping
// what is chosen without starting a query.
func (f *historyFilters) relabel() {
	f.search.SetPlaceHolder(tr("history.search.placeholder"))
	f.order.SetPlaceHolder(tr("history.filter.order.placeholder"))
	for i, key := range []string{"history.filter.status", "history.filter.kind", "history.filter.marketplace",
		"history.filter.order", "history.filter.from", "history.filter.to"} {
		f.labels[i].SetText(tr(key))
	}
	statuses := []string{tr("history.filter.any")}
	for _, st := range historyStatuses {
		statuses = append(statuses, messageStatusName(st))
	}
	setOptionsKeepIndex(f.status, statuses)
	kinds := []string{tr("history.filter.any")}
	for _, k := range policy.Kinds() {
		kinds = append(kinds, k.Description(PolicyLang()))
	}
	setOptionsKeepIndex(f.kind, kinds)
	markets := []string{tr("history.filter.any")}
	for _, m := range historyMarketplaces() {
		markets = append(markets, marketplaceName(m.ID))
	}
	setOptionsKeepIndex(f.marketplace, markets)
}

// setOptionsKeepIndex replaces a select's options without firing OnChanged,
// keeping the chosen position; nothing chosen shows the first option.
func setOptionsKeepIndex(s *widget.Select, options []string) {
	i := max(s.SelectedIndex(), 0)
	s.Options = options
	if i < len(options) {
		s.Selected = options[i]
	}
	s.Refresh()
}

// historyMarketplaces are the marketplaces the filter offers: every store
// Amazon runs, since messages may come from any region the seller used.
func historyMarketplaces() []app.Marketplace { return app.Marketplaces() }

// filter is the query the bar describes; incomplete dates do not filter.
func (f *historyFilters) filter() store.HistoryFilter {
	var out store.HistoryFilter
	out.Search = strings.TrimSpace(f.search.Text)
	out.OrderID = strings.TrimSpace(f.order.Text)
	if i := f.status.SelectedIndex(); i > 0 {
		out.Status = historyStatuses[i-1]
	}
	if i := f.kind.SelectedIndex(); i > 0 {
		out.Kind = string(policy.Kinds()[i-1])
	}
	if i := f.marketplace.SelectedIndex(); i > 0 {
		out.Marketplace = historyMarketplaces()[i-1].ID
	}
	if t, ok := parseFilterDate(f.from.Text); ok {
		out.From = t
	}
	// The "to" day is included: the query's To is exclusive, so it is the next midnight.
	if t, ok := parseFilterDate(f.to.Text); ok && !t.IsZero() {
		out.To = t.AddDate(0, 0, 1)
	}
	return out
}

// parseFilterDate reads a YYYY-MM-DD date at local midnight; empty text is
// a valid zero date, anything else malformed is not ok.
func parseFilterDate(text string) (time.Time, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation(historyDateLayout, text, time.Local)
	return t, err == nil
}
