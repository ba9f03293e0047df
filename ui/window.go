package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/i18n"
)

// Preference keys the window reads and writes.
const (
	// PrefLanguage is the chosen language: LanguageSystem, LanguageGerman or LanguageEnglish.
	PrefLanguage = "ui.language"
	// PrefTheme is the chosen theme: ThemeSystem, ThemeLight or ThemeDark.
	PrefTheme = "ui.theme"
	// PrefDemo is true when the seller chose the demo.
	PrefDemo = "app.demo"
)

// OpenFunc opens the app services; demo forces the demo marketplace,
// otherwise the stored credentials decide. It runs off the UI goroutine.
type OpenFunc func(ctx context.Context, demo bool) (*app.Service, error)

// Config is what Run needs besides the app and its window.
type Config struct {
	// Open opens the services, at start and whenever the seller switches
	// between the demo and the account.
	Open OpenFunc
	// ForceDemo starts in the demo whatever the preferences say (--demo).
	ForceDemo bool
	// Language, when not LanguageSystem, is the window's language for this
	// run whatever the preferences say (--ui-lang); the saved choice stays.
	Language i18n.Lang
	// Version is the version and commit the About line in Settings shows.
	Version string
}

// Window is Sellermail's main window: the loading state, the welcome on
// first start, the account setup and the main screens. It owns the open
// app.Service. Its methods run on the UI goroutine.
type Window struct {
	app fyne.App
	win fyne.Window
	cfg Config
	// tasks is the window's background work; work is the part of it for
	// the open service's screens, closed when the service is.
	tasks, work *tasks

	svc       *app.Service
	opening   question // a service opening; a stale one is closed unused
	main      *mainScreen
	setup     *setupScreen // the account setup while shown
	closeView func()
	closed    bool
	dialogs   dialogStack
}

// applyPreferences sets the saved language, or the one cfg forces, and the
// saved theme. Run calls it once, before anything is drawn.
func applyPreferences(a fyne.App, cfg Config) {
	p := a.Preferences()
	choice := i18n.Lang(p.StringWithFallback(PrefLanguage, string(LanguageSystem)))
	if cfg.Language != LanguageSystem {
		choice = cfg.Language
	}
	if err := SetLanguage(choice); err != nil {
		_ = SetLanguage(LanguageSystem)
	}
	ApplyTheme(a, p.StringWithFallback(PrefTheme, ThemeSystem))
}

// Run applies the saved language and theme, shows the window's loading
// state at once and opens the services in a goroutine; then it shows the
// welcome (no account set up and the demo never chosen) or the main
// screens. Call Close when the app stops.
func Run(a fyne.App, w fyne.Window, cfg Config) *Window { return run(a, w, cfg, uiTasks()) }

// run is Run with the background work in t.
func run(a fyne.App, w fyne.Window, cfg Config, t *tasks) *Window {
	registerFyneTexts()
	applyPreferences(a, cfg)
	m := &Window{app: a, win: w, cfg: cfg, tasks: t, work: t.sub()}
	w.SetTitle("Sellermail")
	installEscape(w.Canvas(), m.onEscape)
	installEnter(w.Canvas(), m.onEnter)
	m.open(cfg.ForceDemo || a.Preferences().Bool(PrefDemo))
	return m
}

// Service is the open service, nil while opening.
func (m *Window) Service() *app.Service { return m.svc }

// Close stops the window's work and closes the service: it cancels what
// runs on (a sync), saves a draft still waiting for its delay, and waits a
// few seconds at most for the goroutines writing to the database (the
// draft, a send's outcome) before the database closes.
func (m *Window) Close() {
	if m.closed {
		return
	}
	m.closed = true
	m.work.close()
	m.clearView()
	m.tasks.wait(closeWait)
	if m.svc != nil {
		_ = m.svc.Close()
		m.svc = nil
	}
}

// open closes the current service and opens one, showing the loading state.
// The old service closes once its screens' goroutines have ended (a draft
// saved as the screens closed, a send's outcome), or after closeWait, as
// when the window closes.
func (m *Window) open(demo bool) {
	opening := m.opening.ask()
	m.clearView()
	old, oldWork := m.svc, m.work
	m.svc = nil
	oldWork.close()
	m.work = m.tasks.sub()
	m.showLoading()
	openFn, ctx := m.cfg.Open, m.work.ctx
	// On the window's own group, so the answer always arrives: a service
	// opened for nothing must be closed.
	m.tasks.run(func() func() {
		if old != nil {
			oldWork.wait(closeWait)
			_ = old.Close()
		}
		svc, err := openFn(ctx, demo)
		sharedChecker() // built here, so showing the composer does not wait for it
		return func() { m.opened(opening, svc, err, demo) }
	})
}

