// Package templates provides Sellermail's built-in message templates: one per
// purpose Amazon permits, in the buyers' languages, with placeholders for the
// order facts and free fields the seller fills in before sending.
//
// Placeholder syntax (parsed by policy.Placeholders):
//
//	{{order_id}}        the Amazon order ID, such as 302-4817265-3390517
//	{{product}}         the product title as the buyer saw it
//	{{delivery_window}} the promised delivery days, such as "12–14 May"
//	{{new_date}}        a new delivery date, such as "19 May 2026"
//	{{store}}           the seller's store name, used as the signature
//	{{fill:what to write}}  a free field; the text after "fill:" tells the
//	                    seller, in the template's language, what belongs there
//
// Render fills what it has a value for and leaves every other placeholder in
// place, so the compliance engine reports it (rule UNFILLED_FIELD) and the
// message cannot be sent half-finished.
//
// Languages: a template is only offered in the buyer's own language. There is
// deliberately no fallback to English: Amazon requires the buyer's language
// of preference, so an English template for a French buyer would only lead
// to a message the engine blocks (BUYER_LANGUAGE). When the buyer's language
// has no template, Filter returns nothing and the seller writes the message.
package templates

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"sellermail/policy"
)

// Template is one message template in one language.
type Template struct {
	// ID names the purpose and is the same in every language, such as "delivery-delay".
	ID string
	// Kind is the message kind that carries the template.
	Kind policy.Kind
	// Lang is the template's language, an ISO 639-1 code such as "de".
	Lang string
	// Title is the short name shown in the picker.
	Title string
	// Description is one line for the picker saying when to use the template.
	Description string
	// Body is the message text with placeholders.
	Body string
	// Examples are realistic texts for the template's free fields, keyed by
	// the field's description; they feed previews and tests.
	Examples map[string]string
	// BuiltIn marks templates that ship with Sellermail, as opposed to the seller's own.
	BuiltIn bool
}

// Example returns realistic values for previewing the template: the
// language's example order facts plus the template's example free fields.
func (t Template) Example() Values {
	v := ExampleValues(t.Lang)
	v.Fill = cloneMap(t.Examples)
	return v
}

// cloneMap copies m, so callers cannot change the cached templates.
func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// ErrNotFound is returned by Find when no built-in template has the id in the language.
var ErrNotFound = errors.New("no such built-in template")

var builtIn = sync.OnceValues(func() ([]Template, error) { return load(dataFiles) })

// BuiltIn returns every built-in template, sorted by language and then in the
// order of the data files. The data is parsed and validated once; the slice is
// a copy the caller may change.
func BuiltIn() ([]Template, error) {
	ts, err := builtIn()
	if err != nil {
		return nil, err
	}
	out := make([]Template, len(ts))
	for i, t := range ts {
		t.Examples = cloneMap(t.Examples)
		out[i] = t
	}
	return out, nil
}

// Find returns the built-in template with the id in the language; lang may be
// a locale such as "de-DE". The error wraps ErrNotFound when there is none.
func Find(id, lang string) (Template, error) {
	ts, err := builtIn()
	if err != nil {
		return Template{}, err
	}
	base := baseLang(lang)
	for _, t := range ts {
		if t.ID == id && t.Lang == base {
			t.Examples = cloneMap(t.Examples)
			return t, nil
		}
	}
	return Template{}, fmt.Errorf("templates: %q in language %q: %w", id, lang, ErrNotFound)
}

// Filter returns the templates of the kind in the language, keeping their
// order. An empty kind or lang matches every kind or language. lang may be a
// locale: "de-DE", "de_AT" and "DE" all match templates in "de". There is no
// fallback to another language (see the package documentation).
func Filter(ts []Template, kind policy.Kind, lang string) []Template {
	base := baseLang(lang)
	var out []Template
	for _, t := range ts {
		if kind != "" && t.Kind != kind {
			continue
		}
		if base != "" && t.Lang != base {
			continue
		}
		out = append(out, t)
	}
	return out
}

// baseLang reduces a locale such as "de-DE" or "pt_BR" to its lower-case language code.
func baseLang(locale string) string {
	locale = strings.TrimSpace(locale)
	if i := strings.IndexAny(locale, "-_"); i >= 0 {
		locale = locale[:i]
	}
	return strings.ToLower(locale)
}
