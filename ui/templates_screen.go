package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/templates"
	"sellermail/policy"
)

// TemplatesScreen lists the built-in templates and the seller's own, by
// purpose and language, and edits the seller's own with the compliance
// hints updated on every keystroke. Built-in templates are read-only; the
// seller duplicates one to change it. It lives on the UI goroutine;
// database work runs in its own goroutines and comes back through fyne.Do.
type TemplatesScreen struct {
	screen

	// lists is the templates for the filter; a reload drops the late answers to the old one.
	lists  question
	listed []templates.Template
	// selected is the key of the template in the editor; "" for none or a new one.
	selected string
	// ignoreSelect is set while the list's selection is changed by code.
	ignoreSelect bool

	kindFilter *widget.Select
	langFilter *widget.Select
	kindLabel  *widget.Label
	langLabel  *widget.Label
	list       *widget.List
	newButton  *widget.Button
	editor     *templateEditor
	root       fyne.CanvasObject
}

// NewTemplatesScreen builds the template screen over svc and starts
// loading the templates; w is the window its dialogs open over, and
// Escape in w closes them.
func NewTemplatesScreen(svc *app.Service, w fyne.Window) *TemplatesScreen {
	return newTemplatesScreen(uiTasks(), svc, w, standaloneDialogs(w))
}

// newTemplatesScreen is NewTemplatesScreen with its work below t and its
// dialogs on the window's stack, which the window's Escape already closes.
func newTemplatesScreen(t *tasks, svc *app.Service, w fyne.Window, dialogs *dialogStack) *TemplatesScreen {
	s := &TemplatesScreen{}
	s.screen = newScreen(t, svc, w, dialogs, s.relabel)
	s.buildUI()
	s.relabel()
	s.reload()
	return s
}

func (s *TemplatesScreen) buildUI() {
	reload := func(string) { s.reload() }
	s.kindFilter = &widget.Select{OnChanged: reload}
	s.langFilter = &widget.Select{OnChanged: reload}
	s.kindLabel, s.langLabel = &widget.Label{}, &widget.Label{}
	s.newButton = &widget.Button{Icon: theme.ContentAddIcon(), OnTapped: s.onNew}
	s.list = &widget.List{
		Length:     func() int { return len(s.listed) },
		CreateItem: newTemplateRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(s.listed) {
				o.(*templateRow).set(s.listed[id])
			}
		},
		OnSelected: s.onSelected,
	}
	s.list.ExtendBaseWidget(s.list)
	s.editor = newTemplateEditor(s)
	filters := container.New(layout.NewGridLayout(2),
		container.NewBorder(nil, nil, s.kindLabel, nil, s.kindFilter),
		container.NewBorder(nil, nil, s.langLabel, nil, s.langFilter))
	left := container.NewBorder(filters, s.newButton, nil, nil, s.list)
	split := container.NewHSplit(left, s.editor.object())
	split.Offset = 0.35
	s.root = split
}

// Object is the screen's content, to place in a tab.
func (s *TemplatesScreen) Object() fyne.CanvasObject { return s.root }

// relabel writes every text in the current language.
func (s *TemplatesScreen) relabel() {
	s.kindLabel.SetText(tr("templates.filter.kind"))
	s.langLabel.SetText(tr("templates.filter.language"))
	s.newButton.SetText(tr("templates.new"))
	setOptionsKeepIndex(s.kindFilter, append([]string{tr("templates.filter.all")}, kindNames()...))
	setOptionsKeepIndex(s.langFilter, append([]string{tr("templates.filter.all")}, languageNames()...))
	s.editor.relabel()
	s.list.Refresh()
}

// templateKinds are the purposes a template can be for: those that carry text.
func templateKinds() []policy.Kind {
	var out []policy.Kind
	for _, k := range policy.Kinds() {
		if k.TakesText() {
			out = append(out, k)
		}
	}
	return out
}

func kindNames() []string {
	ks := templateKinds()
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Description(PolicyLang())
	}
	return out
}

