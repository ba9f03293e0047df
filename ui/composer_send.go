package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/policy"
)

// ResultKind is the outcome of sending that ShowResult reports.
type ResultKind int

// The outcomes ShowResult can show.
const (
	// ResultNone hides the result area.
	ResultNone ResultKind = iota
	// ResultSent: Amazon accepted the message.
	ResultSent
	// ResultFailed: Amazon refused it or it could not be sent; the detail says why.
	ResultFailed
	// ResultUnknown: the request went out but no answer came back, so the
	// message may or may not have arrived.
	ResultUnknown
	// ResultCopied: a reply was copied for pasting into Seller Central.
	ResultCopied
	// ResultSentUnrecorded: Amazon accepted the message but it could not be
	// recorded locally; the detail says why. It must not be sent again.
	ResultSentUnrecorded
)

// ShowResult reports how sending went, with a detail such as Amazon's reason;
// ResultNone hides the report. It ends the sending state a confirmed send
// started, so Send works again.
func (c *Composer) ShowResult(kind ResultKind, detail string) {
	c.outcome, c.detail = kind, detail
	switch kind {
	case ResultSent, ResultSentUnrecorded, ResultUnknown:
		c.sentText = c.lastSent
	}
	c.showOutcome()
	if c.sending {
		c.setSending(false)
	}
}

// setSending marks a confirmed message as on its way: Send and Ctrl+Enter
// do nothing and the button says so until ShowResult reports the outcome.
func (c *Composer) setSending(on bool) {
	c.sending = on
	c.labelSend()
	c.updateActions(c.Text())
}

// labelSend names the Send button after the state.
func (c *Composer) labelSend() {
	text := tr("composer.send")
	if c.sending {
		text = tr("composer.sending")
	}
	if c.sendButton.Text != text {
		c.sendButton.SetText(text)
	}
}

// showOutcome draws the result area in the current language.
func (c *Composer) showOutcome() {
	var (
		icon     fyne.Resource
		headline string
		imp      = widget.MediumImportance
	)
	switch c.outcome {
	case ResultSent:
		icon, headline, imp = theme.NewSuccessThemedResource(theme.ConfirmIcon()), tr("result.sent"), widget.SuccessImportance
	case ResultSentUnrecorded:
		icon, headline, imp = theme.NewWarningThemedResource(theme.WarningIcon()), tr("result.sent.unrecorded"), widget.WarningImportance
	case ResultFailed:
		icon, headline, imp = theme.NewErrorThemedResource(theme.ErrorIcon()), tr("result.failed"), widget.DangerImportance
	case ResultUnknown:
		icon, headline, imp = theme.NewWarningThemedResource(theme.QuestionIcon()), tr("result.unknown"), widget.WarningImportance
	case ResultCopied:
		icon, headline = theme.NewPrimaryThemedResource(theme.ContentCopyIcon()), tr("result.copied")
	default:
		c.resultBox.Hide()
		return
	}
	text := headline
	if c.detail != "" {
		text += "\n" + c.detail
	}
	c.newButton.Hidden = c.sentText == ""
	c.resultIcon.SetResource(icon)
	c.resultText.Importance = imp
	c.resultText.SetText(text)
	c.resultBox.Show()
}

// AddShortcuts registers Ctrl+Enter (Cmd+Enter on macOS) on the window's
// canvas, for when the editor does not have the focus; the editor handles
// the shortcut itself while it has.
func (c *Composer) AddShortcuts(cv fyne.Canvas) {
	for _, s := range sendShortcuts() {
		cv.AddShortcut(s, func(fyne.Shortcut) { c.onPrimaryAction() })
	}
}

// onPrimaryAction is Ctrl+Enter: send, or for a reply copy it for Seller Central.
func (c *Composer) onPrimaryAction() {
	if c.kind == policy.KindReply {
		c.onCopyTapped()
		return
	}
	c.onSendTapped()
}

