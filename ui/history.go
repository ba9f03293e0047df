package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
)

// historyPage is how many messages one query loads; the list asks for the
// next page when its last row comes into view.
const historyPage = 200

// HistoryScreen lists every message sent (or not) to buyers, newest first:
// searchable, filterable, with each message's findings at send time and
// what can still be done with it; or, chosen in the filter bar, the review
// requests. It lives on the UI goroutine; database work runs in its own
// goroutines and comes back through fyne.Do.
type HistoryScreen struct {
	// OnReuse is called with a message the seller wants to send again as a
	// new draft; the window opens its order and fills the composer.
	OnReuse func(m store.Message)

	screen

	// filter (or reviewFilter, when showReviews) is the query the list
	// shows; a new query drops the late answers to the old one.
	filter       store.HistoryFilter
	reviewFilter store.ReviewFilter
	showReviews  bool
	pages        question
	messages     []store.Message
	reviews      []store.ReviewRequest
	more         bool // the last page was full: there may be more
	loading      bool
	selected     int64 // ID of the message or review request shown in the detail; 0 for none

	filters *historyFilters
	detail  *historyDetail
	list    *widget.List
	count   *widget.Label
	export  *widget.Button
	root    fyne.CanvasObject
}

// NewHistoryScreen builds the history over svc and starts loading the
// first page; w is the window its dialogs open over, and Escape in w
// closes them.
func NewHistoryScreen(svc *app.Service, w fyne.Window) *HistoryScreen {
	return newHistoryScreen(uiTasks(), svc, w, standaloneDialogs(w))
}

// newHistoryScreen is NewHistoryScreen with its work below t and its
// dialogs on the window's stack, which the window's Escape already closes.
func newHistoryScreen(t *tasks, svc *app.Service, w fyne.Window, dialogs *dialogStack) *HistoryScreen {
	s := &HistoryScreen{}
	s.screen = newScreen(t, svc, w, dialogs, s.relabel)
	s.buildUI()
	s.relabel()
	s.Refresh()
	return s
}

func (s *HistoryScreen) buildUI() {
	s.filters = newHistoryFilters(s.onFilterChanged)
	s.detail = newHistoryDetail(s)
	s.count = &widget.Label{Importance: widget.LowImportance}
	s.export = &widget.Button{OnTapped: s.onExportTapped}
	s.list = &widget.List{
		Length:     s.rowCount,
		CreateItem: newHistoryRow,
		UpdateItem: s.updateRow,
		OnSelected: s.onSelected,
	}
	s.list.ExtendBaseWidget(s.list)
	bottom := container.NewBorder(nil, nil, nil, s.export, s.count)
	left := container.NewBorder(nil, bottom, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail.object())
	split.Offset = 0.45
	s.root = container.NewBorder(s.filters.object(), nil, nil, nil, split)
}

// Object is the screen's content, to place in a tab.
func (s *HistoryScreen) Object() fyne.CanvasObject { return s.root }

// Refresh reloads the list from the first page, for example after a
// message was sent; the message shown stays shown if it is still listed.
func (s *HistoryScreen) Refresh() {
	if reviews := s.filters.reviews(); reviews != s.showReviews {
		// Another kind of entry: nothing of the old list stays.
		s.showReviews = reviews
		s.messages, s.reviews, s.more = nil, nil, false
		s.selected = 0
		s.list.UnselectAll()
		s.detail.clear()
		s.updateCount()
		s.list.Refresh()
	}
	s.filter = s.filters.filter()
	s.reviewFilter = s.filters.reviewFilter()
	s.load(0)
}

// rowCount is the number of entries listed.
func (s *HistoryScreen) rowCount() int {
	if s.showReviews {
		return len(s.reviews)
	}
	return len(s.messages)
}

// relabel writes every text in the current language.
func (s *HistoryScreen) relabel() {
	s.export.SetText(tr("history.export"))
	s.filters.relabel()
	s.detail.relabel()
	s.updateCount()
	s.list.Refresh()
}

func (s *HistoryScreen) onFilterChanged() { s.Refresh() }

// load queries the page starting at offset; offset 0 replaces the list.
func (s *HistoryScreen) load(offset int) {
	query := s.pages.current()
	if offset == 0 {
		query = s.pages.ask()
	} else if s.loading {
		return
	}
	f := s.filter
	f.Limit, f.Offset = historyPage, offset
	s.loading = true
	if s.showReviews {
		rf := s.reviewFilter
		rf.Limit, rf.Offset = historyPage, offset
		loadEntries(s, query, offset, &s.reviews, func(ctx context.Context) ([]store.ReviewRequest, error) {
			return s.svc.ReviewHistory(ctx, rf)
		})
		return
	}
	loadEntries(s, query, offset, &s.messages, func(ctx context.Context) ([]store.Message, error) {
		return s.svc.History(ctx, f)
	})
}

// loadEntries reads a page of messages or review requests with read and
// puts it at offset in *list, unless a newer query was started meanwhile.
func loadEntries[T any](s *HistoryScreen, query asking, offset int, list *[]T, read func(context.Context) ([]T, error)) {
	s.tasks.answer(query, func() func() {
		page, err := read(s.tasks.ctx)
		return func() {
			s.loading = false
			if err != nil {
				s.showError(err)
				return
			}
			*list = withPage(*list, offset, page)
			s.more = len(page) == historyPage
			s.updateCount()
			s.list.Refresh()
			s.reselect()
		}
	})
}

// withPage puts page at offset in list: the first page replaces it, later
// ones follow what is there.
func withPage[T any](list []T, offset int, page []T) []T {
	if offset == 0 {
		return page
	}
	return append(list[:offset:offset], page...)
}

// reselect keeps the shown entry selected after the list changed, or
// clears the detail when it is no longer listed.
func (s *HistoryScreen) reselect() {
	for i := range s.rowCount() {
		if s.entryID(i) == s.selected {
			s.showEntry(i)
			s.list.Select(i)
			return
		}
	}
	if s.selected != 0 && !s.more {
		s.selected = 0
		s.list.UnselectAll()
		s.detail.clear()
	}
}

func (s *HistoryScreen) updateCount() {
	n := s.rowCount()
	key := "history.count"
	if s.showReviews {
		key = "history.reviews.count"
	}
	if s.more {
		key += ".more"
	}
	s.count.SetText(tr(key, map[string]any{"N": n}))
}

func (s *HistoryScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	n := s.rowCount()
	if id < 0 || id >= n {
		return
	}
	if s.showReviews {
		o.(*historyRow).setReview(s.reviews[id])
	} else {
		o.(*historyRow).set(s.messages[id])
	}
	// The last row in view asks for the next page.
	if id == n-1 && s.more && !s.loading {
		s.load(n)
	}
}

func (s *HistoryScreen) onSelected(id widget.ListItemID) {
	if id < 0 || id >= s.rowCount() {
		return
	}
	s.selected = s.entryID(id)
	s.showEntry(id)
}

// entryID is the ID of the i-th entry listed.
func (s *HistoryScreen) entryID(i int) int64 {
	if s.showReviews {
		return s.reviews[i].ID
	}
	return s.messages[i].ID
}

// showEntry shows the i-th entry listed in the detail.
func (s *HistoryScreen) showEntry(i int) {
	if s.showReviews {
		s.detail.showReview(s.reviews[i])
		return
	}
	s.detail.show(s.messages[i])
}
