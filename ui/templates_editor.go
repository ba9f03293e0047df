package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/app/templates"
	"sellermail/policy"
)

// templateEditor shows one template: read-only for built-in ones, editable
// for the seller's own and new ones, with the compliance hints of its body
// in template mode (placeholders are fine there).
type templateEditor struct {
	s *TemplatesScreen
	// orig is the template as listed or started; id its store ID (0 for
	// built-in and unsaved ones).
	orig     templates.Template
	id       int64
	has      bool
	readOnly bool
	dirty    bool
	// loading is set while load fills the fields, so that is no edit.
	loading bool
	res     policy.Result

	empty     *widget.Label
	heading   *widget.Label
	notice    *widget.Label
	labels    []*widget.Label // title, description, purpose, language
	title     *widget.Entry
	desc      *widget.Entry
	kind      *widget.Select
	lang      *widget.Select
	body      *widget.Entry
	findings  *findingsPanel
	hint      *widget.Label
	save      *widget.Button
	duplicate *widget.Button
	del       *widget.Button
	form      fyne.CanvasObject
	root      *fyne.Container
}

func newTemplateEditor(s *TemplatesScreen) *templateEditor {
	e := &templateEditor{
		s:       s,
		empty:   &widget.Label{Alignment: fyne.TextAlignCenter, Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord},
		heading: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		// Wrapped labels outside a scroll would make the window grow far
		// beyond the screen before the first layout, so these truncate.
		notice: &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
		hint:   &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
	}
	for range 4 {
		e.labels = append(e.labels, &widget.Label{TextStyle: fyne.TextStyle{Bold: true}})
	}
	e.findings = newFindingsPanel(e.onFindingTapped)
	e.title = &widget.Entry{Wrapping: scrollingLine, OnChanged: e.onFieldChanged}
	e.title.ExtendBaseWidget(e.title)
	e.desc = &widget.Entry{Wrapping: scrollingLine, OnChanged: e.onFieldChanged}
	e.desc.ExtendBaseWidget(e.desc)
	e.kind = &widget.Select{OnChanged: e.onFieldChanged}
	e.lang = &widget.Select{OnChanged: e.onFieldChanged}
	e.body = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, OnChanged: e.onFieldChanged}
	e.body.ExtendBaseWidget(e.body)
	e.body.SetMinRowsVisible(5)
	e.save = &widget.Button{Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: e.onSave}
	e.duplicate = &widget.Button{Icon: theme.ContentCopyIcon(), OnTapped: e.onDuplicate}
	e.del = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: e.onDelete}
	for _, b := range []*widget.Button{e.save, e.duplicate, e.del} {
		b.ExtendBaseWidget(b)
	}
	l := e.labels
	fields := container.New(layout.NewFormLayout(), l[0], e.title, l[1], e.desc, l[2], e.kind, l[3], e.lang)
	head := container.NewVBox(e.heading, e.notice, fields)
	split := container.NewVSplit(e.body, e.findings.object())
	split.Offset = 0.6
	actions := container.NewBorder(nil, nil, nil, container.NewHBox(e.del, e.duplicate, e.save), e.hint)
	e.form = container.NewBorder(head, actions, nil, nil, split)
	e.root = container.NewStack(container.NewVScroll(e.empty), e.form)
	e.clear()
	return e
}

func (e *templateEditor) object() fyne.CanvasObject { return e.root }

// isNew reports an unsaved template in the editor.
func (e *templateEditor) isNew() bool { return e.has && !e.readOnly && e.id == 0 }

// clear shows the hint to pick a template.
func (e *templateEditor) clear() {
	e.has, e.dirty, e.id, e.orig = false, false, 0, templates.Template{}
	e.form.Hide()
	e.empty.Show()
}

// load shows a listed template: built-in ones read-only.
func (e *templateEditor) load(t templates.Template) {
	e.id = 0
	if id, ok := app.UserTemplateID(t); ok {
		e.id = id
	}
	e.fill(t, t.BuiltIn)
}