// opened shows what follows an opening.
func (m *Window) opened(opening asking, svc *app.Service, err error, demo bool) {
	if opening.stale() || m.closed {
		if svc != nil {
			go svc.Close()
		}
		return
	}
	if err != nil {
		m.showOpenError(err, demo)
		return
	}
	m.svc = svc
	if svc.Mode() == app.ModeDemo && !demo {
		m.showWelcome()
		return
	}
	m.showMain()
}

// clearView ends the screen shown, so it stops following the language and the service.
func (m *Window) clearView() {
	if m.closeView != nil {
		m.closeView()
		m.closeView = nil
	}
	m.main = nil
	m.setup = nil
}

// setView shows content; closeFn ends it when the next view replaces it.
func (m *Window) setView(content fyne.CanvasObject, closeFn func()) {
	m.clearView()
	m.closeView = closeFn
	m.win.SetContent(content)
}

func (m *Window) showLoading() {
	label := &widget.Label{Alignment: fyne.TextAlignCenter}
	relabel := func() { label.SetText(tr("window.loading")) }
	relabel()
	bar := widget.NewProgressBarInfinite()
	content := container.NewCenter(container.NewVBox(label, container.NewGridWrap(fyne.NewSize(320, bar.MinSize().Height), bar)))
	m.setView(content, combine(bar.Stop, OnLanguageChange(relabel)))
	m.updateTitle()
}

// showOpenError says why the data could not be opened and offers to retry.
func (m *Window) showOpenError(err error, demo bool) {
	title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	detail := &widget.Label{Wrapping: fyne.TextWrapWord}
	retry := &widget.Button{Importance: widget.HighImportance, OnTapped: func() { m.open(demo) }}
	relabel := func() {
		title.SetText(tr("window.openfailed"))
		text := app.Explain(err, Lang())
		if d := app.Detail(err); d != "" {
			// Sellermail cannot start: the technical text helps support,
			// on a line of its own, not inside the sentence.
			text += "\n\n" + tr("window.openfailed.detail", map[string]any{"Detail": d})
		}
		detail.SetText(text)
		retry.SetText(tr("window.retry"))
	}
	relabel()
	box := container.NewVBox(title, detail, container.NewHBox(layout.NewSpacer(), retry))
	m.setView(container.NewPadded(box), OnLanguageChange(relabel))
}

// showWelcome greets a seller who has neither an account set up nor chosen the demo.
func (m *Window) showWelcome() {
	s := newWelcomeScreen(m.svc, m.onTryDemo, m.onConnect)
	m.setView(s.object(), s.close)
	m.updateTitle()
}

func (m *Window) onTryDemo() {
	m.app.Preferences().SetBool(PrefDemo, true)
	if m.svc != nil && m.svc.Mode() == app.ModeDemo {
		m.showMain()
		return
	}
	m.open(true)
}

// onConnect shows the account setup; cancelling returns to where the seller was.
func (m *Window) onConnect() {
	svc := m.svc
	back := m.showWelcome
	if m.main != nil {
		back = m.showMain
	}
	if svc == nil {
		return
	}
	s := newSetupScreen(m.work.sub(), svc, m.win)
	s.onCancel = back
	s.onSaved = func() {
		m.app.Preferences().SetBool(PrefDemo, false)
		m.open(false)
	}
	m.setView(s.object(), s.close)
	m.setup = s
}

// showMain shows the orders, history, templates and settings.
func (m *Window) showMain() {
	if m.svc == nil {
		return
	}
	ms := newMainScreen(m)
	m.setView(ms.object(), ms.close)
	m.main = ms
	m.updateTitle()
	ms.start()
}

// updateTitle marks the demo in the window's title.
func (m *Window) updateTitle() {
	title := "Sellermail"
	if m.svc != nil && m.svc.Mode() == app.ModeDemo {
		title += " — " + tr("demo.badge")
	}
	m.win.SetTitle(title)
}

// onDemoChanged switches between the demo and the seller's account.
func (m *Window) onDemoChanged(demo bool) {
	m.app.Preferences().SetBool(PrefDemo, demo)
	m.open(demo)
}

// onLoggedOut reopens the services after the credentials were removed.
func (m *Window) onLoggedOut() {
	m.app.Preferences().SetBool(PrefDemo, false)
	m.open(false)
}

// onEscape closes the dialog on top: the composer's confirmation, or the
// newest of the window's own, the history's and the templates' among them.
func (m *Window) onEscape() bool {
	if m.main != nil {
		if c := m.main.work.composer.confirm; c != nil {
			c.Hide()
			return true
		}
	}
	return m.dialogs.dismissTop()
}

// onEnter confirms the composer's confirmation, the one dialog whose
// default answer is safe to give with a key: the seller read the text in it.
func (m *Window) onEnter() bool {
	if m.main != nil {
		if c := m.main.work.composer.confirm; c != nil {
			c.Confirm()
			return true
		}
	}
	return false
}

// combine returns a function calling every non-nil fn.
func combine(fns ...func()) func() {
	return func() {
		for _, fn := range fns {
			if fn != nil {
				fn()
			}
		}
	}
}