func languageNames() []string {
	out := make([]string, len(knownLanguages))
	for i, l := range knownLanguages {
		out[i] = languageName(l)
	}
	return out
}

// filter is the purpose and language the list shows; "" for all.
func (s *TemplatesScreen) filter() (policy.Kind, string) {
	var kind policy.Kind
	var lang string
	if i := s.kindFilter.SelectedIndex(); i > 0 {
		kind = templateKinds()[i-1]
	}
	if i := s.langFilter.SelectedIndex(); i > 0 {
		lang = knownLanguages[i-1]
	}
	return kind, lang
}

// reload lists the templates for the filter again.
func (s *TemplatesScreen) reload() {
	kind, lang := s.filter()
	s.tasks.answer(s.lists.ask(), func() func() {
		ts, err := s.svc.TemplatesFor(s.tasks.ctx, kind, lang)
		return func() { s.listLoaded(ts, err) }
	})
}

func (s *TemplatesScreen) listLoaded(ts []templates.Template, err error) {
	if err != nil {
		s.showError(err)
		return
	}
	s.listed = ts
	s.list.Refresh()
	s.ignoreSelect = true
	defer func() { s.ignoreSelect = false }()
	for i, t := range ts {
		if templateKey(t) == s.selected && s.selected != "" {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

// templateKey identifies a listed template: built-in IDs repeat per
// language, the seller's own are known by their store ID.
func templateKey(t templates.Template) string {
	if id, ok := app.UserTemplateID(t); ok {
		return ownTemplateKey(id)
	}
	return "builtin\x00" + t.ID + "\x00" + t.Lang
}

// ownTemplateKey is the templateKey of the seller's template with the store ID.
func ownTemplateKey(id int64) string { return "own\x00" + strconv.FormatInt(id, 10) }

// onSelected opens the picked template, after asking when the editor holds
// unsaved changes.
func (s *TemplatesScreen) onSelected(id widget.ListItemID) {
	if s.ignoreSelect || id < 0 || id >= len(s.listed) {
		return
	}
	t := s.listed[id]
	if templateKey(t) == s.selected && !s.editor.isNew() {
		return
	}
	s.confirmDiscard(func() { s.open(t) }, s.restoreSelection)
}

// open shows t in the editor.
func (s *TemplatesScreen) open(t templates.Template) {
	s.selected = templateKey(t)
	s.editor.load(t)
}

// restoreSelection selects the template in the editor again after the
// seller chose to keep editing it.
func (s *TemplatesScreen) restoreSelection() {
	s.ignoreSelect = true
	defer func() { s.ignoreSelect = false }()
	for i, t := range s.listed {
		if templateKey(t) == s.selected && s.selected != "" {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

// onNew starts an empty template for the filter's purpose and language.
func (s *TemplatesScreen) onNew() {
	s.confirmDiscard(func() {
		kind, lang := s.filter()
		if kind == "" {
			kind = templateKinds()[0]
		}
		if lang == "" {
			lang = string(Lang())
		}
		s.startNew(templates.Template{Kind: kind, Lang: lang})
	}, func() {})
}

// startNew puts an unsaved template into the editor.
func (s *TemplatesScreen) startNew(t templates.Template) {
	s.selected = ""
	s.ignoreSelect = true
	s.list.UnselectAll()
	s.ignoreSelect = false
	s.editor.loadNew(t)
}

// confirmDiscard runs proceed at once when the editor holds no unsaved
// changes, else after the seller agreed to drop them; stay runs otherwise.
func (s *TemplatesScreen) confirmDiscard(proceed, stay func()) {
	if !s.editor.dirty || s.win == nil {
		proceed()
		return
	}
	s.dialogs.show(dialog.NewConfirm(tr("templates.discard.title"), tr("templates.discard.confirm"), func(ok bool) {
		if ok {
			proceed()
		} else {
			stay()
		}
	}, s.win))
}
