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
	return &fyne.Container{Layout: widthLayout{width: width}, Objects: []fyne.CanvasObject{obj}}
}

// widthLayout gives its objects the full size, and a minimum width of at
// least width, or with atMost of at most width.
type widthLayout struct {
	width  float32
	atMost bool
}

// Layout gives every object the full size.
func (l widthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// MinSize is the objects' minimum, its width bounded by l.width.
func (l widthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	if l.atMost {
		s.Width = min(s.Width, l.width)
	} else {
		s.Width = max(s.Width, l.width)
	}
	return s
}
