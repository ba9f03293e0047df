package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellermail/app"
	"sellermail/app/templates"
	"sellermail/policy"
)

// newTestTemplates shows the template screen over a fresh demo service in
// an English test window and waits for the list.
func newTestTemplates(t *testing.T) (*TemplatesScreen, fyne.Window) {
	t.Helper()
	svc := openScreenService(t, t.TempDir(), nil)
	var s *TemplatesScreen
	w := showTestScreen(t, func(root *tasks, w fyne.Window) *screen {
		s = newTemplatesScreen(root, svc, w, standaloneDialogs(w))
		return &s.screen
	}, func() fyne.CanvasObject { return s.Object() })
	return s, w
}

// listedIndex is the list position of the first template for which ok holds, or -1.
func listedIndex(s *TemplatesScreen, ok func(templates.Template) bool) int {
	for i, t := range s.listed {
		if ok(t) {
			return i
		}
	}
	return -1
}

func TestTemplatesListsBuiltInsReadOnlyAndFilters(t *testing.T) {
	s, _ := newTestTemplates(t)
	all, err := templates.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.listed) != len(all) {
		t.Fatalf("listed %d templates, want the %d built-in ones", len(s.listed), len(all))
	}
	s.list.Select(0)
	e := s.editor
	if !e.readOnly || !e.body.Disabled() || !e.title.Disabled() || e.save.Visible() || e.del.Visible() || !e.duplicate.Visible() {
		t.Fatalf("a built-in template is editable (body disabled %v, save shown %v, delete shown %v)",
			e.body.Disabled(), e.save.Visible(), e.del.Visible())
	}
	if e.body.Text != s.listed[0].Body || e.heading.Text != "Built-in template" {
		t.Errorf("editor shows %q / %q", e.heading.Text, e.title.Text)
	}

	selectOption(t, s.langFilter, "German")
	s.wait()
	want := templates.Filter(all, "", "de")
	if len(s.listed) != len(want) || len(want) == 0 {
		t.Fatalf("German filter lists %d, want %d", len(s.listed), len(want))
	}
	selectOption(t, s.kindFilter, policy.KindUnexpectedProblem.Description(policy.English))
	s.wait()
	for _, tp := range s.listed {
		if tp.Lang != "de" || tp.Kind != policy.KindUnexpectedProblem {
			t.Errorf("filtered list holds %s in %s for %s", tp.ID, tp.Lang, tp.Kind)
		}
	}
	if len(s.listed) != len(templates.Filter(all, policy.KindUnexpectedProblem, "de")) {
		t.Errorf("listed %d", len(s.listed))
	}
}

func TestTemplatesDuplicateLintSaveDelete(t *testing.T) {
	s, w := newTestTemplates(t)
	i := listedIndex(s, func(t templates.Template) bool { return t.Lang == "en" && t.Kind == policy.KindUnexpectedProblem })
	if i < 0 {
		t.Fatal("no English delay template built in")
	}
	orig := s.listed[i]
	s.list.Select(i)
	e := s.editor
	test.Tap(e.duplicate)
	if !e.isNew() || e.body.Disabled() || !e.save.Visible() {
		t.Fatal("Duplicate did not make an editable copy")
	}
	if e.title.Text != orig.Title+" (copy)" || e.body.Text != orig.Body {
		t.Fatalf("copy has title %q", e.title.Text)
	}
	if e.save.Disabled() {
		t.Fatalf("Save is disabled for a copy of a compliant template: %q", e.hint.Text)
	}

	e.body.SetText(orig.Body + "\nOrder again at https://muehlenladen-shop.com/angebote today.")
	if !e.res.Blocked() || !hasRule(e.findings, "EXTERNAL_LINK") {
		t.Fatalf("a shop link is not reported as blocking: %+v", e.res.Findings)
	}
	if !e.save.Disabled() || e.hint.Text != "Fix the problems marked as blocking to save this template." {
		t.Fatalf("Save enabled %v with a blocking finding; hint %q", !e.save.Disabled(), e.hint.Text)
	}

	e.body.SetText(orig.Body + "\nWe are sorry for the trouble.")
	e.title.SetText("My delay notice")
	if e.save.Disabled() {
		t.Fatalf("Save stays disabled after the fix: %q", e.hint.Text)
	}
	test.Tap(e.save)
	s.wait()
	j := listedIndex(s, func(t templates.Template) bool { return t.Title == "My delay notice" })
	if j < 0 {
		t.Fatal("the saved template is not listed")
	}
	own := s.listed[j]
	if own.BuiltIn || own.Lang != "en" || own.Kind != policy.KindUnexpectedProblem || !strings.HasSuffix(own.Body, "sorry for the trouble.") {
		t.Errorf("listed %+v", own)
	}
	if _, ok := app.UserTemplateID(own); !ok || e.heading.Text != "Your template" || !e.del.Visible() || e.dirty {
		t.Errorf("after saving the editor shows %q (delete shown %v, dirty %v)", e.heading.Text, e.del.Visible(), e.dirty)
	}

	s.list.Select(j)
	test.Tap(e.del)
	tapDialogButton(t, w, "No")
	s.wait()
	if listedIndex(s, func(t templates.Template) bool { return t.Title == "My delay notice" }) < 0 {
		t.Fatal("the template was deleted although the seller said No")
	}
	test.Tap(e.del)
	tapDialogButton(t, w, "Yes")
	s.wait()
	if listedIndex(s, func(t templates.Template) bool { return t.Title == "My delay notice" }) >= 0 {
		t.Fatal("the deleted template is still listed")
	}
	if e.has {
		t.Error("the editor still shows the deleted template")
	}
}

func TestTemplatesEditOwnAndKeepUnsavedWork(t *testing.T) {
	s, w := newTestTemplates(t)
	test.Tap(s.newButton)
	e := s.editor
	if !e.isNew() || !e.save.Disabled() {
		t.Fatal("New does not start an empty, unsavable template")
	}
	e.title.SetText("Thanks")
	e.body.SetText("Hello, thank you for your order {{order_id}}. It left our warehouse today.")
	if e.save.Disabled() {
		t.Fatalf("Save disabled: %q %+v", e.hint.Text, e.res.Findings)
	}
	// Choosing another template asks first; No keeps the work.
	s.list.Select(0)
	tapDialogButton(t, w, "No")
	if !e.isNew() || e.title.Text != "Thanks" {
		t.Fatal("the unsaved template was dropped although the seller said No")
	}
	test.Tap(e.save)
	s.wait()
	j := listedIndex(s, func(t templates.Template) bool { return t.Title == "Thanks" })
	if j < 0 {
		t.Fatal("the new template is not listed")
	}
	e.body.SetText(e.body.Text + " Kind regards")
	test.Tap(e.save)
	s.wait()
	j = listedIndex(s, func(t templates.Template) bool { return t.Title == "Thanks" })
	if j < 0 || !strings.HasSuffix(s.listed[j].Body, "Kind regards") {
		t.Fatal("the edit was not saved over the template")
	}
	if n := len(s.listed) - listedIndex(s, func(t templates.Template) bool { return !t.BuiltIn }); n != 1 {
		t.Errorf("saving an edit made %d own templates, want 1", n)
	}
}

// hasRule reports a visible finding row for rule.
func hasRule(p *findingsPanel, rule string) bool {
	for _, r := range p.rows {
		if r.Visible() && r.finding.Rule == rule {
			return true
		}
	}
	return false
}