// loadNew shows an unsaved template, ready to edit.
func (e *templateEditor) loadNew(t templates.Template) {
	e.id = 0
	t.BuiltIn = false
	e.fill(t, false)
	e.dirty = t.Body != "" || t.Title != ""
	focus(e.title)
}

// fill puts t into the fields.
func (e *templateEditor) fill(t templates.Template, readOnly bool) {
	e.loading = true
	e.orig, e.has, e.readOnly = t, true, readOnly
	e.title.SetText(t.Title)
	e.desc.SetText(t.Description)
	selectIndex(e.kind, slices.Index(templateKinds(), t.Kind))
	selectIndex(e.lang, slices.Index(knownLanguages, t.Lang))
	e.body.SetText(t.Body)
	e.loading = false
	e.dirty = false
	for _, w := range []fyne.Disableable{e.title, e.desc, e.kind, e.lang, e.body} {
		setEnabled(w, !readOnly)
	}
	showIf(e.del, !readOnly && e.id != 0)
	showIf(e.save, !readOnly)
	e.empty.Hide()
	e.form.Show()
	e.drawHeading()
	e.lint()
}

// selectIndex selects option i of s without firing OnChanged; -1 clears it.
func selectIndex(s *widget.Select, i int) {
	s.Selected = ""
	if i >= 0 && i < len(s.Options) {
		s.Selected = s.Options[i]
	}
	s.Refresh()
}

// relabel writes the editor in the current language and re-lints, since
// the findings are explained in it.
func (e *templateEditor) relabel() {
	e.empty.SetText(tr("templates.editor.empty"))
	for i, key := range []string{"templates.field.title", "templates.field.description", "templates.field.kind", "templates.field.language"} {
		e.labels[i].SetText(tr(key))
	}
	e.title.SetPlaceHolder(tr("templates.field.title.placeholder"))
	e.desc.SetPlaceHolder(tr("templates.field.description.placeholder"))
	e.body.SetPlaceHolder(tr("templates.field.body.placeholder",
		map[string]any{"OrderID": "{{order_id}}", "Fill": "{{fill:…}}"}))
	e.save.SetText(tr("templates.save"))
	e.duplicate.SetText(tr("templates.duplicate"))
	e.del.SetText(tr("templates.delete"))
	setOptionsKeepIndexQuiet(e.kind, kindNames())
	setOptionsKeepIndexQuiet(e.lang, languageNames())
	if e.has {
		e.drawHeading()
		e.lint()
	}
}

// setOptionsKeepIndexQuiet replaces the options keeping the chosen one
// (or none) without firing OnChanged.
func setOptionsKeepIndexQuiet(s *widget.Select, options []string) {
	i := s.SelectedIndex()
	s.Options = options
	s.Selected = ""
	if i >= 0 && i < len(options) {
		s.Selected = options[i]
	}
	s.Refresh()
}

func (e *templateEditor) drawHeading() {
	switch {
	case e.readOnly:
		e.heading.SetText(tr("templates.heading.builtin"))
		e.notice.SetText(tr("templates.notice.builtin"))
	case e.id == 0:
		e.heading.SetText(tr("templates.heading.new"))
		e.notice.SetText(tr("templates.notice.new", map[string]any{"Product": "{{product}}"}))
	default:
		e.heading.SetText(tr("templates.heading.own"))
		e.notice.SetText(tr("templates.notice.own"))
	}
}

func (e *templateEditor) onFieldChanged(string) {
	if e.loading {
		return
	}
	e.dirty = true
	e.lint()
}

// current is the template the fields describe, for the store.
func (e *templateEditor) current() store.Template {
	t := store.Template{ID: e.id, Title: strings.TrimSpace(e.title.Text),
		Description: strings.TrimSpace(e.desc.Text), Body: e.body.Text}
	if i := e.kind.SelectedIndex(); i >= 0 {
		t.Kind = string(templateKinds()[i])
	}
	if i := e.lang.SelectedIndex(); i >= 0 {
		t.Lang = knownLanguages[i]
	}
	return t
}

