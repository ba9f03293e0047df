package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/policy"
)

// A flow keeps its objects on one line while they fit and breaks onto
// more lines, growing its minimum height, when they do not.
func TestFlowBreaksWhenNarrow(t *testing.T) {
	test.NewTempApp(t)
	a, b := widget.NewCheck("Review request possible", nil), widget.NewCheck("Has messages", nil)
	flow := newFlow(a, b)
	one := a.MinSize().Height
	both := a.MinSize().Width + b.MinSize().Width + theme.Padding()
	for _, tc := range []struct {
		name  string
		width float32
		lines int
	}{
		{"wide", both + 50, 1},
		{"narrow", a.MinSize().Width + 10, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			flow.Resize(fyne.NewSize(tc.width, 200))
			if got := flow.MinSize(); got.Height < float32(tc.lines)*one || got.Height >= float32(tc.lines+1)*one {
				t.Errorf("min height %v at width %v, want %d lines of %v", got.Height, tc.width, tc.lines, one)
			}
			if tc.lines == 2 && b.Position().Y <= a.Position().Y {
				t.Errorf("the second check is not on a line of its own: %v, %v", a.Position(), b.Position())
			}
			if flow.MinSize().Width > max(a.MinSize().Width, b.MinSize().Width) {
				t.Errorf("min width %v is more than the widest check", flow.MinSize().Width)
			}
		})
	}
}

// The purpose button shows its whole text, truncated only on screen, and
// a tap on it opens the menu of purposes.
func TestPurposeButtonTruncatesAndOpensMenu(t *testing.T) {
	c, w := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	if c.kindButton.text() != policy.KindUnexpectedProblem.Description(policy.English) {
		t.Errorf("the purpose button says %q", c.kindButton.text())
	}
	long := c.kindButton.object().MinSize().Width
	if long > 200 {
		t.Errorf("the purpose button needs %v, its text should truncate", long)
	}
	test.Tap(c.kindButton.button)
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("tapping the purpose button opens no menu")
	}
}
