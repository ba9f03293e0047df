package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/secrets"
)

// The regions the setup offers, in the order shown.
var setupRegions = app.Regions

// setupScreen guides the seller through connecting a private SP-API app:
// what it is, how to self-authorize it in Seller Central, the three
// credentials with format checks, a test call that reads the store back,
// and saving into the keyring.
type setupScreen struct {
	svc      *app.Service
	win      fyne.Window
	onCancel func()
	onSaved  func()
	tasks    *tasks
	// tests is the credentials' test; editing, saving or leaving drops its answer.
	tests    question
	account  *app.Account // the tested account; nil until a test succeeded
	unlisten func()

	title, intro, stepsTitle, steps               *widget.Label
	regionLabel, idLabel, secretLabel, tokenLabel *widget.Label
	region                                        *widget.Select
	clientID, clientSecret, refreshToken          *widget.Entry
	idErr, secretErr, tokenErr                    *widget.Label
	status                                        *widget.Label
	progress                                      *widget.ProgressBarInfinite
	testButton, saveButton, cancelButton          *widget.Button
	root                                          fyne.CanvasObject
	regionIndex                                   int
	statusKey                                     string
	statusText                                    string
}

func newSetupScreen(t *tasks, svc *app.Service, w fyne.Window) *setupScreen {
	s := &setupScreen{svc: svc, win: w, tasks: t}
	s.buildUI()
	s.relabel()
	s.unlisten = OnLanguageChange(s.relabel)
	return s
}

func (s *setupScreen) buildUI() {
	s.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	s.intro = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.stepsTitle = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	s.steps = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.regionLabel = &widget.Label{}
	s.idLabel = &widget.Label{}
	s.secretLabel = &widget.Label{}
	s.tokenLabel = &widget.Label{}
	s.region = &widget.Select{OnChanged: func(string) { s.regionIndex = s.region.SelectedIndex(); s.onEdited("") }}
	s.clientID = &widget.Entry{Wrapping: scrollingLine, PlaceHolder: secrets.ClientIDPrefix + "…"}
	s.clientSecret = &widget.Entry{Wrapping: scrollingLine, PlaceHolder: secrets.ClientSecretPrefix + "…", Password: true}
	s.refreshToken = &widget.Entry{Wrapping: scrollingLine, PlaceHolder: secrets.RefreshTokenPrefix + "…", Password: true}
	for _, e := range []*widget.Entry{s.clientID, s.clientSecret, s.refreshToken} {
		e.OnChanged = s.onEdited
		e.OnSubmitted = func(string) { s.onTest() }
	}
	s.idErr, s.secretErr, s.tokenErr = errLabel(), errLabel(), errLabel()
	s.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.testButton = &widget.Button{Icon: theme.SearchIcon(), OnTapped: s.onTest}
	s.saveButton = &widget.Button{Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onSave}
	s.saveButton.Disable()
	s.cancelButton = &widget.Button{Icon: theme.NavigateBackIcon(), OnTapped: s.onCancelTapped}

	form := container.New(layout.NewFormLayout(),
		s.regionLabel, s.region,
		s.idLabel, container.NewVBox(s.clientID, s.idErr),
		s.secretLabel, container.NewVBox(s.clientSecret, s.secretErr),
		s.tokenLabel, container.NewVBox(s.refreshToken, s.tokenErr))
	buttons := container.NewHBox(s.cancelButton, layout.NewSpacer(), s.testButton, s.saveButton)
	body := container.NewVBox(s.title, s.intro, widget.NewSeparator(), s.stepsTitle, s.steps, widget.NewSeparator(),
		form, s.progress, s.status, buttons)
	s.root = newMaxWidth(820, container.NewVScroll(container.NewPadded(body)))
}

func errLabel() *widget.Label {
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	l.Hide()
	return l
}

func (s *setupScreen) object() fyne.CanvasObject { return s.root }

func (s *setupScreen) close() {
	s.tasks.close()
	s.unlisten()
}

func (s *setupScreen) relabel() {
	s.title.SetText(tr("setup.title"))
	s.intro.SetText(tr("setup.intro"))
	s.stepsTitle.SetText(tr("setup.steps.title"))
	s.steps.SetText(tr("setup.steps"))
	s.regionLabel.SetText(tr("setup.region"))
	s.idLabel.SetText(tr("setup.clientid"))
	s.secretLabel.SetText(tr("setup.clientsecret"))
	s.tokenLabel.SetText(tr("setup.refreshtoken"))
	s.region.Options = []string{tr("setup.region.eu"), tr("setup.region.na"), tr("setup.region.fe")}
	s.region.Selected = s.region.Options[s.regionIndex]
	s.region.Refresh()
	s.testButton.SetText(tr("setup.test"))
	s.saveButton.SetText(tr("setup.save"))
	s.cancelButton.SetText(tr("setup.back"))
	if s.statusKey != "" {
		s.status.SetText(tr(s.statusKey, map[string]any{"Detail": s.statusText}))
	}
	if s.account != nil {
		s.showAccount()
	}
}

