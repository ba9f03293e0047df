package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// historyDetail shows one message of the history: its facts, status, text,
// the findings it was sent with, and what the seller can do with it; or one
// review request: its facts, status and why it failed or is unclear.
type historyDetail struct {
	s      *HistoryScreen
	msg    store.Message
	review store.ReviewRequest
	has    bool
	// isReview: the pane shows review, not msg.
	isReview bool

	empty    *widget.Label
	title    *widget.Label
	facts    *widget.Label
	status   *widget.Label
	reason   *widget.Label
	text     *widget.Label
	caption  *widget.Label
	findings *findingsPanel

	reuse, gotIt, notSent, sendNow, discard *widget.Button
	separator                               *widget.Separator
	lower                                   fyne.CanvasObject // the findings, for messages only
	body                                    fyne.CanvasObject
	root                                    *fyne.Container
}

func newHistoryDetail(s *HistoryScreen) *historyDetail {
	d := &historyDetail{
		s:        s,
		empty:    &widget.Label{Alignment: fyne.TextAlignCenter, Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord},
		title:    &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		facts:    &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
		status:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		reason:   &widget.Label{Wrapping: fyne.TextWrapWord},
		text:     &widget.Label{Wrapping: fyne.TextWrapWord, Selectable: true},
		caption:  &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
		findings: newFindingsPanel(nil),
		reuse:    &widget.Button{Icon: theme.ContentCopyIcon()},
		gotIt:    &widget.Button{Icon: theme.ConfirmIcon(), Importance: widget.SuccessImportance},
		notSent:  &widget.Button{Icon: theme.CancelIcon()},
		sendNow:  &widget.Button{Icon: theme.MailSendIcon(), Importance: widget.HighImportance},
		discard:  &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.DangerImportance},
	}
	d.reuse.OnTapped = d.onReuse
	d.gotIt.OnTapped = func() { d.onResolve(true) }
	d.notSent.OnTapped = func() { d.onResolve(false) }
	d.sendNow.OnTapped = d.onSendNow
	d.discard.OnTapped = d.onDiscard
	for _, b := range []*widget.Button{d.reuse, d.gotIt, d.notSent, d.sendNow, d.discard} {
		b.ExtendBaseWidget(b)
	}
	// Wrapped labels sit in scrolls: outside one, a label's minimum height
	// before the first layout is that of one word per line, which would
	// make the window grow far beyond the screen.
	d.separator = widget.NewSeparator()
	upper := container.NewVScroll(container.NewVBox(d.title, d.facts, d.status, d.reason, d.separator, d.text))
	d.lower = container.NewBorder(d.caption, nil, nil, nil, d.findings.object())
	split := container.NewVSplit(upper, d.lower)
	split.Offset = 0.55
	actions := container.NewHBox(d.gotIt, d.notSent, d.sendNow, d.discard, d.reuse)
	d.body = container.NewBorder(nil, actions, nil, nil, split)
	d.root = container.NewStack(container.NewVScroll(d.empty), d.body)
	d.clear()
	return d
}

func (d *historyDetail) object() fyne.CanvasObject { return d.root }

// clear shows the hint to pick a message.
func (d *historyDetail) clear() {
	d.has, d.isReview = false, false
	d.msg, d.review = store.Message{}, store.ReviewRequest{}
	d.body.Hide()
	d.empty.Show()
}

// show fills the pane with m.
func (d *historyDetail) show(m store.Message) {
	d.msg, d.isReview = m, false
	d.reveal()
}

// reveal shows the entry chosen, in place of the hint.
func (d *historyDetail) reveal() {
	d.has = true
	d.empty.Hide()
	d.body.Show()
	d.draw()
}

// relabel writes the pane in the current language.
func (d *historyDetail) relabel() {
	d.empty.SetText(tr("history.detail.empty"))
	d.caption.SetText(tr("history.findings.caption"))
	d.reuse.SetText(tr("history.reuse"))
	d.gotIt.SetText(tr("history.resolve.sent"))
	d.notSent.SetText(tr("history.resolve.notsent"))
	d.sendNow.SetText(tr("history.queued.send"))
	d.discard.SetText(tr("history.queued.discard"))
	if d.has {
		d.draw()
	}
}

// showReview fills the pane with r.
func (d *historyDetail) showReview(r store.ReviewRequest) {
	d.review, d.isReview = r, true
	d.reveal()
}

// draw shows d.msg or d.review.
func (d *historyDetail) draw() {
	if d.isReview {
		d.drawReview()
		return
	}
	d.separator.Show()
	d.text.Show()
	d.lower.Show()
	m := d.msg
	d.title.SetText(tr("history.detail.title", map[string]any{"Order": m.OrderID}))
	d.facts.SetText(messageFacts(m))
	d.status.Importance = messageStatusImportance(m.Status)
	d.status.SetText(messageStatusName(m.Status))
	reason := app.StoredReason(m.Error, Lang())
	if reason == "" {
		reason = statusHint(m.Status)
	}
	d.reason.SetText(reason)
	if reason == "" {
		d.reason.Hide()
	} else {
		d.reason.Show()
	}
	d.text.SetText(m.Text)
	fs, err := d.s.svc.SentFindings(m, Lang())
	empty := tr("history.findings.none")
	if err != nil {
		empty = tr("history.findings.unreadable")
	}
	d.findings.update(fs, empty)
	showIf(d.gotIt, m.Status == store.StatusUnknown)
	showIf(d.notSent, m.Status == store.StatusUnknown)
	showIf(d.sendNow, m.Status == store.StatusQueued)
	showIf(d.discard, m.Status == store.StatusQueued)
	showIf(d.reuse, d.s.OnReuse != nil)
}

