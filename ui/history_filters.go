package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// historyStatuses are the statuses the filter offers, after "any".
var historyStatuses = []store.MessageStatus{
	store.StatusSent, store.StatusFailed, store.StatusUnknown, store.StatusQueued, store.StatusSending,
}

// reviewStatuses are the review request statuses the filter offers, after "any".
var reviewStatuses = []store.ReviewStatus{
	store.ReviewSent, store.ReviewFailed, store.ReviewUnknown, store.ReviewSending,
}

// historyDateLayout is how dates are typed into the filter.
const historyDateLayout = "2006-01-02"

// historyFilters is the bar above the history: what to show (messages or
// review requests), search words, status, kind, marketplace, order and a
// date range. Every change starts a new query.
type historyFilters struct {
	onChanged func()

	show        *widget.Select
	showLabel   *widget.Label
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
	f.show = &widget.Select{OnChanged: func(string) { f.onShowChanged() }}
	f.showLabel = &widget.Label{}
	f.search = &widget.Entry{Wrapping: scrollingLine, OnChanged: changed}
	f.search.ExtendBaseWidget(f.search)
	f.status = &widget.Select{OnChanged: changed}
	f.kind = &widget.Select{OnChanged: changed}
	f.marketplace = &widget.Select{OnChanged: changed}
	f.order = &widget.Entry{Wrapping: scrollingLine, OnChanged: changed}
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
	top := container.NewBorder(nil, nil, container.NewHBox(f.showLabel, f.show), nil, f.search)
	f.root = container.NewVBox(top, row1, row2)
	return f
}

// newDateEntry is an entry for a YYYY-MM-DD date that reports changes only
// when the text is empty or a whole date.
func newDateEntry(onChanged func()) *widget.Entry {
	e := &widget.Entry{Wrapping: scrollingLine, PlaceHolder: "YYYY-MM-DD"}
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

// reviews reports whether the bar asks for review requests rather than messages.
func (f *historyFilters) reviews() bool { return f.show.SelectedIndex() == 1 }

// onShowChanged switches between messages and review requests: the status
// choice starts over, and search and purpose apply to messages only.
func (f *historyFilters) onShowChanged() {
	f.status.Selected = ""
	f.setStatusOptions()
	if f.reviews() {
		f.search.Disable()
		f.kind.Disable()
	} else {
		f.search.Enable()
		f.kind.Enable()
	}
	f.onChanged()
}

// setStatusOptions offers the statuses of what is shown, keeping the choice.
func (f *historyFilters) setStatusOptions() {
	statuses := []string{tr("history.filter.any")}
	if f.reviews() {
		for _, st := range reviewStatuses {
			statuses = append(statuses, reviewStatusName(st))
		}
	} else {
		for _, st := range historyStatuses {
			statuses = append(statuses, messageStatusName(st))
		}
	}
	setOptionsKeepIndex(f.status, statuses)
}

// relabel writes the labels and options in the current language, keeping
// what is chosen without starting a query.
func (f *historyFilters) relabel() {
	f.showLabel.SetText(tr("history.show"))
	setOptionsKeepIndex(f.show, []string{tr("history.show.messages"), tr("history.show.reviews")})
	f.search.SetPlaceHolder(tr("history.search.placeholder"))
	f.order.SetPlaceHolder(tr("history.filter.order.placeholder"))
	for i, key := range []string{"history.filter.status", "history.filter.kind", "history.filter.marketplace",
		"history.filter.order", "history.filter.from", "history.filter.to"} {
		f.labels[i].SetText(tr(key))
	}
	f.setStatusOptions()
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
	if i := f.status.SelectedIndex(); i > 0 && i <= len(historyStatuses) {
		out.Status = historyStatuses[i-1]
	}
	if i := f.kind.SelectedIndex(); i > 0 {
		out.Kind = string(policy.Kinds()[i-1])
	}
	if i := f.marketplace.SelectedIndex(); i > 0 {
		out.Marketplace = historyMarketplaces()[i-1].ID
	}
	out.From, out.To = f.dates()
	return out
}

// reviewFilter is the query the bar describes when it shows review requests.
func (f *historyFilters) reviewFilter() store.ReviewFilter {
	var out store.ReviewFilter
	out.OrderID = strings.TrimSpace(f.order.Text)
	if i := f.status.SelectedIndex(); i > 0 && i <= len(reviewStatuses) {
		out.Status = reviewStatuses[i-1]
	}
	if i := f.marketplace.SelectedIndex(); i > 0 {
		out.Marketplace = historyMarketplaces()[i-1].ID
	}
	out.From, out.To = f.dates()
	return out
}

// dates is the date range typed in; incomplete dates do not filter. The
// "to" day is included: the query's To is exclusive, so it is the next midnight.
func (f *historyFilters) dates() (from, to time.Time) {
	if t, ok := parseFilterDate(f.from.Text); ok {
		from = t
	}
	if t, ok := parseFilterDate(f.to.Text); ok && !t.IsZero() {
		to = t.AddDate(0, 0, 1)
	}
	return from, to
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
