package ui

import "testing"

// The language given on the command line (--ui-lang) wins over the saved
// one for the run, and the saved choice stays as it was.
func TestWindowLanguageFromCommandLineWinsOverSaved(t *testing.T) {
	e := newTestEnv(t) // the saved language is English
	e.a.Preferences().SetBool(PrefDemo, true)
	e.m = Run(e.a, e.w, Config{Open: e.open, Language: LanguageGerman})
	e.t.Cleanup(e.m.Close)
	e.q.until(t, "the services to open", func() bool { return e.m.main != nil })
	if got := Language(); got != LanguageGerman {
		t.Errorf("the window's language is %q, want German as --ui-lang asked", got)
	}
	if got := e.m.main.ordersTab.Text; got != "Bestellungen" {
		t.Errorf("the orders tab says %q, want the German \"Bestellungen\"", got)
	}
	if got := e.a.Preferences().String(PrefLanguage); got != LanguageEnglish {
		t.Errorf("the saved language became %q; --ui-lang must not change it", got)
	}
}
