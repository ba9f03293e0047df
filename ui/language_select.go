package ui

import (
	"fyne.io/fyne/v2/widget"

	"sellermail/app/i18n"
)

// languageChoices are the choices of NewLanguageSelect, in the order shown.
var languageChoices = []i18n.Lang{LanguageSystem, LanguageGerman, LanguageEnglish}

// LanguageSelect lets the seller choose the window's language: the system's,
// Deutsch or English. Choosing one calls SetLanguage and then OnChanged, so
// the app can remember the choice.
type LanguageSelect struct {
	// OnChanged is called with the new choice ("" for the system's language).
	OnChanged func(tag i18n.Lang)

	sel    *widget.Select
	remove func()
}

// NewLanguageSelect builds the choice, showing the current language.
func NewLanguageSelect(onChanged func(tag i18n.Lang)) *LanguageSelect {
	l := &LanguageSelect{OnChanged: onChanged}
	l.sel = &widget.Select{OnChanged: l.onSelected}
	l.relabel()
	l.remove = OnLanguageChange(l.relabel)
	return l
}

// Widget is the select to place in a form.
func (l *LanguageSelect) Widget() *widget.Select { return l.sel }

// Close stops relabelling on language changes.
func (l *LanguageSelect) Close() { l.remove() }

// relabel writes the options in the current language without firing OnChanged.
func (l *LanguageSelect) relabel() {
	l.sel.Options = []string{tr("language.choice.system"), "Deutsch", "English"}
	current := Language()
	for i, tag := range languageChoices {
		if tag == current {
			l.sel.Selected = l.sel.Options[i]
		}
	}
	l.sel.Refresh()
}

func (l *LanguageSelect) onSelected(string) {
	i := l.sel.SelectedIndex()
	if i < 0 || languageChoices[i] == Language() {
		return
	}
	tag := languageChoices[i]
	if err := SetLanguage(tag); err != nil {
		return
	}
	if l.OnChanged != nil {
		l.OnChanged(tag)
	}
}