// lint checks the body as a template and enables Save only for a complete
// template without a blocking finding, saying why not otherwise.
func (e *templateEditor) lint() {
	t := e.current()
	e.res = policy.Result{}
	empty := tr("findings.waiting")
	if strings.TrimSpace(t.Body) != "" && t.Kind != "" {
		e.res = e.s.svc.LintTemplate(t, Lang())
		empty = tr("findings.none")
	}
	e.findings.update(e.res.Findings, empty)
	hint := ""
	switch {
	case e.readOnly:
	case e.res.Blocked():
		hint = tr("templates.blocked")
	case t.Title == "":
		hint = tr("templates.needs.title")
	case strings.TrimSpace(t.Body) == "":
		hint = tr("templates.needs.body")
	case t.Kind == "" || t.Lang == "":
		hint = tr("templates.needs.kind")
	}
	if e.hint.Text != hint {
		e.hint.SetText(hint)
	}
	setEnabled(e.save, !e.readOnly && hint == "")
}

// onFindingTapped selects the words a finding is about in the body.
func (e *templateEditor) onFindingTapped(f policy.Finding) {
	if e.readOnly {
		return
	}
	selectRunes(e.body, f.Start, f.End)
	focus(e.body)
}

// onSave stores the template; the service lints again and refuses a
// blocking finding, which is then shown.
func (e *templateEditor) onSave() {
	if e.readOnly || !e.has {
		return
	}
	t, s := e.current(), e.s
	lang := Lang()
	s.tasks.run(func() func() {
		id, res, err := s.svc.SaveTemplate(s.tasks.ctx, t, lang)
		return func() { e.saved(t, id, res, err) }
	})
}

// saved shows the outcome of onSave and lists the saved template.
func (e *templateEditor) saved(t store.Template, id int64, res policy.Result, err error) {
	if err != nil {
		if errors.Is(err, app.ErrTemplateBlocked) {
			e.res = res
			e.findings.update(res.Findings, tr("findings.none"))
			setEnabled(e.save, false)
		}
		e.s.showError(err)
		return
	}
	e.id, e.dirty = id, false
	e.orig = templates.Template{Kind: policy.Kind(t.Kind), Lang: t.Lang, Title: t.Title, Description: t.Description, Body: t.Body}
	e.s.selected = ownTemplateKey(id)
	showIf(e.del, true)
	e.drawHeading()
	e.s.reload()
}

// onDuplicate starts an unsaved, editable copy of the template shown.
func (e *templateEditor) onDuplicate() {
	if !e.has {
		return
	}
	t := e.current()
	cp := templates.Template{Kind: policy.Kind(t.Kind), Lang: t.Lang, Description: t.Description, Body: t.Body,
		Title: tr("templates.copy.title", map[string]any{"Title": t.Title})}
	// The copy carries any edits along, so nothing is lost by leaving the original.
	e.s.startNew(cp)
}

// onDelete removes the seller's template after asking.
func (e *templateEditor) onDelete() {
	if e.readOnly || e.id == 0 {
		return
	}
	id, s := e.id, e.s
	remove := func() {
		s.tasks.run(func() func() {
			err := s.svc.DeleteTemplate(s.tasks.ctx, id)
			return func() {
				if err != nil {
					s.showError(err)
					return
				}
				if e.id == id {
					s.selected = ""
					e.clear()
				}
				s.reload()
			}
		})
	}
	if s.win == nil {
		return
	}
	s.dialogs.show(dialog.NewConfirm(tr("templates.delete.title"),
		tr("templates.delete.confirm", map[string]any{"Title": e.orig.Title}), func(ok bool) {
			if ok {
				remove()
			}
		}, s.win))
}
