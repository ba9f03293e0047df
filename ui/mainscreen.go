package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// sharedChecker is the compliance engine of the composer; building it
// compiles the lexicons, so it is built once, off the UI goroutine (Run
// warms it while the service opens).
var sharedChecker = sync.OnceValue(policy.NewChecker)

// mainScreen is the window after opening: a header with the demo marker,
// and tabs for orders, history, templates and settings.
type mainScreen struct {
	w     *Window
	svc   *app.Service
	tasks *tasks

	work      *workspace
	settings  *settingsScreen
	history   *HistoryScreen
	templates *TemplatesScreen
	shortcuts func()
	unlisten  func()

	badge                     *demoBadge
	headerLeft                *fyne.Container
	title, store, notice      *widget.Label
	tabs                      *container.AppTabs
	ordersTab, historyTab     *container.TabItem
	templatesTab, settingsTab *container.TabItem
	root                      fyne.CanvasObject
}

func newMainScreen(w *Window) *mainScreen {
	ms := &mainScreen{w: w, svc: w.svc, tasks: w.work.sub()}
	ms.buildUI()
	ms.relabel()
	ms.unlisten = OnLanguageChange(ms.relabel)
	ms.shortcuts = addShortcuts(w.win.Canvas(), ms)
	return ms
}

func (ms *mainScreen) buildUI() {
	ms.work = newWorkspace(ms.tasks, ms.svc, ms.w.win, &ms.w.dialogs)
	ms.settings = newSettingsScreen(ms.tasks, ms.svc, ms.w)
	ms.title = &widget.Label{Text: "Sellermail", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	ms.store = &widget.Label{Importance: widget.LowImportance}
	ms.notice = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	ms.notice.Hide()
	ms.headerLeft = container.NewHBox(ms.title)
	if ms.svc.Mode() == app.ModeDemo {
		ms.badge = newDemoBadge()
		ms.headerLeft.Add(container.NewCenter(ms.badge))
	}
	header := container.NewVBox(container.NewBorder(nil, nil, ms.headerLeft, ms.store), ms.notice)

	ms.ordersTab = &container.TabItem{Icon: theme.ListIcon(), Content: ms.work.object()}
	ms.historyTab = &container.TabItem{Icon: theme.HistoryIcon(), Content: container.NewStack()}
	ms.templatesTab = &container.TabItem{Icon: theme.DocumentIcon(), Content: container.NewStack()}
	ms.settingsTab = &container.TabItem{Icon: theme.SettingsIcon(), Content: ms.settings.object()}
	ms.tabs = container.NewAppTabs(ms.ordersTab, ms.historyTab, ms.templatesTab, ms.settingsTab)
	ms.tabs.OnSelected = ms.onTabSelected
	ms.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, ms.tabs)
}

func (ms *mainScreen) object() fyne.CanvasObject { return ms.root }

// start loads what the screens show; the store's profile is read once
// for all of them.
func (ms *mainScreen) start() {
	ms.work.start()
	svc, ctx := ms.svc, ms.tasks.ctx
	ms.tasks.run(func() func() {
		p, err := svc.Profile(ctx)
		if err != nil {
			return nil
		}
		return func() { ms.profileLoaded(p) }
	})
}

// profileLoaded shows the store's name and marketplaces where they appear.
func (ms *mainScreen) profileLoaded(p store.Profile) {
	if p.StoreName != "" {
		ms.store.SetText(p.StoreName)
	}
	ms.work.storeName = p.StoreName
	ms.work.orders.setMarkets(p.MarketplaceIDs)
	ms.settings.setProfile(p)
}

func (ms *mainScreen) close() {
	ms.tasks.close()
	ms.unlisten()
	ms.shortcuts()
	ms.work.close()
	ms.settings.close()
	if ms.history != nil {
		ms.history.Close()
	}
	if ms.templates != nil {
		ms.templates.Close()
	}
}

func (ms *mainScreen) relabel() {
	ms.ordersTab.Text = tr("tab.orders")
	ms.historyTab.Text = tr("tab.history")
	ms.templatesTab.Text = tr("tab.templates")
	ms.settingsTab.Text = tr("tab.settings")
	ms.tabs.Refresh()
	if ms.badge != nil {
		// The badge's text changed its width: lay the header out again.
		ms.badge.Refresh()
		ms.headerLeft.Refresh()
	}
	notice := ""
	if ms.svc.Mode() == app.ModeDemo {
		notice = ms.svc.Notice(Lang())
	}
	ms.notice.SetText(notice)
	if notice == "" {
		ms.notice.Hide()
	} else {
		ms.notice.Show()
	}
}

// onTabSelected builds the history and templates when first shown, and
// refreshes what the other tabs may have changed.
func (ms *mainScreen) onTabSelected(t *container.TabItem) {
	switch t {
	case ms.ordersTab:
		ms.work.loadTemplates()
	case ms.historyTab:
		if ms.history == nil {
			ms.history = newHistoryScreen(ms.tasks, ms.svc, ms.w.win, &ms.w.dialogs)
			ms.history.OnReuse = ms.onReuse
			ms.historyTab.Content = ms.history.Object()
			ms.tabs.Refresh()
		} else {
			ms.history.Refresh()
		}
	case ms.templatesTab:
		if ms.templates == nil {
			ms.templates = newTemplatesScreen(ms.tasks, ms.svc, ms.w.win, &ms.w.dialogs)
			ms.templatesTab.Content = ms.templates.Object()
			ms.tabs.Refresh()
		}
	}
}

// showOrders switches to the orders tab.
func (ms *mainScreen) showOrders() {
	if ms.tabs.Selected() != ms.ordersTab {
		ms.tabs.Select(ms.ordersTab)
	}
}

// onReuse opens a message's order from the history and puts the text in the composer.
func (ms *mainScreen) onReuse(m store.Message) {
	ms.showOrders()
	ms.work.reuse(m)
}