func (s *setupScreen) credentials() secrets.Credentials {
	return secrets.Credentials{
		ClientID:     strings.TrimSpace(s.clientID.Text),
		ClientSecret: strings.TrimSpace(s.clientSecret.Text),
		RefreshToken: strings.TrimSpace(s.refreshToken.Text),
	}
}

// onEdited forgets a test of other values and the errors of the edited field.
func (s *setupScreen) onEdited(string) {
	s.tests.drop()
	s.account = nil
	s.saveButton.Disable()
	s.busy(false)
	s.setStatus("", "", widget.MediumImportance)
	for _, p := range []struct {
		e *widget.Entry
		l *widget.Label
	}{{s.clientID, s.idErr}, {s.clientSecret, s.secretErr}, {s.refreshToken, s.tokenErr}} {
		if p.e.Text != "" && p.l.Visible() {
			p.l.Hide()
		}
	}
}

// showFieldErrors puts each format problem under its field; it reports
// whether there was one.
func (s *setupScreen) showFieldErrors(err error) bool {
	labels := map[string]*widget.Label{
		"LWA client ID": s.idErr, "LWA client secret": s.secretErr, "refresh token": s.tokenErr,
	}
	for _, l := range labels {
		l.Hide()
	}
	if err == nil {
		return false
	}
	for _, fe := range secrets.FieldErrors(err) {
		l := labels[fe.Field]
		if l == nil {
			continue
		}
		l.SetText(tr("setup.invalid."+fieldKey(fe.Field), map[string]any{"Problem": fe.ProblemText(Lang())}))
		l.Show()
	}
	s.setStatus("setup.fix", "", widget.DangerImportance)
	return true
}

// fieldKey names a credential field in translation keys.
func fieldKey(field string) string {
	switch field {
	case "LWA client ID":
		return "clientid"
	case "LWA client secret":
		return "clientsecret"
	}
	return "refreshtoken"
}

func (s *setupScreen) onTest() {
	c := s.credentials()
	if s.showFieldErrors(c.Validate()) {
		return
	}
	test := s.tests.ask()
	region := setupRegions[max(0, s.region.SelectedIndex())]
	s.busy(true)
	s.setStatus("setup.testing", "", widget.MediumImportance)
	svc, ctx := s.svc, s.tasks.ctx
	s.tasks.answer(test, func() func() {
		acc, err := svc.TestCredentials(ctx, c, region)
		return func() {
			s.busy(false)
			if err != nil {
				s.showFieldErrors(nil)
				s.setStatus("setup.testfailed", app.Explain(err, Lang()), widget.DangerImportance)
				return
			}
			s.account = &acc
			s.showAccount()
			s.saveButton.Enable()
		}
	})
}

// showAccount shows the store and marketplaces Amazon reported.
func (s *setupScreen) showAccount() {
	var names []string
	for _, m := range s.account.Marketplaces {
		names = append(names, marketplaceName(m.MarketplaceID))
	}
	store := s.account.Profile.StoreName
	if store == "" {
		store = "–"
	}
	s.setStatus("setup.connected", "", widget.SuccessImportance)
	s.status.SetText(tr("setup.connected", map[string]any{"Store": store, "Marketplaces": strings.Join(names, ", ")}))
}

func (s *setupScreen) onSave() {
	if s.account == nil {
		return
	}
	c, acc := s.credentials(), *s.account
	test := s.tests.current()
	s.busy(true)
	s.saveButton.Disable()
	svc, ctx := s.svc, s.tasks.ctx
	s.tasks.answer(test, func() func() {
		err := svc.SaveCredentials(ctx, c, acc)
		return func() {
			s.busy(false)
			if err != nil {
				s.saveButton.Enable()
				s.setStatus("setup.savefailed", app.Explain(err, Lang()), widget.DangerImportance)
				return
			}
			for _, e := range []*widget.Entry{s.clientID, s.clientSecret, s.refreshToken} {
				e.OnChanged = nil
				e.SetText("")
			}
			if s.onSaved != nil {
				s.onSaved()
			}
		}
	})
}

func (s *setupScreen) onCancelTapped() {
	s.tests.drop()
	if s.onCancel != nil {
		s.onCancel()
	}
}

// busy shows the progress bar and locks the buttons while Amazon is asked.
func (s *setupScreen) busy(on bool) {
	if on {
		s.progress.Show()
		s.progress.Start()
		s.testButton.Disable()
		return
	}
	s.progress.Stop()
	s.progress.Hide()
	s.testButton.Enable()
}

// setStatus shows the text of key (with Detail) below the form; "" clears it.
func (s *setupScreen) setStatus(key, detail string, imp widget.Importance) {
	s.statusKey, s.statusText = key, detail
	s.status.Importance = imp
	if key == "" {
		s.status.SetText("")
		return
	}
	s.status.SetText(tr(key, map[string]any{"Detail": detail}))
}
