package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
)

// ordersPageSize is how many orders one page load reads; the list asks for
// the next page when the seller scrolls near the end.
const ordersPageSize = 200

// orderStatuses are the status filter's choices after "all", in order.
var orderStatuses = app.OrderStatuses

// dateRanges are the date filter's choices in days back; 0 is any time.
// The choice after them is the custom range.
var dateRanges = []int{0, 7, 30, 90}

// customRange is the date filter's index of the custom range.
var customRange = len(dateRanges)

// filterMinWidth is the narrowest a filter's select gets; its choice is
// shown truncated then, in full when opened.
const filterMinWidth = 80

// ordersScreen lists the stored orders, newest first, with search, filters
// and the sync. The list is virtualised over a slice that grows page by
// page (keyset paging), so 100,000 orders cost what the visible rows cost.
type ordersScreen struct {
	svc      *app.Service
	tasks    *tasks
	onSelect func(store.Order)
	sync     *syncPanel
	unlisten func()

	orders  []store.Order
	filter  store.OrderFilter
	pages   question // the orders for the filter; a new filter drops the old answers
	loading bool     // a page is being read
	more    bool     // the last page was full
	selID   string
	search  debouncer
	markets []string // marketplace IDs of the filter, after "all"
	created int      // rows the list created, for tests
	total   int      // orders matching the filter; -1 while counting
	// firstRun starts a sync when the first count finds no orders at all.
	firstRun bool

	searchEntry                *widget.Entry
	marketSelect, statusSelect *widget.Select
	dateSelect                 *widget.Select
	dateRange                  *dateRangeFilter
	eligibleCheck, messagesChk *widget.Check
	count                      *widget.Label
	list                       *widget.List
	reviewsButton              *widget.Button
	root                       fyne.CanvasObject
}

func newOrdersScreen(t *tasks, svc *app.Service, onSelect func(store.Order)) *ordersScreen {
	s := &ordersScreen{svc: svc, tasks: t, onSelect: onSelect, search: debouncer{tasks: t, delay: 300 * time.Millisecond}, firstRun: true}
	s.sync = newSyncPanel(t, svc, s.onSyncProgress)
	s.buildUI()
	s.relabel()
	s.unlisten = OnLanguageChange(s.relabel)
	return s
}

func (s *ordersScreen) buildUI() {
	s.searchEntry = &widget.Entry{Wrapping: scrollingLine, ActionItem: widget.NewIcon(theme.SearchIcon())}
	s.searchEntry.OnChanged = func(string) { s.search.call(s.reload) }
	s.searchEntry.OnSubmitted = func(string) { s.search.stop(); s.reload() }
	s.marketSelect = &widget.Select{OnChanged: func(string) { s.onFilterChanged() }}
	s.statusSelect = &widget.Select{OnChanged: func(string) { s.onFilterChanged() }}
	s.dateSelect = &widget.Select{OnChanged: func(string) { s.onDateChoice() }}
	s.dateRange = newDateRangeFilter(s.onFilterChanged)
	s.eligibleCheck = &widget.Check{OnChanged: func(bool) { s.onFilterChanged() }}
	s.messagesChk = &widget.Check{OnChanged: func(bool) { s.onFilterChanged() }}
	s.count = &widget.Label{Importance: widget.LowImportance}
	s.reviewsButton = &widget.Button{Icon: theme.NewThemedResource(theme.ConfirmIcon())}
	s.list = &widget.List{
		Length:     func() int { return len(s.orders) },
		CreateItem: s.createRow,
		UpdateItem: s.updateRow,
		OnSelected: s.onSelected,
	}
	s.list.ExtendBaseWidget(s.list)
	// In a narrow window the choices truncate and the checks break onto
	// two lines, so the list keeps the window narrow enough for a laptop.
	filters := container.NewGridWithColumns(3,
		shrinkable(filterMinWidth, s.marketSelect), shrinkable(filterMinWidth, s.statusSelect),
		shrinkable(filterMinWidth, s.dateSelect))
	checks := newFlow(s.eligibleCheck, s.messagesChk)
	top := container.NewVBox(s.searchEntry, filters, s.dateRange.object(), checks, s.count)
	bottom := container.NewVBox(widget.NewSeparator(), s.sync.object(), s.reviewsButton)
	s.root = container.NewBorder(top, bottom, nil, nil, s.list)
}