// drawReview shows d.review: no text or findings, since Amazon writes the
// request itself; resolving is offered when its outcome is unknown.
func (d *historyDetail) drawReview() {
	r := d.review
	d.title.SetText(tr("history.review.title", map[string]any{"Order": r.OrderID}))
	d.facts.SetText(reviewFacts(r))
	d.status.Importance = reviewStatusImportance(r.Status)
	d.status.SetText(reviewStatusName(r.Status))
	reason := app.StoredReason(r.Error, Lang())
	if reason == "" && r.Status == store.ReviewUnknown {
		reason = tr("history.review.hint.unknown")
	}
	d.reason.SetText(reason)
	showIf(d.reason, reason != "")
	d.separator.Hide()
	d.text.Hide()
	d.lower.Hide()
	showIf(d.gotIt, r.Status == store.ReviewUnknown)
	showIf(d.notSent, r.Status == store.ReviewUnknown)
	d.sendNow.Hide()
	d.discard.Hide()
	d.reuse.Hide()
}

// reviewFacts is the line under a review request's title: marketplace,
// when it was made and last changed, and Amazon's request ID.
func reviewFacts(r store.ReviewRequest) string {
	var parts []string
	if mp := marketplaceName(r.MarketplaceID); mp != "" {
		parts = append(parts, mp)
	}
	parts = append(parts, tr("history.detail.created", map[string]any{"When": fmtDateTime(r.CreatedAt)}))
	if !r.UpdatedAt.IsZero() && !r.UpdatedAt.Equal(r.CreatedAt) {
		parts = append(parts, tr("history.review.updated", map[string]any{"When": fmtDateTime(r.UpdatedAt)}))
	}
	if r.RequestID != "" {
		parts = append(parts, tr("history.detail.request", map[string]any{"ID": r.RequestID}))
	}
	return strings.Join(parts, " · ")
}

// messageFacts is the line under the title: purpose, language, marketplace,
// when it was written and sent, and attachments.
func messageFacts(m store.Message) string {
	parts := []string{policy.Kind(m.Kind).Description(PolicyLang())}
	if m.Lang != "" {
		parts = append(parts, languageName(m.Lang))
	}
	if mp := marketplaceName(m.MarketplaceID); mp != "" {
		parts = append(parts, mp)
	}
	parts = append(parts, tr("history.detail.created", map[string]any{"When": fmtDateTime(m.CreatedAt)}))
	if !m.SentAt.IsZero() {
		parts = append(parts, tr("history.detail.sent", map[string]any{"When": fmtDateTime(m.SentAt)}))
	}
	if len(m.Attachments) > 0 {
		names := make([]string, len(m.Attachments))
		for i, a := range m.Attachments {
			names[i] = a.Name
		}
		parts = append(parts, tr("history.detail.attachments", map[string]any{"Names": strings.Join(names, ", ")}))
	}
	if m.RequestID != "" {
		parts = append(parts, tr("history.detail.request", map[string]any{"ID": m.RequestID}))
	}
	return strings.Join(parts, " · ")
}

// statusHint says what a status means when the message has no reason of its own.
func statusHint(st store.MessageStatus) string {
	switch st {
	case store.StatusUnknown:
		return tr("history.hint.unknown")
	case store.StatusQueued:
		return tr("history.hint.queued")
	}
	return ""
}

func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

func (d *historyDetail) onReuse() {
	if d.has && !d.isReview && d.s.OnReuse != nil {
		d.s.OnReuse(d.msg)
	}
}

// onResolve records what the seller found in Seller Central.
func (d *historyDetail) onResolve(sent bool) {
	if !d.has {
		return
	}
	s := d.s
	if d.isReview {
		id := d.review.ID
		s.tasks.run(func() func() {
			err := s.svc.ResolveUnknownReview(s.tasks.ctx, id, sent)
			return func() { s.afterAction(err) }
		})
		return
	}
	id := d.msg.ID
	s.tasks.run(func() func() {
		err := s.svc.ResolveUnknown(s.tasks.ctx, id, sent)
		return func() { s.afterAction(err) }
	})
}

// onSendNow sends a queued message after checking it again.
func (d *historyDetail) onSendNow() {
	if !d.has || d.isReview {
		return
	}
	id, s := d.msg.ID, d.s
	lang := Lang()
	s.tasks.run(func() func() {
		res, err := s.svc.SendQueued(s.tasks.ctx, id, lang)
		return func() {
			if err != nil && !res.Explanation.IsZero() && s.win != nil {
				s.dialogs.show(dialog.NewInformation(tr("history.queued.failed"), app.Render(res.Explanation, Lang()), s.win))
				s.Refresh()
				return
			}
			s.afterAction(err)
		}
	})
}

// onDiscard drops a queued message after asking.
func (d *historyDetail) onDiscard() {
	if !d.has || d.isReview {
		return
	}
	id, s := d.msg.ID, d.s
	discard := func() {
		s.tasks.run(func() func() {
			err := s.svc.DiscardQueued(s.tasks.ctx, id)
			return func() { s.afterAction(err) }
		})
	}
	if s.win == nil {
		discard()
		return
	}
	s.dialogs.show(dialog.NewConfirm(tr("history.queued.discard.title"), tr("history.queued.discard.confirm"), func(ok bool) {
		if ok {
			discard()
		}
	}, s.win))
}

// afterAction reloads the list, so the message shows its new status.
func (s *HistoryScreen) afterAction(err error) {
	if err != nil {
		s.showError(err)
	}
	s.Refresh()
}
