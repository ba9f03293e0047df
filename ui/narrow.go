package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scrollingLine is the wrapping of a one-line entry whose text scrolls
// inside it, as widget.NewEntry's does. An entry built as a struct literal
// otherwise neither wraps nor scrolls and is as wide as its text or
// placeholder, so a long search text or token widens the window.
const scrollingLine = fyne.TextWrap(fyne.TextTruncateClip)

// shrinkable lets obj be narrower than its minimum, down to width, for
// widgets that truncate their text when short of room, such as a select
// whose minimum is its placeholder's width.
func shrinkable(width float32, obj fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: widthLayout{width: width, atMost: true}, Objects: []fyne.CanvasObject{obj}}
}

// truncButton is a button whose text ends in an ellipsis when the button
// is short of room, instead of widening the window: a plain button below
// takes the taps and draws the background, a truncating label above shows
// the text in bold as a button has it, followed by an icon.
type truncButton struct {
	button *widget.Button
	label  *widget.Label
	root   *fyne.Container
}

func newTruncButton(icon fyne.Resource, onTapped func()) *truncButton {
	b := &truncButton{
		button: &widget.Button{OnTapped: onTapped},
		label:  &widget.Label{Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: true}},
	}
	// The label brings its own inner padding; the icon gets half the button's.
	content := container.NewBorder(nil, nil, nil, widget.NewIcon(icon), b.label)
	b.root = container.NewStack(b.button, container.New(paddedXLayout{theme.InnerPadding() / 2}, content))
	return b
}

// object is the button to place in a layout.
func (b *truncButton) object() fyne.CanvasObject { return b.root }

// text is the full text, also when it is shown truncated.
func (b *truncButton) text() string { return b.label.Text }

// setText changes the text.
func (b *truncButton) setText(s string) { b.label.SetText(s) }

// paddedXLayout insets its objects left and right by pad.
type paddedXLayout struct{ pad float32 }

// Layout insets every object by l.pad on both sides.
func (l paddedXLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(max(size.Width-2*l.pad, 0), size.Height))
		o.Move(fyne.NewPos(l.pad, 0))
	}
}

// MinSize is the largest minimum of the objects plus the padding.
func (l paddedXLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(2*l.pad, 0)
}

// newFlow places objs in a row at their minimum widths and continues on
// the next line when the row is full, as words in a text: a row of checks
// stays one line in a wide window and breaks in a narrow one.
func newFlow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{}, objs...)
}

// flowLayout lays out a flow; its minimum height follows the width of the
// last layout, which the canvas picks up on its next frame.
type flowLayout struct{ width float32 }

// Layout puts the objects in rows no wider than size.
func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pad := theme.Padding()
	var y float32
	for _, row := range l.rows(objs, size.Width) {
		var x, h float32
		for _, o := range row {
			m := o.MinSize()
			o.Resize(fyne.NewSize(min(m.Width, size.Width), m.Height))
			o.Move(fyne.NewPos(x, y))
			x += m.Width + pad
			h = max(h, m.Height)
		}
		y += h + pad
	}
}

// MinSize is as wide as the widest object and as high as the rows at the
// last layout's width; before the first layout, all in one row.
func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	rows := l.rows(objs, l.width)
	for i, row := range rows {
		var h float32
		for _, o := range row {
			m := o.MinSize()
			s.Width = max(s.Width, m.Width)
			h = max(h, m.Height)
		}
		s.Height += h
		if i > 0 {
			s.Height += theme.Padding()
		}
	}
	return s
}

// rows splits the visible objects into rows no wider than width; a width
// of 0 puts them all in one row.
func (l *flowLayout) rows(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	pad := theme.Padding()
	var rows [][]fyne.CanvasObject
	var row []fyne.CanvasObject
	var x float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(row) > 0 && width > 0 && x+pad+w > width {
			rows = append(rows, row)
			row, x = nil, 0
		}
		if len(row) > 0 {
			x += pad
		}
		row = append(row, o)
		x += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}