func (s *ordersScreen) object() fyne.CanvasObject { return s.root }

func (s *ordersScreen) close() {
	s.unlisten()
	s.search.stop()
	s.sync.close()
}

// start loads the first page and the last sync's time.
func (s *ordersScreen) start() {
	s.reload()
	s.sync.start()
}

// setMarkets offers the store's marketplaces in the filter.
func (s *ordersScreen) setMarkets(ids []string) {
	s.markets = ids
	s.relabelMarkets()
}

func (s *ordersScreen) relabel() {
	s.searchEntry.SetPlaceHolder(tr("orders.search"))
	s.relabelMarkets()
	status := []string{tr("orders.filter.allstatus")}
	for _, st := range orderStatuses {
		status = append(status, statusName(string(st)))
	}
	setOptions(s.statusSelect, status)
	dates := []string{tr("orders.filter.anytime")}
	for _, d := range dateRanges[1:] {
		dates = append(dates, tr("orders.filter.days", map[string]any{"N": d}))
	}
	setOptions(s.dateSelect, append(dates, tr("orders.filter.custom")))
	s.dateRange.relabel()
	s.eligibleCheck.Text = tr("orders.filter.eligible")
	s.eligibleCheck.Refresh()
	s.messagesChk.Text = tr("orders.filter.messages")
	s.messagesChk.Refresh()
	s.reviewsButton.SetText(tr("reviews.all"))
	s.updateCount()
	s.list.Refresh()
	s.sync.relabel()
}

func (s *ordersScreen) relabelMarkets() {
	opts := []string{tr("orders.filter.allmarkets")}
	for _, m := range s.markets {
		opts = append(opts, marketplaceName(m))
	}
	setOptions(s.marketSelect, opts)
}

// setOptions replaces a select's options, keeping the chosen index and
// without firing OnChanged.
func setOptions(sel *widget.Select, opts []string) {
	i := max(sel.SelectedIndex(), 0)
	if i >= len(opts) {
		i = 0
	}
	sel.Options = opts
	sel.Selected = opts[i]
	sel.Refresh()
}

// onFilterChanged reads the filter widgets and reloads.
func (s *ordersScreen) onFilterChanged() {
	s.reload()
}

// onDateChoice shows the From and To dates for the custom range, and reloads.
func (s *ordersScreen) onDateChoice() {
	s.dateRange.setVisible(s.dateSelect.SelectedIndex() == customRange)
	s.reload()
}

// currentFilter is the filter the widgets show.
func (s *ordersScreen) currentFilter() store.OrderFilter {
	f := store.OrderFilter{Search: strings.TrimSpace(s.searchEntry.Text), Limit: ordersPageSize,
		ReviewEligible: s.eligibleCheck.Checked, HasMessages: s.messagesChk.Checked}
	if i := s.marketSelect.SelectedIndex(); i > 0 && i <= len(s.markets) {
		f.Marketplace = s.markets[i-1]
	}
	if i := s.statusSelect.SelectedIndex(); i > 0 && i <= len(orderStatuses) {
		f.Status = string(orderStatuses[i-1])
	}
	switch i := s.dateSelect.SelectedIndex(); {
	case i == customRange:
		f.From, f.To = s.dateRange.bounds()
	case i > 0 && i < len(dateRanges):
		// From local midnight N days ago: "last 7 days" means the seller's days.
		y, m, d := time.Now().AddDate(0, 0, -dateRanges[i]).Date()
		f.From = time.Date(y, m, d, 0, 0, 0, 0, time.Local)
	}
	return f
}

// reload starts over with the current filter.
func (s *ordersScreen) reload() {
	s.pages.ask()
	s.filter = s.currentFilter()
	s.orders = nil
	s.more = false
	s.loading = false
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.loadPage()
	s.loadCount()
}

