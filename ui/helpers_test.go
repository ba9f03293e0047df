package ui

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/templates"
	"sellermail/policy"
)

// checker is built once: compiling the lexicons is the slow part.
var checker = sync.OnceValue(policy.NewChecker)

// germanOrder is a German buyer's order on amazon.de.
var germanOrder = ComposeContext{
	OrderID:     "302-4817265-3390517",
	BuyerLocale: "de-DE",
	Marketplace: "A1PA6795UKMFR9",
	Values:      templates.Values{Product: "Kaffeemühle Modell K2", NewDate: "19. Mai 2026", Store: "Mühlenladen"},
}

// newTestComposer shows a composer in a test window, in English unless the
// test switches, with the built-in templates.
func newTestComposer(t testing.TB) (*Composer, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	setTestLanguage(t, LanguageEnglish)
	w := test.NewTempWindow(t, nil)
	ts, err := templates.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c := NewComposer(checker(), ComposerConfig{Window: w, Templates: ts})
	t.Cleanup(c.Close)
	w.SetContent(c.Object())
	w.Resize(fyne.NewSize(900, 800))
	return c, w
}

// setTestLanguage switches the window's language for one test.
func setTestLanguage(t testing.TB, tag string) {
	t.Helper()
	before := Language()
	if err := SetLanguage(tag); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage(before) })
}

// visibleRows are the finding rows the panel shows.
func visibleRows(c *Composer) []*findingRow {
	var out []*findingRow
	for _, r := range c.findings.rows {
		if r.Visible() {
			out = append(out, r)
		}
	}
	return out
}

// rowFor returns the visible row of a rule, or nil.
func rowFor(c *Composer, rule string) *findingRow {
	for _, r := range visibleRows(c) {
		if r.finding.Rule == rule {
			return r
		}
	}
	return nil
}

// children are the objects drawn inside o.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		if r := test.WidgetRenderer(v); r != nil {
			return r.Objects()
		}
	}
	return nil
}

// findButton finds a visible button with the text among objs and their children.
func findButton(objs []fyne.CanvasObject, text string) *widget.Button {
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
		if b := findButton(children(o), text); b != nil {
			return b
		}
	}
	return nil
}

// labelTexts collects the texts of the visible labels among objs and their children.
func labelTexts(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
		out = append(out, labelTexts(children(o))...)
	}
	return out
}
