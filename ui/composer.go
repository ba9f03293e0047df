package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/templates"
	"sellermail/policy"
)

// ComposerConfig is what a Composer needs besides the checker.
type ComposerConfig struct {
	// Window is the window the confirmation dialogs open over; without one
	// nothing can be sent.
	Window fyne.Window
	// Templates are offered in the template picker, filtered by the kind and
	// the buyer's language; SetTemplates replaces them.
	Templates []templates.Template
}

// ComposeContext is the order a message is written for.
type ComposeContext struct {
	// OrderID is the Amazon order ID; empty while no order is chosen.
	OrderID string
	// BuyerLocale is the buyer's language of preference, such as "de-DE"; empty if unknown.
	BuyerLocale string
	// Marketplace is the SP-API marketplace ID or country code; empty if unknown.
	Marketplace string
	// OfferedKinds are the kinds Amazon currently allows for the order; nil offers every kind.
	OfferedKinds []policy.Kind
	// Earlier are the messages already sent for the order, oldest first.
	Earlier []policy.SentMessage
	// EarliestDelivery and LatestDelivery bound the promised delivery window; zero if unknown.
	EarliestDelivery, LatestDelivery time.Time
	// Values fill the placeholders of a picked template; an empty OrderID is taken from the context.
	Values templates.Values
}

// Composer writes one message to a buyer: the kind first, then a template or
// free text, with the compliance hints updated on every keystroke. It lives
// on the UI goroutine: call its methods there (from goroutines via fyne.Do).
type Composer struct {
	// OnSend is called when the seller confirmed sending: the kind, the final
	// text ("" for kinds that carry files only), the paths of the files to
	// attach and the text's check, which never has a Block finding. Send
	// stays off until ShowResult reports the outcome, so a message is never
	// confirmed twice while it is on its way.
	OnSend func(kind policy.Kind, text string, attachments []string, res policy.Result)
	// OnOpenSellerCentral is called after a reply was copied to the
	// clipboard; replies cannot be sent through the API, so the app opens
	// the order's page in Seller Central.
	OnOpenSellerCentral func(orderID string)
	// OnEdited is called after the text or the files changed, by typing,
	// SetText or the attachment buttons, with the kind it is written for;
	// the window autosaves drafts with it.
	OnEdited func(kind policy.Kind, text string, attachments []string)

	checker *policy.Checker
	cfg     ComposerConfig
	tasks   *tasks // the files' sizes are looked up in the background
	ctx     ComposeContext
	facts   policy.OrderFacts
	kind    policy.Kind
	shown   []templates.Template
	// lastFill is the text the last picked template put in, so picking
	// another replaces it without asking.
	lastFill string
	res      policy.Result
	langSeen langState
	outcome  ResultKind
	detail   string
	sending  bool // a confirmed message is on its way; ShowResult ends it
	// lastSent is the text handed to OnSend; sentText is it once the buyer
	// may have it, so the same text is not offered again.
	lastSent, sentText string
	confirm            *dialog.ConfirmDialog
	// dialogs is the window's dialog stack, when the composer sits in the
	// main window: its other dialogs go there, so Escape closes them.
	dialogs  *dialogStack
	unlisten func()
	files    []attachedFile
	fileSeq  int // numbers the picked files, so late size lookups find theirs

	root           fyne.CanvasObject
	kindLabel      *widget.Label
	kindButton     *truncButton
	templateLabel  *widget.Label
	templateSelect *widget.Select
	templateHint   *widget.Label
	entry          *composerEntry
	chars          *widget.Label
	language       *widget.Label
	findings       *findingsPanel
	resultIcon     *widget.Icon
	resultText     *widget.Label
	resultBox      *fyne.Container
	newButton      *widget.Button
	actionHint     *widget.Label
	copyButton     *widget.Button
	sendButton     *widget.Button
	attachBox      *fyne.Container
	attachButton   *widget.Button
	attachHint     *widget.Label
	filesOnlyNote  *widget.Label
	fileRows       *fyne.Container
	attachNote     *widget.Label
}

// langState is what the language line last showed, to skip unchanged updates.
type langState struct {
	code, buyer string
	percent     int
	// valid tells a drawn state from the zero value, which forces a redraw.
	valid bool
}

// NewComposer builds a composer that checks with c. Until SetContext is
// called it offers every kind for an unknown order.
func NewComposer(c *policy.Checker, cfg ComposerConfig) *Composer {
	return newComposer(uiTasks(), c, cfg)
}

