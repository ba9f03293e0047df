// Package ui is Sellermail's Fyne window: the message composer with its live
// compliance hints, and the pieces the main window is built from. It never
// imports fyne.io/fyne/v2/app, so its tests run with Fyne's test driver,
// without cgo and without a display.
package ui

import (
	"encoding/json"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/policy"
)

// Every text of the window comes from app/i18n's catalogue, in the
// language the seller chose or, for the system language, German when the
// system speaks German and English otherwise. Fyne 2.7's lang package
// follows only the system language (fyne-io/fyne#5333), so the texts of
// Fyne's own dialogs (their buttons: Cancel, Yes, Open, …) are registered
// from the same catalogue, under the locale Fyne reads, on every change.
// Screens relabel themselves when the choice changes (OnLanguageChange).

// The language choices SetLanguage accepts.
const (
	// LanguageSystem follows the operating system's language.
	LanguageSystem i18n.Lang = ""
	// LanguageGerman shows the window in German.
	LanguageGerman = i18n.German
	// LanguageEnglish shows the window in English.
	LanguageEnglish = i18n.English
)

// fynePrefix marks the catalogue's texts of Fyne's own widgets and dialogs.
const fynePrefix = "fyne."

// choice holds the choice of language and who relabels on a change.
type choice struct {
	mu        sync.Mutex
	lang      i18n.Lang
	listeners map[int]func()
	nextID    int
	// generation counts the changes of language, so cached texts know they are stale.
	generation int
	// fyneLang is the language Fyne's own texts were last registered in.
	fyneLang i18n.Lang
}

var cat = &choice{listeners: map[int]func(){}}

// SetLanguage chooses the window's language: LanguageSystem ("") follows the
// operating system, LanguageGerman ("de") and LanguageEnglish ("en") force
// one. Every open screen relabels itself at once. Call it on the UI goroutine.
func SetLanguage(tag i18n.Lang) error {
	switch tag {
	case LanguageSystem, LanguageGerman, LanguageEnglish:
	default:
		return fmt.Errorf("ui: unknown language %q (want \"\", \"de\" or \"en\")", tag)
	}
	cat.mu.Lock()
	changed := cat.lang != tag
	cat.lang = tag
	if changed {
		cat.generation++
	}
	fns := make([]func(), 0, len(cat.listeners))
	for _, fn := range cat.listeners {
		fns = append(fns, fn)
	}
	cat.mu.Unlock()
	registerFyneTexts()
	if changed {
		for _, fn := range fns {
			fn()
		}
	}
	return nil
}

// registerFyneTexts gives Fyne's own texts the window's language. Fyne
// looks them up for the system's language, or English when it has none
// of it, so they are registered under both.
func registerFyneTexts() {
	l := Lang()
	cat.mu.Lock()
	done := cat.fyneLang == l
	cat.fyneLang = l
	cat.mu.Unlock()
	if done {
		return
	}
	data, err := json.Marshal(i18n.Prefixed(l, fynePrefix))
	if err != nil {
		fyne.LogError("Fyne's texts", err)
		return
	}
	for _, loc := range []fyne.Locale{fyne.Locale(systemLocale().LanguageString()), "en"} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("Fyne's texts for "+string(loc), err)
		}
	}
}

// Language returns the current choice: LanguageSystem, LanguageGerman or LanguageEnglish.
func Language() i18n.Lang {
	cat.mu.Lock()
	defer cat.mu.Unlock()
	return cat.lang
}

// languageGeneration changes whenever the language does.
func languageGeneration() int {
	cat.mu.Lock()
	defer cat.mu.Unlock()
	return cat.generation
}

// OnLanguageChange calls fn on the UI goroutine after every change of
// language, until the returned function is called.
func OnLanguageChange(fn func()) (remove func()) {
	cat.mu.Lock()
	defer cat.mu.Unlock()
	id := cat.nextID
	cat.nextID++
	cat.listeners[id] = fn
	return func() {
		cat.mu.Lock()
		defer cat.mu.Unlock()
		delete(cat.listeners, id)
	}
}

// Lang is the language the window's texts are in: the chosen one, or for
// the system language German when the system speaks German and English
// otherwise.
func Lang() i18n.Lang {
	if c := Language(); c != LanguageSystem {
		return c
	}
	return systemLang()
}

// PolicyLang is Lang as the compliance engine names it.
func PolicyLang() policy.UILang { return app.PolicyLang(Lang()) }

// systemLocale is the system's locale. It is looked up once: the lookup
// reads the environment and logs when the locale is malformed (such as "C").
var systemLocale = sync.OnceValue(lang.SystemLocale)

// systemLang is the catalogue's language for the system's locale.
var systemLang = sync.OnceValue(func() i18n.Lang { return i18n.FromLocale(systemLocale().String()) })

// tr returns the text for key in the window's language, filled from data (a
// map or struct for {{.Field}} in the text).
func tr(key string, data ...any) string {
	registerFyneTexts()
	return i18n.T(Lang(), key, data...)
}
