package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// demoBadge is the coloured "DEMO" marker of the header. Its colours come
// from the theme each time it is drawn, so it follows a theme change while
// the window is open, and its text follows the language.
type demoBadge struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newDemoBadge() *demoBadge {
	b := &demoBadge{bg: &canvas.Rectangle{CornerRadius: 4}, text: &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}}}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer draws the text padded on the rounded background.
func (b *demoBadge) CreateRenderer() fyne.WidgetRenderer {
	b.paint()
	return &demoBadgeRenderer{WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(b.bg, container.NewPadded(b.text))), b: b}
}

// paint takes the colours from the current theme and the text from the language.
func (b *demoBadge) paint() {
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	b.bg.FillColor = th.Color(theme.ColorNameWarning, v)
	b.text.Color = th.Color(theme.ColorNameForegroundOnWarning, v)
	b.text.TextSize = th.Size(theme.SizeNameText)
	b.text.Text = " " + tr("demo.badge") + " "
}

// demoBadgeRenderer repaints the badge whenever Fyne refreshes it, which it
// does for every widget when the theme changes.
type demoBadgeRenderer struct {
	fyne.WidgetRenderer
	b *demoBadge
}

// Refresh picks up the theme's current colours before drawing.
func (r *demoBadgeRenderer) Refresh() {
	r.b.paint()
	r.b.bg.Refresh()
	r.b.text.Refresh()
	r.WidgetRenderer.Refresh()
}
