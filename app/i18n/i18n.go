// Package i18n is Sellermail's one way to translate: a language type and one
// keyed catalogue per language (catalog/<lang>.json), used by the window, the
// services and the command line alike. Texts are looked up when they are
// shown, never stored: what is kept (in SQLite, in errors) is a Text, a key
// with its arguments, so it reads in whatever language the seller chooses
// later.
//
// The compliance engine (package policy) keeps its own rule texts; callers
// convert at its boundary.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"
)

// Lang is a language Sellermail's texts are written in.
type Lang string

// The languages of the catalogue.
const (
	English Lang = "en"
	German  Lang = "de"
)

// Langs lists every language of the catalogue, English (the fallback) first.
func Langs() []Lang { return []Lang{English, German} }

// FromLocale maps a locale such as "de_DE.UTF-8", "de-AT" or "en" to a
// language of the catalogue: German for German, English for anything else.
func FromLocale(locale string) Lang {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(locale)), "de") {
		return German
	}
	return English
}

// Parse accepts exactly "de" or "en" (any case).
func Parse(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case English, German:
		return l, nil
	}
	return "", fmt.Errorf("i18n: unknown language %q (want \"de\" or \"en\")", s)
}

// Or returns l, or English when l is not a language of the catalogue.
func (l Lang) Or() Lang {
	if l == German {
		return German
	}
	return English
}

//go:embed catalog/*.json
var files embed.FS

type catalogue struct {
	texts     map[Lang]map[string]string
	mu        sync.Mutex
	templates map[string]*template.Template
}

var cat = sync.OnceValue(func() *catalogue {
	texts, err := parse(files, "catalog")
	if err != nil {
		// The files are embedded and checked by the tests; a broken one is a
		// build defect, and the keys still show instead of texts.
		log.Printf("i18n: %v", err)
	}
	return &catalogue{texts: texts, templates: map[string]*template.Template{}}
})

// parse reads every <lang>.json in dir: flat objects of key → text.
func parse(fsys fs.FS, dir string) (map[Lang]map[string]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := map[Lang]map[string]string{}
	for _, e := range entries {
		code, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue
		}
		data, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		out[Lang(code)] = m
	}
	return out, nil
}

// Has reports whether the catalogue has a text for key in l.
func Has(l Lang, key string) bool {
	_, ok := cat().texts[l][key]
	return ok
}

// Keys lists the keys of l's catalogue, sorted.
func Keys(l Lang) []string {
	m := cat().texts[l]
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// T returns the text for key in l, filled from data (a map or a struct for
// the text's {{.Field}} parts). A key missing in l falls back to English; a
// key missing everywhere shows itself, so the gap is visible.
func T(l Lang, key string, data ...any) string {
	c := cat()
	l = l.Or()
	text, ok := c.texts[l][key]
	if !ok {
		if text, ok = c.texts[English][key]; !ok {
			return key
		}
		l = English
	}
	if len(data) == 0 || !strings.Contains(text, "{{") {
		return text
	}
	return c.execute(string(l)+"\x00"+key, text, data[0])
}

// execute fills a text's {{.Field}} parts, parsing each text once.
func (c *catalogue) execute(id, text string, data any) string {
	c.mu.Lock()
	t, ok := c.templates[id]
	if !ok {
		var err error
		t, err = template.New(id).Option("missingkey=zero").Parse(text)
		if err != nil {
			c.mu.Unlock()
			log.Printf("i18n: %q: %v", id, err)
			return text
		}
		c.templates[id] = t
	}
	c.mu.Unlock()
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		log.Printf("i18n: %q: %v", id, err)
		return text
	}
	return b.String()
}

// Prefixed returns the texts of l whose keys start with prefix, keyed
// without it: the texts another catalogue (Fyne's) reads under its own keys.
func Prefixed(l Lang, prefix string) map[string]string {
	out := map[string]string{}
	for k, v := range cat().texts[l.Or()] {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			out[rest] = v
		}
	}
	return out
}

// Date formats a day the way l writes it: 24.12.2026 or 2026-12-24.
func Date(l Lang, t time.Time) string {
	if l == German {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}
