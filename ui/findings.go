package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/policy"
)

// findingsPanel lists the findings of the current text. A message has a
// handful of findings at most, so the rows sit in a box; they are reused
// between keystrokes and only redrawn when what they show changed.
type findingsPanel struct {
	onTap  func(policy.Finding)
	header *widget.Label
	empty  *widget.Label
	rows   []*findingRow
	box    *fyne.Container
	root   fyne.CanvasObject
}

func newFindingsPanel(onTap func(policy.Finding)) *findingsPanel {
	p := &findingsPanel{
		onTap:  onTap,
		header: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		empty:  &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
	}
	p.box = container.NewVBox(p.empty)
	p.root = container.NewBorder(p.header, nil, nil, nil, container.NewVScroll(p.box))
	return p
}

func (p *findingsPanel) object() fyne.CanvasObject { return p.root }

// update shows fs; emptyText is shown when there are none.
func (p *findingsPanel) update(fs []policy.Finding, emptyText string) {
	header := tr("findings.title")
	if len(fs) > 0 {
		header = tr("findings.count", map[string]any{"N": len(fs)})
	}
	if p.header.Text != header {
		p.header.SetText(header)
	}
	if len(fs) == 0 {
		if p.empty.Text != emptyText {
			p.empty.SetText(emptyText)
		}
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	for len(p.rows) < len(fs) {
		r := newFindingRow(p.onTap)
		p.rows = append(p.rows, r)
		p.box.Add(r)
	}
	for i, r := range p.rows {
		if i < len(fs) {
			r.set(fs[i])
			r.Show()
		} else {
			r.Hide()
		}
	}
}

// findingRow shows one finding: severity icon, the words at fault, why, and
// what to write instead. Tapping it selects the words in the editor.
type findingRow struct {
	widget.BaseWidget
	finding policy.Finding
	onTap   func(policy.Finding)
	shown   rowKey
	icon    *widget.Icon
	head    *widget.Label
	excerpt *widget.Label
	why     *widget.Label
	fix     *widget.Label
}

// rowKey is what a row's texts are made from; rows are redrawn only when it
// changes, which while typing is rare: usually only the offsets move.
type rowKey struct {
	severity                    policy.Severity
	rule, excerpt, message, fix string
	language                    int
}

func newFindingRow(onTap func(policy.Finding)) *findingRow {
	r := &findingRow{
		onTap:   onTap,
		icon:    &widget.Icon{},
		head:    &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		excerpt: &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}},
		why:     &widget.Label{Wrapping: fyne.TextWrapWord},
		fix:     &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.SuccessImportance},
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out: the icon left of the texts.
func (r *findingRow) CreateRenderer() fyne.WidgetRenderer {
	texts := container.NewVBox(r.head, r.excerpt, r.why, r.fix)
	top := container.NewVBox(r.icon)
	return widget.NewSimpleRenderer(container.NewBorder(nil, widget.NewSeparator(), top, nil, texts))
}

// Tapped selects the finding's words in the editor.
func (r *findingRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.finding)
	}
}

// Cursor shows the row is clickable.
func (r *findingRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// set shows f; unchanged texts are not redrawn, only the offsets are kept.
func (r *findingRow) set(f policy.Finding) {
	r.finding = f
	key := rowKey{f.Severity, f.Rule, f.Excerpt, f.Message, f.Fix, languageGeneration()}
	if key == r.shown {
		return
	}
	if key.severity != r.shown.severity {
		r.icon.SetResource(severityIcon(f.Severity))
	}
	r.head.SetText(severityName(f.Severity) + " · " + f.Rule)
	r.excerpt.SetText(excerptText(f))
	r.why.SetText(f.Message)
	if f.Fix == "" {
		r.fix.SetText("")
		r.fix.Hide()
	} else {
		r.fix.SetText(tr("findings.fix", map[string]any{"Fix": f.Fix}))
		r.fix.Show()
	}
	r.shown = key
}

// maxExcerpt bounds the quoted words shown in a row, in runes.
const maxExcerpt = 80

// excerptText quotes the words at fault on one line, shortened if long.
func excerptText(f policy.Finding) string {
	if f.Start == f.End || f.Excerpt == "" {
		return tr("findings.whole")
	}
	s := strings.Join(strings.Fields(f.Excerpt), " ")
	if utf8.RuneCountInString(s) > maxExcerpt {
		s = string([]rune(s)[:maxExcerpt-1]) + "…"
	}
	return tr("findings.excerpt", map[string]any{"Text": s})
}

// severityName says what a severity means for the seller.
func severityName(s policy.Severity) string {
	switch s {
	case policy.Block:
		return tr("severity.block")
	case policy.Risk:
		return tr("severity.risk")
	case policy.Warn:
		return tr("severity.warn")
	}
	return tr("severity.style")
}

// severityIcon is an icon in the colour of the severity's importance.
func severityIcon(s policy.Severity) fyne.Resource {
	switch s {
	case policy.Block:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case policy.Risk:
		return theme.NewErrorThemedResource(theme.WarningIcon())
	case policy.Warn:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewPrimaryThemedResource(theme.InfoIcon())
}