// newComposer is NewComposer with its background work below t.
func newComposer(t *tasks, c *policy.Checker, cfg ComposerConfig) *Composer {
	registerFyneTexts()
	cm := &Composer{checker: c, cfg: cfg, tasks: t.sub()}
	cm.buildUI()
	cm.relabel()
	cm.unlisten = OnLanguageChange(cm.relabel)
	cm.SetContext(ComposeContext{})
	return cm
}

func (c *Composer) buildUI() {
	c.kindLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	// The purpose's description is long: it truncates in a narrow window,
	// and the menu it opens shows every purpose in full.
	c.kindButton = newTruncButton(theme.MenuDropDownIcon(), c.onKindTapped)
	c.templateLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	c.templateSelect = &widget.Select{OnChanged: c.onTemplateSelected}
	c.templateHint = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	c.entry = newComposerEntry(c.onTextChanged, c.onPrimaryAction)
	c.chars = &widget.Label{}
	c.language = &widget.Label{Alignment: fyne.TextAlignTrailing, Wrapping: fyne.TextWrapWord}
	c.findings = newFindingsPanel(c.onFindingTapped)
	c.resultIcon = &widget.Icon{}
	c.resultText = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.newButton = &widget.Button{Icon: theme.DocumentCreateIcon(), OnTapped: c.onNewMessage}
	c.newButton.Hide()
	c.resultBox = container.NewBorder(nil, nil, c.resultIcon, container.NewVBox(c.newButton), c.resultText)
	c.resultBox.Hide()
	c.actionHint = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	c.copyButton = &widget.Button{Icon: theme.ContentCopyIcon(), OnTapped: c.onCopyTapped}
	c.sendButton = &widget.Button{Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: c.onSendTapped}
	c.buildAttachUI()

	form := container.New(layout.NewFormLayout(),
		c.kindLabel, c.kindButton.object(),
		c.templateLabel, container.NewVBox(shrinkable(120, c.templateSelect), c.templateHint))
	status := container.NewBorder(nil, nil, c.chars, nil, c.language)
	editor := container.NewBorder(nil, container.NewVBox(status, c.attachBox), nil, nil, c.entry)
	// The hints sit beside the text, so every finding stays in view while
	// the seller types.
	split := container.NewHSplit(editor, c.findings.object())
	split.Offset = 0.58
	actions := container.NewBorder(nil, nil, nil, container.NewHBox(c.copyButton, c.sendButton), c.actionHint)
	c.root = container.NewBorder(form, container.NewVBox(c.resultBox, actions), nil, nil, split)
}

// Object is the composer's content, to place in a window.
func (c *Composer) Object() fyne.CanvasObject { return c.root }

// Close stops the composer from following language changes.
func (c *Composer) Close() {
	c.tasks.close()
	c.unlisten()
}

// SetContext starts a message for another order: it clears the text, the
// files, the result and the sending state, keeps the kind if the order offers it (or picks the only one
// offered) and re-filters the templates. Restore a draft with SetText after it.
func (c *Composer) SetContext(ctx ComposeContext) {
	c.ctx = ctx
	if c.ctx.Values.OrderID == "" {
		c.ctx.Values.OrderID = ctx.OrderID
	}
	c.facts = policy.OrderFacts{
		OrderID: ctx.OrderID, Earlier: ctx.Earlier,
		EarliestDelivery: ctx.EarliestDelivery, LatestDelivery: ctx.LatestDelivery,
	}
	if !c.offers(c.kind) {
		c.kind = ""
	}
	// When Amazon offers exactly one kind, that is almost surely the one;
	// a reply stays one click away.
	if offered := slices.DeleteFunc(c.offeredKinds(), func(k policy.Kind) bool { return k == policy.KindReply }); c.kind == "" && len(offered) == 1 {
		c.kind = offered[0]
	}
	c.lastFill = ""
	c.templateSelect.Selected = ""
	c.outcome = ResultNone
	c.resultBox.Hide()
	c.sentText = ""
	c.sending = false
	c.labelSend()
	c.files = nil
	c.setAttachNote("")
	c.applyKind()
	c.entry.SetText("")
	c.check()
}

// SetTemplates replaces the templates the picker offers.
func (c *Composer) SetTemplates(ts []templates.Template) {
	c.cfg.Templates = ts
	c.refreshTemplates()
}

// SetKind chooses what the message is for; the kind must be one the order
// offers. Files picked stay while the kind changes, but go out only with a
// kind that takes them.
func (c *Composer) SetKind(k policy.Kind) error {
	if !c.offers(k) {
		return fmt.Errorf("ui: the kind %q is not offered for this order", k)
	}
	if k == c.kind {
		return nil
	}
	c.kind = k
	c.applyKind()
	c.check()
	return nil
}

