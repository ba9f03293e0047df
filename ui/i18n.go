// Package ui is Sellermail's Fyne window: the message composer with its live
// compliance hints, and the pieces the main window is built from. It never
// imports fyne.io/fyne/v2/app, so its tests run with Fyne's test driver,
// without cgo and without a display.
package ui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"text/template"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"sellermail/assets"
	"sellermail/policy"
)

// Fyne 2.7's lang package always follows the system language and has no way
// to choose another at run time (fyne-io/fyne#5333). So every text goes
// through tr: while the seller follows the system language it is lang.X,
// otherwise a lookup in the same translation files for the chosen language.
// Screens relabel themselves when the choice changes (OnLanguageChange).

// The language choices SetLanguage accepts.
const (
	// LanguageSystem follows the operating system's language.
	LanguageSystem = ""
	// LanguageGerman shows the window in German.
	LanguageGerman = "de"
	// LanguageEnglish shows the window in English.
	LanguageEnglish = "en"
)

// i18nDir is the directory of the translation files inside assets.I18n.
const i18nDir = "i18n"

// catalog holds the parsed translation files and the choice of language.
type catalog struct {
	mu        sync.Mutex
	choice    string
	messages  map[string]map[string]string // language -> key -> text
	templates map[string]*template.Template
	listeners map[int]func()
	nextID    int
	// generation counts the changes of language, so cached texts know they are stale.
	generation int
}

var (
	cat      = &catalog{templates: map[string]*template.Template{}, listeners: map[int]func(){}}
	loadOnce sync.Once
)

// loadTranslations registers the translations with fyne's lang package and
// keeps a copy for the explicit languages. It runs once.
func loadTranslations() {
	loadOnce.Do(func() {
		msgs, err := parseCatalog(assets.I18n, i18nDir)
		if err != nil {
			fyne.LogError("Loading the window's translations", err)
		}
		cat.messages = msgs
		if err := lang.AddTranslationsFS(assets.I18n, i18nDir); err != nil {
			fyne.LogError("Registering the window's translations", err)
		}
	})
}

// parseCatalog reads every <lang>.json in dir: flat go-i18n files whose values
// are texts, or objects whose "other" form is the text.
func parseCatalog(fsys fs.FS, dir string) (map[string]map[string]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	for _, e := range entries {
		name := e.Name()
		code, ok := strings.CutSuffix(name, ".json")
		if !ok {
			continue
		}
		data, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return nil, err
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		msgs := make(map[string]string, len(raw))
		for key, v := range raw {
			var s string
			if json.Unmarshal(v, &s) != nil {
				var forms struct{ Other string }
				if err := json.Unmarshal(v, &forms); err != nil || forms.Other == "" {
					return nil, fmt.Errorf("%s: %q is neither a text nor an object with an \"other\" form", name, key)
				}
				s = forms.Other
			}
			msgs[key] = s
		}
		out[code] = msgs
	}
	return out, nil
}

// SetLanguage chooses the window's language: LanguageSystem ("") follows the
// operating system, LanguageGerman ("de") and LanguageEnglish ("en") force
// one. Every open screen relabels itself at once. Call it on the UI goroutine.
func SetLanguage(tag string) error {
	switch tag {
	case LanguageSystem, LanguageGerman, LanguageEnglish:
	default:
		return fmt.Errorf("ui: unknown language %q (want \"\", \"de\" or \"en\")", tag)
	}
	loadTranslations()
	cat.mu.Lock()
	changed := cat.choice != tag
	cat.choice = tag
	if changed {
		cat.generation++
	}
	fns := make([]func(), 0, len(cat.listeners))
	for _, fn := range cat.listeners {
		fns = append(fns, fn)
	}
	cat.mu.Unlock()
	if changed {
		for _, fn := range fns {
			fn()
		}
	}
	return nil
}

// Language returns the current choice: LanguageSystem, LanguageGerman or LanguageEnglish.
func Language() string {
	cat.mu.Lock()
	defer cat.mu.Unlock()
	return cat.choice
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

// PolicyLang is the language the compliance engine explains its findings in:
// the chosen language, or for the system language German when the system
// speaks German and English otherwise.
func PolicyLang() policy.UILang {
	if effectiveLang() == LanguageGerman {
		return policy.German
	}
	return policy.English
}

// effectiveLang is "de" or "en": the language the window's texts are in.
func effectiveLang() string {
	if c := Language(); c != LanguageSystem {
		return c
	}
	return systemLang()
}

// systemLang is "de" when the system speaks German, else "en". It is looked
// up once: it is needed on every keystroke, and the lookup reads the
// environment (and logs when the locale is malformed, such as "C").
var systemLang = sync.OnceValue(func() string {
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), LanguageGerman) {
		return LanguageGerman
	}
	return LanguageEnglish
})

// tr returns the text for key in the window's language, filled from data (a
// map or struct for {{.Field}} in the text). A key missing in German falls
// back to English, one missing everywhere shows the key.
func tr(key string, data ...any) string {
	loadTranslations()
	cat.mu.Lock()
	choice := cat.choice
	english := cat.messages[LanguageEnglish][key]
	text, ok := cat.messages[choice][key]
	cat.mu.Unlock()
	if english == "" {
		english = key
	}
	if choice == LanguageSystem {
		return lang.X(key, english, data...)
	}
	if !ok {
		text = english
	}
	if len(data) == 0 || !strings.Contains(text, "{{") {
		return text
	}
	return cat.execute(choice+"\x00"+key, text, data[0])
}

// execute fills a text's {{.Field}} parts, parsing each text once.
func (c *catalog) execute(id, text string, data any) string {
	c.mu.Lock()
	t, ok := c.templates[id]
	if !ok {
		var err error
		t, err = template.New(id).Option("missingkey=zero").Parse(text)
		if err != nil {
			c.mu.Unlock()
			fyne.LogError("Translation "+id, err)
			return text
		}
		c.templates[id] = t
	}
	c.mu.Unlock()
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		fyne.LogError("Translation "+id, err)
		return text
	}
	return b.String()
}