// loadPage reads the page after the last order shown.
func (s *ordersScreen) loadPage() {
	if s.loading {
		return
	}
	s.loading = true
	f := s.filter
	if n := len(s.orders); n > 0 {
		f.After = store.CursorOf(s.orders[n-1])
	}
	svc, ctx := s.svc, s.tasks.ctx
	s.tasks.answer(s.pages.current(), func() func() {
		page, err := svc.Orders(ctx, f)
		return func() {
			s.loading = false
			if err != nil {
				s.count.SetText(app.Explain(err, Lang()))
				return
			}
			s.orders = append(s.orders, page...)
			s.more = len(page) == f.Limit
			s.list.Refresh()
			s.restoreSelection()
		}
	})
}

// loadCount counts the orders the filter matches.
func (s *ordersScreen) loadCount() {
	f := s.filter
	f.Limit = 0
	s.total = -1
	s.updateCount()
	svc, ctx := s.svc, s.tasks.ctx
	s.tasks.answer(s.pages.current(), func() func() {
		n, err := svc.CountOrders(ctx, f)
		if err != nil {
			return nil
		}
		return func() {
			s.total = n
			s.updateCount()
			if s.firstRun && n == 0 && f.Search == "" && f.Marketplace == "" && f.Status == "" && f.From.IsZero() &&
				f.To.IsZero() && !f.ReviewEligible && !f.HasMessages {
				s.sync.Start()
			}
			s.firstRun = false
		}
	})
}

func (s *ordersScreen) updateCount() {
	text := ""
	if s.total >= 0 {
		text = tr("orders.count", map[string]any{"N": s.total})
		if s.total == 1 {
			text = tr("orders.count.one")
		}
	}
	s.count.SetText(text)
}

func (s *ordersScreen) createRow() fyne.CanvasObject {
	s.created++
	return newOrderRow()
}

func (s *ordersScreen) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id < 0 || id >= len(s.orders) {
		return
	}
	obj.(*orderRow).set(s.orders[id])
	if s.more && id >= len(s.orders)-ordersPageSize/4 {
		s.loadPage()
	}
}

func (s *ordersScreen) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.orders) {
		return
	}
	o := s.orders[id]
	if o.OrderID == s.selID {
		return
	}
	s.selID = o.OrderID
	if s.onSelect != nil {
		s.onSelect(o)
	}
}

// restoreSelection selects the chosen order again after a reload, if it is shown.
func (s *ordersScreen) restoreSelection() {
	if s.selID == "" {
		return
	}
	for i, o := range s.orders {
		if o.OrderID == s.selID {
			s.list.Select(i)
			return
		}
	}
}

// focusSearch puts the cursor into the search field.
func (s *ordersScreen) focusSearch() {
	focus(s.searchEntry)
}

// onSyncProgress shows the first orders while the first sync is running.
func (s *ordersScreen) onSyncProgress(done bool) {
	if done || len(s.orders) < ordersPageSize {
		s.reload()
	}
}

// orderRow is one line of the orders list: ID, date and product on top,
// status, marketplace and what was sent below.
type orderRow struct {
	widget.BaseWidget
	id, date, product, info *widget.Label
}

func newOrderRow() *orderRow {
	r := &orderRow{
		id:      &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		date:    &widget.Label{},
		product: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		info:    &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the two lines out.
func (r *orderRow) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, r.id, r.date, r.info)
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), top, r.product))
}

func (r *orderRow) set(o store.Order) {
	r.id.SetText(o.OrderID)
	r.date.SetText(fmtDate(o.PurchaseDate))
	product := ""
	if len(o.Items) > 0 {
		product = o.Items[0].Title
		if len(o.Items) > 1 {
			product += " " + tr("orders.moreitems", map[string]any{"N": len(o.Items) - 1})
		}
	}
	r.product.SetText(product)
	parts := []string{statusName(o.Status), marketplaceName(o.MarketplaceID)}
	if o.SentMessages > 0 {
		parts = append(parts, tr("orders.sent", map[string]any{"N": o.SentMessages}))
	}
	if o.ReviewRequested {
		parts = append(parts, tr("orders.reviewrequested"))
	}
	r.info.SetText(strings.Join(parts, " · "))
	// The texts' widths changed: lay the row out again.
	r.Refresh()
}
