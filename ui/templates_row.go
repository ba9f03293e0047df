package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/templates"
)

// templateRow is one line of the template list: the title, whether it is
// built in or the seller's own, and its purpose and language.
type templateRow struct {
	widget.BaseWidget
	title, origin, about *widget.Label
}

func newTemplateRow() fyne.CanvasObject {
	r := &templateRow{
		title:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		origin: &widget.Label{Alignment: fyne.TextAlignTrailing},
		about:  &widget.Label{Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis},
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out on two lines.
func (r *templateRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(container.NewBorder(nil, nil, nil, r.origin, r.title), r.about))
}

func (r *templateRow) set(t templates.Template) {
	r.title.SetText(t.Title)
	if t.BuiltIn {
		r.origin.Importance = widget.LowImportance
		r.origin.SetText(tr("templates.builtin"))
	} else {
		r.origin.Importance = widget.HighImportance
		r.origin.SetText(tr("templates.own"))
	}
	r.about.SetText(languageName(t.Lang) + " · " + t.Kind.Description(PolicyLang()))
}
