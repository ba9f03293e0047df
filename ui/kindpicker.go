package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"sellermail/policy"
)

// kindMenu lists every kind with its one-line description; the kinds the
// order does not offer are shown disabled, so the seller sees what exists
// and what is possible now.
func (c *Composer) kindMenu() *fyne.Menu {
	kinds := policy.Kinds()
	items := make([]*fyne.MenuItem, 0, len(kinds))
	for _, k := range kinds {
		item := fyne.NewMenuItem(k.Description(PolicyLang()), func() { c.onKindPicked(k) })
		item.Disabled = !c.offers(k)
		item.Checked = k == c.kind
		items = append(items, item)
	}
	return fyne.NewMenu("", items...)
}

func (c *Composer) onKindTapped() {
	b := c.kindButton.object()
	cv := fyne.CurrentApp().Driver().CanvasForObject(b)
	if cv == nil {
		return
	}
	widget.ShowPopUpMenuAtRelativePosition(c.kindMenu(), cv, fyne.NewPos(0, b.Size().Height), b)
}

func (c *Composer) onKindPicked(k policy.Kind) {
	switch {
	case c.SetKind(k) != nil:
	case c.filesOnly():
		focus(c.attachButton)
	default:
		focus(c.entry)
	}
}

// focus gives obj the keyboard focus if it is on a canvas.
func focus(obj fyne.Focusable) {
	co, ok := obj.(fyne.CanvasObject)
	if !ok {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(co); cv != nil {
		cv.Focus(obj)
	}
}
