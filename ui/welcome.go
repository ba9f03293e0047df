package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/i18n"
)

// welcomeScreen is the first start: try the demo or connect the Amazon account.
type welcomeScreen struct {
	svc       *app.Service
	onDemo    func()
	onConnect func()

	title, intro, demoText, connectText, notice *widget.Label
	demoButton, connectButton                   *widget.Button
	language                                    *LanguageSelect
	root                                        fyne.CanvasObject
	unlisten                                    func()
}

func newWelcomeScreen(svc *app.Service, onDemo, onConnect func()) *welcomeScreen {
	s := &welcomeScreen{svc: svc, onDemo: onDemo, onConnect: onConnect}
	s.buildUI()
	s.relabel()
	s.unlisten = OnLanguageChange(s.relabel)
	return s
}

func (s *welcomeScreen) buildUI() {
	s.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	s.intro = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.demoText = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.connectText = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.notice = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	s.demoButton = &widget.Button{Icon: theme.MediaPlayIcon(), Importance: widget.HighImportance, OnTapped: s.onDemo}
	s.connectButton = &widget.Button{Icon: theme.LoginIcon(), OnTapped: s.onConnect}
	s.language = NewLanguageSelect(func(tag i18n.Lang) {
		fyne.CurrentApp().Preferences().SetString(PrefLanguage, string(tag))
	})
	demo := widget.NewCard("", "", container.NewVBox(s.demoText, s.demoButton))
	connect := widget.NewCard("", "", container.NewVBox(s.connectText, s.connectButton))
	top := container.NewBorder(nil, nil, nil, withMinWidth(180, s.language.Widget()), s.title)
	body := container.NewVBox(top, s.intro, s.notice, container.NewGridWithColumns(2, demo, connect))
	s.root = newMaxWidth(760, container.NewVScroll(container.NewPadded(body)))
}

func (s *welcomeScreen) object() fyne.CanvasObject { return s.root }

func (s *welcomeScreen) close() {
	s.unlisten()
	s.language.Close()
}

func (s *welcomeScreen) relabel() {
	s.title.SetText(tr("welcome.title"))
	s.intro.SetText(tr("welcome.intro"))
	s.demoText.SetText(tr("welcome.demo.text"))
	s.demoButton.SetText(tr("welcome.demo"))
	s.connectText.SetText(tr("welcome.connect.text"))
	s.connectButton.SetText(tr("welcome.connect"))
	notice := ""
	if s.svc != nil {
		notice = s.svc.Notice(Lang())
	}
	s.notice.SetText(notice)
	if notice == "" {
		s.notice.Hide()
	} else {
		s.notice.Show()
	}
}