// Kind is the chosen kind, "" while none is chosen.
func (c *Composer) Kind() policy.Kind { return c.kind }

// Text is the message as it will be sent: "" for kinds that carry files only.
func (c *Composer) Text() string {
	if c.filesOnly() {
		return ""
	}
	return c.entry.Text
}

// SetText replaces the message, for example with a saved draft.
func (c *Composer) SetText(text string) { c.entry.SetText(text) }

// Result is the check of the current text.
func (c *Composer) Result() policy.Result { return c.res }

// offers reports whether k can be written here: a kind the order offers,
// or a reply, which the seller sends in Seller Central for any order.
func (c *Composer) offers(k policy.Kind) bool {
	if k == "" {
		return false
	}
	return k == policy.KindReply || c.ctx.OfferedKinds == nil || slices.Contains(c.ctx.OfferedKinds, k)
}

// offeredKinds lists the kinds that can be written here, in policy.Kinds order.
func (c *Composer) offeredKinds() []policy.Kind {
	var out []policy.Kind
	for _, k := range policy.Kinds() {
		if c.offers(k) {
			out = append(out, k)
		}
	}
	return out
}

// applyKind shows the chosen kind everywhere it matters.
func (c *Composer) applyKind() {
	if c.kind == "" {
		c.kindButton.setText(tr("composer.kind.choose"))
		c.entry.SetPlaceHolder(tr("composer.entry.choosekind"))
		c.entry.Disable()
	} else if c.filesOnly() {
		c.kindButton.setText(c.kind.Description(PolicyLang()))
		c.entry.SetPlaceHolder(tr("composer.attach.filesonly", map[string]any{"Max": maxAttachments}))
		c.entry.Disable()
	} else {
		c.kindButton.setText(c.kind.Description(PolicyLang()))
		c.entry.SetPlaceHolder(tr("composer.entry.placeholder"))
		c.entry.Enable()
	}
	reply := c.kind == policy.KindReply
	if reply {
		c.sendButton.Hide()
		c.copyButton.Show()
	} else {
		c.copyButton.Hide()
		c.sendButton.Show()
	}
	c.refreshTemplates()
	c.showFiles()
}

// relabel writes every text in the current language and re-checks, since
// the findings are explained in the window's language.
func (c *Composer) relabel() {
	c.kindLabel.SetText(tr("composer.kind.label"))
	c.templateLabel.SetText(tr("composer.template.label"))
	c.copyButton.SetText(tr("composer.copy"))
	c.newButton.SetText(tr("composer.newmessage"))
	c.labelSend()
	c.attachButton.SetText(tr("composer.attach"))
	c.applyKind()
	c.langSeen = langState{}
	c.showOutcome()
	c.check()
}

// check runs the compliance check on the current text and updates every hint.
// It runs on each keystroke, so each part only redraws when it changed.
func (c *Composer) check() {
	text := c.Text()
	if c.kind == "" {
		c.res = policy.Result{}
	} else {
		c.res = c.checker.Check(c.message(text), PolicyLang())
	}
	c.findings.update(c.res.Findings, c.emptyHint(text))
	c.updateChars()
	c.updateLanguage()
	c.updateActions(text)
}

// message is what the checker looks at for text.
func (c *Composer) message(text string) policy.Message {
	m := policy.Message{Text: text, Kind: c.kind, BuyerLocale: c.ctx.BuyerLocale, Marketplace: c.ctx.Marketplace}
	if c.ctx.OrderID != "" || len(c.ctx.Earlier) > 0 || !c.ctx.LatestDelivery.IsZero() {
		m.Order = &c.facts
	}
	return m
}

// emptyHint is what the findings panel says when there are no findings.
func (c *Composer) emptyHint(text string) string {
	switch {
	case c.kind == "":
		return tr("findings.choosekind")
	case c.filesOnly():
		return tr("findings.filesonly")
	case strings.TrimSpace(text) == "":
		return tr("findings.waiting")
	}
	return tr("findings.none")
}

func (c *Composer) onTextChanged(string) {
	c.check()
	c.edited()
}

// edited tells OnEdited what the message now is.
func (c *Composer) edited() {
	if c.OnEdited != nil {
		c.OnEdited(c.kind, c.Text(), c.Attachments())
	}
}

