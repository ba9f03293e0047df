package ui

import "fyne.io/fyne/v2"

// maxWidthLayout centres its objects horizontally, no wider than width,
// over the full height: long texts stay readable in a wide window.
type maxWidthLayout struct{ width float32 }

// newMaxWidth wraps obj in a maxWidthLayout.
func newMaxWidth(width float32, obj fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: maxWidthLayout{width}, Objects: []fyne.CanvasObject{obj}}
}

// Layout centres each object at most l.width wide.
func (l maxWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, l.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

// MinSize is the largest minimum of the objects, no wider than l.width.
func (l maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = min(s.Width, l.width)
	return s
}

// withMinWidth keeps obj at least width wide, such as a select whose
// options are longer than its placeholder.
func withMinWidth(width float32, obj fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: minWidthLayout{width}, Objects: []fyne.CanvasObject{obj}}
}

// minWidthLayout gives its objects the full size and a minimum width.
type minWidthLayout struct{ width float32 }

// Layout gives every object the full size.
func (l minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// MinSize is the objects' minimum, at least l.width wide.
func (l minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = max(s.Width, l.width)
	return s
}
