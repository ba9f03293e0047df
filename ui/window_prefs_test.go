package ui

import "testing"

// The language given on the command line (--ui-lang) wins over the saved
// one for the run, and the saved choice stays as it was.
func TestWindowLanguageFromCommandLineWinsOverSaved(t *testing.T) {
	e := newTestEnv(t) // the saved language is English
	e.language = LanguageGerman
	ms := e.startDemo()
	if got := Language(); got != LanguageGerman {
		t.Errorf("the window's language is %q, want German as --ui-lang asked", got)
	}
	if got := ms.ordersTab.Text; got != "Bestellungen" {
		t.Errorf("the orders tab says %q, want the German \"Bestellungen\"", got)
	}
	if got := e.a.Preferences().String(PrefLanguage); got != string(LanguageEnglish) {
		t.Errorf("the saved language became %q; --ui-lang must not change it", got)
	}
}