// updateChars shows the length against the kind's limit, as an error when over.
func (c *Composer) updateChars() {
	var text string
	switch {
	case c.kind == "" || c.filesOnly():
		text = ""
	case c.res.Limit > 0:
		text = tr("composer.chars.limit", map[string]any{"N": c.res.Chars, "Limit": c.res.Limit})
	default:
		text = tr("composer.chars", map[string]any{"N": c.res.Chars})
	}
	imp := widget.MediumImportance
	if c.res.Limit > 0 && c.res.Chars > c.res.Limit {
		imp = widget.DangerImportance
	}
	if c.chars.Text != text || c.chars.Importance != imp {
		c.chars.Importance = imp
		c.chars.SetText(text)
	}
}

// updateLanguage shows the detected language against the buyer's, as a
// warning when they differ.
func (c *Composer) updateLanguage() {
	l := c.res.Language
	buyer := baseLanguage(c.ctx.BuyerLocale)
	now := langState{code: l.Code, buyer: buyer, percent: int(l.Confidence*100 + 0.5), valid: true}
	hidden := c.kind == "" || c.filesOnly()
	if hidden {
		now = langState{valid: true}
	}
	if now == c.langSeen {
		return
	}
	c.langSeen = now
	var parts []string
	switch {
	case hidden:
	case l.Code == "":
		parts = append(parts, tr("composer.language.unknown"))
	default:
		parts = append(parts, tr("composer.language.detected",
			map[string]any{"Name": languageName(l.Code), "Percent": now.percent}))
	}
	if !hidden && buyer != "" {
		parts = append(parts, tr("composer.language.buyer", map[string]any{"Name": languageName(buyer)}))
	}
	c.language.Importance = widget.MediumImportance
	if !hidden && l.Code != "" && buyer != "" && l.Code != buyer {
		c.language.Importance = widget.WarningImportance
	}
	c.language.SetText(strings.Join(parts, " · "))
}

// updateActions enables Send (or Copy, for replies) only for a non-empty
// message without a blocking finding, and says why not otherwise.
func (c *Composer) updateActions(text string) {
	if c.filesOnly() {
		setEnabled(c.sendButton, c.ready(text) && !c.sending)
		hint := ""
		if len(c.files) == 0 {
			hint = tr("composer.attach.needfile")
		}
		if c.actionHint.Text != hint {
			c.actionHint.SetText(hint)
		}
		return
	}
	ready := c.ready(text)
	again := c.sentAgain(text)
	setEnabled(c.sendButton, ready && !c.sending && !again)
	setEnabled(c.copyButton, ready)
	hint := ""
	switch {
	case c.kind == "" || strings.TrimSpace(text) == "":
	case again:
		hint = tr("composer.alreadysent")
	case c.res.Blocked():
		hint = tr("composer.blocked")
	case c.res.Limit > 0 && c.res.Chars > c.res.Limit:
		hint = tr("composer.toolong")
	}
	if c.actionHint.Text != hint {
		c.actionHint.SetText(hint)
	}
}

// ready reports whether text, with the picked files, may go out as the
// chosen kind: a kind with text needs some, one with files only a file.
func (c *Composer) ready(text string) bool {
	if c.kind == "" || c.res.Blocked() || !c.filesReady() {
		return false
	}
	if c.filesOnly() {
		return len(c.files) > 0
	}
	return strings.TrimSpace(text) != ""
}

func setEnabled(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}

// onFindingTapped selects the words a finding is about, so the seller can type over them.
func (c *Composer) onFindingTapped(f policy.Finding) {
	selectRunes(&c.entry.Entry, f.Start, f.End)
	focus(c.entry)
}

// baseLanguage reduces a locale such as "de-DE" to "de".
func baseLanguage(locale string) string {
	locale = strings.TrimSpace(locale)
	if i := strings.IndexAny(locale, "-_"); i >= 0 {
		locale = locale[:i]
	}
	return strings.ToLower(locale)
}

// knownLanguages are the languages with a translated name.
var knownLanguages = []string{"de", "en", "fr", "it", "es", "nl", "pl", "sv", "tr", "pt", "ja"}

// languageName names a language in the window's language; an unknown code is shown as is.
func languageName(code string) string {
	if !slices.Contains(knownLanguages, code) {
		return code
	}
	return tr("language.name." + code)
}

// showDialog opens d over the window, on the window's dialog stack when the
// composer has one, so Escape closes it like every other dialog.
func (c *Composer) showDialog(d dialog.Dialog) {
	if c.dialogs != nil {
		c.dialogs.show(d)
		return
	}
	d.Show()
}
