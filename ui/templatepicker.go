package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/templates"
	"sellermail/policy"
)

// refreshTemplates offers the templates of the chosen kind in the buyer's
// language (or the window's, while the buyer's is unknown). The first option
// is to write freely.
func (c *Composer) refreshTemplates() {
	before := c.shown
	c.shown = nil
	if c.kind != "" {
		lang := baseLanguage(c.ctx.BuyerLocale)
		if lang == "" {
			lang = string(Lang())
		}
		c.shown = templates.Filter(c.cfg.Templates, c.kind, lang)
	}
	options := make([]string, 0, len(c.shown)+1)
	options = append(options, tr("composer.template.free"))
	for _, t := range c.shown {
		options = append(options, t.Title)
	}
	sel := c.templateSelect
	// A relabel keeps the picked template; another kind or buyer starts afresh.
	keep := sel.SelectedIndex()
	sel.Options = options
	sel.Selected = ""
	if keep >= 0 && sameTemplates(before, c.shown) {
		sel.Selected = options[keep]
	} else {
		c.templateHint.SetText("")
		c.templateHint.Hide()
	}
	switch {
	case c.kind == "":
		sel.PlaceHolder = tr("composer.template.choosekind")
		sel.Disable()
	case len(c.shown) == 0:
		sel.PlaceHolder = tr("composer.template.none")
		sel.Disable()
	default:
		sel.PlaceHolder = tr("composer.template.placeholder")
		sel.Enable()
	}
	sel.Refresh()
}

// onTemplateSelected fills the composer with the picked template, rendered
// with the order's values; free fields stay for the seller to fill. Text the
// seller wrote is only replaced after asking.
func (c *Composer) onTemplateSelected(string) {
	i := c.templateSelect.SelectedIndex()
	if i <= 0 || i > len(c.shown) {
		c.templateHint.SetText("")
		c.templateHint.Hide()
		return
	}
	t := c.shown[i-1]
	c.templateHint.SetText(t.Description)
	c.templateHint.Show()
	body := templates.Render(t.Body, c.ctx.Values)
	current := c.entry.Text
	if strings.TrimSpace(current) == "" || current == c.lastFill || c.cfg.Window == nil {
		c.fill(body)
		return
	}
	msg := &widget.Label{Text: tr("composer.template.replace"), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomConfirm(tr("composer.template.replace.title"), tr("composer.template.replace.ok"),
		tr("dialog.cancel"), msg, func(ok bool) {
			if ok {
				c.fill(body)
			}
		}, c.cfg.Window)
	d.Resize(fyne.NewSize(420, 0))
	c.showDialog(d)
}

// fill puts a rendered template into the composer and selects its first free
// field, so the seller can type straight over it.
func (c *Composer) fill(body string) {
	c.lastFill = body
	c.entry.SetText(body)
	focus(c.entry)
	for _, p := range policy.Placeholders(body) {
		if p.Free {
			selectRunes(&c.entry.Entry, p.Start, p.End)
			return
		}
	}
}

// sameTemplates reports whether two pickers list the same templates.
func sameTemplates(a, b []templates.Template) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Lang != b[i].Lang {
			return false
		}
	}
	return true
}
