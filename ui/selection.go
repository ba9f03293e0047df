package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7's Entry has no API to select a range. It does select with
// Shift+arrow keys: Shift down anchors the selection at the cursor, and an
// arrow key moved with Shift held extends it. So selectRunes places the cursor
// with the exported CursorRow/CursorColumn, presses Shift, moves one rune
// right to the end, and releases Shift. Rows are the entry's visual rows
// (after word wrapping), so rune offsets are mapped with CursorTextOffset.

// selectRunes selects runes [start, end) of the entry's text; an empty range
// just moves the cursor there.
func selectRunes(e *widget.Entry, start, end int) {
	n := utf8.RuneCountInString(e.Text)
	start, end = clamp(start, 0, n), clamp(end, 0, n)
	if end < start {
		start, end = end, start
	}
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	e.KeyUp(shift)
	// Collapse any selection: Left without Shift ends it (or moves the
	// cursor, which is placed below anyway).
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	e.CursorRow, e.CursorColumn = rowCol(e, start)
	if end > start {
		e.KeyDown(shift)
		e.CursorRow, e.CursorColumn = rowCol(e, end-1)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		e.KeyUp(shift)
	}
	e.Refresh()
}

// rowCol finds the visual row and column of rune offset pos. Each row starts
// after the previous one, so the rows are walked until one starts past pos.
func rowCol(e *widget.Entry, pos int) (row, col int) {
	savedRow, savedCol := e.CursorRow, e.CursorColumn
	begin := 0
	for r := 1; ; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		b := e.CursorTextOffset() // 0 past the last row
		if b <= begin || b > pos {
			break
		}
		row, begin = r, b
	}
	e.CursorRow, e.CursorColumn = savedRow, savedCol
	return row, pos - begin
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
