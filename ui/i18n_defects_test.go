package ui

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// buttonTexts are the texts of the buttons the window's overlays show.
func buttonTexts(w fyne.Window) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return out
}

// Fyne's own dialogs (their buttons) speak the language the seller chose,
// not the system's.
func TestFyneDialogButtonsFollowTheChosenLanguage(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(600, 400))
	for _, c := range []struct {
		lang    i18n.Lang
		yes, no string
		dismiss string
	}{
		{LanguageGerman, "Ja", "Nein", "OK"},
		{LanguageEnglish, "Yes", "No", "OK"},
		{LanguageGerman, "Ja", "Nein", "OK"},
	} {
		setTestLanguage(t, c.lang)
		d := dialog.NewConfirm("?", "?", nil, w)
		d.Show()
		got := strings.Join(buttonTexts(w), ",")
		d.Hide()
		if !strings.Contains(got, c.yes) || !strings.Contains(got, c.no) {
			t.Errorf("%s: confirm buttons %q, want %s and %s", c.lang, got, c.yes, c.no)
		}
		f := dialog.NewFileOpen(nil, w)
		f.Show()
		got = strings.Join(buttonTexts(w), ",")
		f.Hide()
		if want := i18n.T(c.lang, "fyne.Cancel"); !strings.Contains(got, want) {
			t.Errorf("%s: file dialog buttons %q, want %s", c.lang, got, want)
		}
	}
}

// A failed sync in the German window says why in German only, and after a
// switch to English in English only: the network's English error text
// never lands inside the sentence.
func TestSyncErrorSpeaksOneLanguage(t *testing.T) {
	test.NewTempApp(t)
	setTestLanguage(t, LanguageGerman)
	root, _ := testTasks(t)
	p := newSyncPanel(root, openScreenService(t, t.TempDir(), nil), nil)
	_, netErr := http.Get("http://127.0.0.1:1/orders/2026-01-01/orders")
	if netErr == nil {
		t.Skip("something listens on port 1")
	}
	err := errors.Join(errors.New("spapi: searchOrders"), netErr)
	job := &app.SyncJob{}
	p.job = job
	p.finished(job, app.SyncResult{Orders: 3}, err)
	de := p.line.Text
	if !strings.HasPrefix(de, "Synchronisierung nach 3 Bestellungen fehlgeschlagen: Amazon war nicht erreichbar") ||
		strings.Contains(de, "connect") || strings.Contains(de, "refused") || strings.Contains(de, "127.0.0.1") {
		t.Errorf("German status %q", de)
	}
	setTestLanguage(t, LanguageEnglish)
	p.relabel()
	if en := p.line.Text; !strings.HasPrefix(en, "Sync failed after 3 orders: Amazon could not be reached") {
		t.Errorf("after switching to English: %q", en)
	}

	// Orders Amazon sent in a shape Sellermail cannot read: the reason is
	// technical English and stays out of the German sentence.
	setTestLanguage(t, LanguageGerman)
	job = &app.SyncJob{}
	p.job = job
	p.finished(job, app.SyncResult{Orders: 118, Skipped: 2, SkipReason: "spapi: malformed response: order 302-1 without createdTime"}, nil)
	if got := p.line.Text; !strings.Contains(got, "2 waren nicht lesbar") || strings.Contains(got, "without") || strings.Contains(got, "malformed") {
		t.Errorf("German status of skipped orders %q", got)
	}
}

// The history shows a stored reason and the findings a message was sent
// with in the language chosen now, not in the one of the day it was sent.
func TestHistoryReasonAndFindingsFollowTheLanguage(t *testing.T) {
	svc := openScreenService(t, t.TempDir(), func(st *store.Store) {
		ctx := context.Background()
		id, err := st.EnqueueMessage(ctx, store.Message{OrderID: "302-1111111-2222222", MarketplaceID: "A1PA6795UKMFR9",
			Kind: string(policy.KindUnexpectedProblem), Lang: "de", Text: "Schreiben Sie an info@example.com.",
			FindingsJSON: `[{"Rule":"EMAIL_ADDRESS","Severity":"block","Start":19,"End":35,"Excerpt":"info@example.com"}]`})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.MarkSending(ctx, id); err != nil {
			t.Fatal(err)
		}
	})
	s, _ := newTestHistory(t, svc)
	if len(s.messages) != 1 {
		t.Fatalf("listed %d messages", len(s.messages))
	}
	s.list.Select(0)
	setTestLanguage(t, LanguageGerman)
	if r := s.detail.reason.Text; !strings.HasPrefix(r, "Sellermail wurde beendet") {
		t.Errorf("German reason %q", r)
	}
	germanWhy := s.detail.findings.rows[0].why.Text
	setTestLanguage(t, LanguageEnglish)
	if r := s.detail.reason.Text; !strings.HasPrefix(r, "Sellermail stopped while this message was being sent") {
		t.Errorf("after switching to English the reason reads %q", r)
	}
	if why := s.detail.findings.rows[0].why.Text; why == germanWhy || !strings.Contains(strings.ToLower(why), "e-mail address") {
		t.Errorf("finding: German %q, English %q", germanWhy, why)
	}
}

// When the data cannot be opened the German window explains it in German
// and keeps the system's English text apart, on a line of its own.
func TestOpenFailureKeepsTheTechnicalTextApart(t *testing.T) {
	e := newTestEnv(t)
	e.language = LanguageGerman
	// A file where the data directory should be: opening fails for real.
	e.dir = filepath.Join(e.dir, "not-a-directory")
	if err := os.WriteFile(e.dir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.a.Preferences().SetBool(PrefDemo, true)
	e.m = run(e.a, e.w, Config{Open: e.open, Language: e.language}, e.tasks)
	t.Cleanup(e.m.Close)
	e.q.until(t, "the failure to show", func() bool { return strings.Contains(contentTexts(e.w), "Sellermail konnte seine Daten nicht öffnen") })
	text := contentTexts(e.w)
	i := strings.Index(text, "Technische Angabe: ")
	if i < 0 {
		t.Fatalf("no technical detail in %q", text)
	}
	if sentence := text[:i]; strings.Contains(sentence, "not a directory") || !strings.Contains(sentence, "Etwas ist schiefgegangen") {
		t.Errorf("the German sentence %q", sentence)
	}
	if !strings.Contains(text[i:], "not a directory") {
		t.Errorf("the technical detail %q", text[i:])
	}
}
