package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// historyRow is one line of the history list: when, which order, what for,
// its status and the start of the text. Rows are pooled by the list.
type historyRow struct {
	widget.BaseWidget
	when, order, kind, status, text *widget.Label
}

func newHistoryRow() fyne.CanvasObject {
	r := &historyRow{
		when:   &widget.Label{Importance: widget.LowImportance},
		order:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		kind:   &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		status: &widget.Label{Alignment: fyne.TextAlignTrailing},
		text:   &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out on two lines.
func (r *historyRow) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, container.NewHBox(r.when, r.order), r.status, r.kind)
	return widget.NewSimpleRenderer(container.NewVBox(top, r.text))
}

func (r *historyRow) set(m store.Message) {
	r.when.SetText(fmtDateTime(m.CreatedAt))
	r.order.SetText(m.OrderID)
	r.kind.SetText(policy.Kind(m.Kind).Description(PolicyLang()))
	r.status.Importance = messageStatusImportance(m.Status)
	r.status.SetText(messageStatusName(m.Status))
	r.text.SetText(oneLine(m.Text))
}

// setReview shows a review request: when, which order, "Review request",
// its status and, for one that failed or is unclear, why.
func (r *historyRow) setReview(rr store.ReviewRequest) {
	r.when.SetText(fmtDateTime(rr.CreatedAt))
	r.order.SetText(rr.OrderID)
	r.kind.SetText(tr("history.review.row"))
	r.status.Importance = reviewStatusImportance(rr.Status)
	r.status.SetText(reviewStatusName(rr.Status))
	r.text.SetText(oneLine(app.StoredReason(rr.Error, Lang())))
}

// maxRowText bounds the text a row carries, in runes; the label truncates
// to the width anyway, this only keeps long messages cheap to lay out.
const maxRowText = 200

// oneLine joins a text's lines and shortens it for a list row.
func oneLine(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	if r := []rune(s); len(r) > maxRowText {
		s = string(r[:maxRowText]) + "…"
	}
	return s
}