// onSendTapped asks for confirmation, showing the final text exactly as it
// will go out and the files that go with it.
func (c *Composer) onSendTapped() {
	text := c.Text()
	if c.sending || c.confirm != nil || c.kind == policy.KindReply || !c.ready(text) || c.sentAgain(text) || c.cfg.Window == nil {
		return
	}
	kind, files := c.kind, c.Attachments()
	intro := tr("composer.confirm.intro", map[string]any{"Kind": kind.Description(PolicyLang())})
	if c.ctx.OrderID != "" {
		intro = tr("composer.confirm.intro.order",
			map[string]any{"Kind": kind.Description(PolicyLang()), "Order": c.ctx.OrderID})
	}
	var body fyne.CanvasObject
	if !c.filesOnly() {
		scroll := container.NewVScroll(&widget.Label{Text: text, Wrapping: fyne.TextWrapWord, Selectable: true})
		scroll.SetMinSize(fyne.NewSize(460, 260))
		body = scroll
	}
	below := container.NewVBox()
	if s := c.filesSummary(); s != "" {
		below.Add(&widget.Label{Text: s, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}})
	}
	if hint := c.remainingHint(); hint != nil {
		below.Add(hint)
	}
	content := container.NewBorder(&widget.Label{Text: intro, Wrapping: fyne.TextWrapWord}, below, nil, nil)
	if body != nil {
		content.Add(body)
	}
	confirm := dialog.NewCustomConfirm(tr("composer.confirm.title"), tr("composer.confirm.send"),
		tr("dialog.cancel"), content, func(ok bool) {
			c.confirm = nil
			if ok {
				c.send(kind, text, files)
			}
		}, c.cfg.Window)
	if c.res.Worst() >= policy.Risk {
		confirm.SetConfirmImportance(widget.DangerImportance)
	}
	c.confirm = confirm
	confirm.Show()
}

// remainingHint says how many non-blocking findings the seller is sending
// with, more urgently when one of them puts the account at risk; nil when none.
func (c *Composer) remainingHint() fyne.CanvasObject {
	n := len(c.res.Findings)
	if n == 0 {
		return nil
	}
	hint := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	if c.res.Worst() >= policy.Risk {
		hint.Text = tr("composer.confirm.risk", map[string]any{"N": n})
		hint.Importance = widget.DangerImportance
	} else {
		hint.Text = tr("composer.confirm.remaining", map[string]any{"N": n})
	}
	return hint
}

// send checks the confirmed text once more and hands it to OnSend with the
// files; the composer stays in the sending state until ShowResult.
func (c *Composer) send(kind policy.Kind, text string, files []string) {
	res := c.checker.Check(c.message(text), PolicyLang())
	if c.sending || res.Blocked() || c.OnSend == nil {
		return
	}
	c.outcome, c.detail = ResultNone, ""
	c.resultBox.Hide()
	c.lastSent = text
	c.setSending(true)
	c.OnSend(kind, text, files, res)
}

// onCopyTapped puts a checked reply on the clipboard and lets the app open
// the order in Seller Central, where replies are sent.
func (c *Composer) onCopyTapped() {
	text := c.Text()
	if c.kind != policy.KindReply || !c.ready(text) {
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(text)
	c.ShowResult(ResultCopied, "")
	if c.OnOpenSellerCentral != nil {
		c.OnOpenSellerCentral(c.ctx.OrderID)
	}
}

// sentAgain reports whether text is the message just sent (spacing and case
// aside), which Send does not offer again.
func (c *Composer) sentAgain(text string) bool {
	return c.sentText != "" && strings.TrimSpace(text) != "" &&
		strings.EqualFold(strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(c.sentText), " "))
}

// AddEarlier counts a message the buyer may now have, so the live check
// reports the same text again as a duplicate without reloading the order.
func (c *Composer) AddEarlier(e policy.SentMessage) {
	c.ctx.Earlier = append(c.ctx.Earlier, e)
	c.facts.Earlier = c.ctx.Earlier
	c.check()
}

// onNewMessage is the deliberate step after a send: it empties the editor,
// the files and the template for the next message to the same order.
func (c *Composer) onNewMessage() {
	c.sentText, c.lastSent = "", ""
	c.outcome, c.detail = ResultNone, ""
	c.resultBox.Hide()
	c.lastFill = ""
	c.templateSelect.ClearSelected()
	c.SetAttachments(nil)
	c.entry.SetText("")
	c.check()
	c.edited()
	if c.cfg.Window != nil {
		c.cfg.Window.Canvas().Focus(c.entry)
	}
}
