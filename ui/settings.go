package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
)

// settingsScreen is the account and credentials, the marketplaces, the
// window's language and theme, where the data lives and the demo switch.
type settingsScreen struct {
	svc      *app.Service
	tasks    *tasks
	w        *Window
	unlisten func()
	markets  []string
	store    string

	accountHead, account, marketsHead, marketsText *widget.Label
	langLabel, themeLabel, dataLabel, demoHead     *widget.Label
	dataPath, demoText                             *widget.Label
	aboutHead, about                               *widget.Label
	connectButton, logoutButton                    *widget.Button
	language                                       *LanguageSelect
	themeSelect                                    *widget.Select
	demoCheck                                      *widget.Check
	root                                           fyne.CanvasObject
}

func newSettingsScreen(t *tasks, svc *app.Service, w *Window) *settingsScreen {
	s := &settingsScreen{svc: svc, tasks: t, w: w}
	s.buildUI()
	s.relabel()
	s.unlisten = OnLanguageChange(s.relabel)
	return s
}

func (s *settingsScreen) buildUI() {
	s.accountHead, s.marketsHead, s.demoHead = bold(), bold(), bold()
	s.langLabel, s.themeLabel, s.dataLabel = bold(), bold(), bold()
	s.account, s.marketsText, s.demoText = wrapped(), wrapped(), wrapped()
	s.dataPath = &widget.Label{Wrapping: fyne.TextWrapBreak, Selectable: true}
	s.connectButton = &widget.Button{Icon: theme.LoginIcon(), OnTapped: s.onConnect}
	s.logoutButton = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: s.onLogout}
	if s.svc.Mode() != app.ModeAmazon {
		s.logoutButton.Hide()
	}
	s.language = NewLanguageSelect(func(tag i18n.Lang) {
		fyne.CurrentApp().Preferences().SetString(PrefLanguage, string(tag))
	})
	s.themeSelect = &widget.Select{OnChanged: s.onThemeChanged}
	s.demoCheck = &widget.Check{Checked: s.svc.Mode() == app.ModeDemo}
	s.demoCheck.OnChanged = s.onDemoChanged
	s.dataPath.SetText(s.svc.DataPath())
	s.aboutHead, s.about = bold(), &widget.Label{Selectable: true}
	form := container.New(layout.NewFormLayout(),
		s.accountHead, container.NewVBox(s.account, container.NewHBox(s.connectButton, s.logoutButton)),
		s.marketsHead, s.marketsText,
		s.demoHead, container.NewVBox(s.demoCheck, s.demoText),
		s.langLabel, container.NewHBox(withMinWidth(200, s.language.Widget())),
		s.themeLabel, container.NewHBox(withMinWidth(200, s.themeSelect)),
		s.dataLabel, s.dataPath,
		s.aboutHead, s.about)
	s.root = newMaxWidth(860, container.NewVScroll(container.NewPadded(form)))
}

func (s *settingsScreen) object() fyne.CanvasObject { return s.root }

// setProfile shows the store's name and marketplaces.
func (s *settingsScreen) setProfile(p store.Profile) {
	s.markets, s.store = p.MarketplaceIDs, p.StoreName
	s.relabel()
}

func (s *settingsScreen) close() {
	s.unlisten()
	s.language.Close()
}

func (s *settingsScreen) relabel() {
	s.accountHead.SetText(tr("settings.account"))
	s.marketsHead.SetText(tr("settings.marketplaces"))
	s.demoHead.SetText(tr("settings.demo"))
	s.langLabel.SetText(tr("settings.language"))
	s.themeLabel.SetText(tr("settings.theme"))
	s.dataLabel.SetText(tr("settings.data"))
	s.aboutHead.SetText(tr("settings.about"))
	s.about.SetText(tr("settings.about.text", map[string]any{"Version": s.w.cfg.Version}))
	store := s.store
	if store == "" {
		store = "–"
	}
	if s.svc.Mode() == app.ModeDemo {
		s.account.SetText(tr("settings.account.demo"))
		s.connectButton.SetText(tr("settings.connect"))
	} else {
		s.account.SetText(tr("settings.account.amazon", map[string]any{"Store": store, "Region": string(s.svc.Region())}))
		s.connectButton.SetText(tr("settings.replace"))
	}
	s.logoutButton.SetText(tr("settings.logout"))
	names := make([]string, 0, len(s.markets))
	for _, m := range s.markets {
		names = append(names, marketplaceName(m))
	}
	if len(names) == 0 {
		s.marketsText.SetText("–")
	} else {
		s.marketsText.SetText(strings.Join(names, ", "))
	}
	s.demoCheck.Text = tr("settings.demo.check")
	s.demoCheck.Refresh()
	s.demoText.SetText(tr("settings.demo.text"))
	current := fyne.CurrentApp().Preferences().StringWithFallback(PrefTheme, ThemeSystem)
	s.themeSelect.Options = []string{tr("settings.theme.system"), tr("settings.theme.light"), tr("settings.theme.dark")}
	for i, c := range themeChoices {
		if c == current {
			s.themeSelect.Selected = s.themeSelect.Options[i]
		}
	}
	s.themeSelect.Refresh()
}

func (s *settingsScreen) onThemeChanged(string) {
	i := s.themeSelect.SelectedIndex()
	if i < 0 {
		return
	}
	a := fyne.CurrentApp()
	a.Preferences().SetString(PrefTheme, themeChoices[i])
	ApplyTheme(a, themeChoices[i])
}

func (s *settingsScreen) onConnect() { s.w.onConnect() }

func (s *settingsScreen) onDemoChanged(on bool) {
	if on == (s.svc.Mode() == app.ModeDemo) {
		return
	}
	s.w.onDemoChanged(on)
}

// onLogout removes the credentials after asking, then reopens the services.
func (s *settingsScreen) onLogout() {
	msg := &widget.Label{Text: tr("settings.logout.confirm"), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomConfirm(tr("settings.logout.title"), tr("settings.logout"), tr("dialog.cancel"), msg, func(ok bool) {
		if !ok {
			return
		}
		svc, ctx := s.svc, s.tasks.ctx
		s.tasks.run(func() func() {
			err := svc.Logout(ctx)
			return func() {
				if err != nil {
					s.w.dialogs.show(dialog.NewInformation(tr("settings.logout.title"), app.Explain(err, Lang()), s.w.win))
					return
				}
				s.w.onLoggedOut()
			}
		})
	}, s.w.win)
	d.Resize(fyne.NewSize(420, 0))
	s.w.dialogs.show(d)
}
