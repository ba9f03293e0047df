package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// orderDetailView shows one order: items, dates, status, the buyer's
// language, the message kinds Amazon offers now (and why not the others),
// the review request's eligibility and the messages already sent. Amazon
// is asked for some of it, so it loads in a goroutine behind a progress bar.
type orderDetailView struct {
	svc      *app.Service
	tasks    *tasks
	onLoaded func(*app.OrderDetail)
	onReview func(orderID string)
	unlisten func()

	orderID string
	detail  *app.OrderDetail
	loads   question // the detail of the order shown; showing another drops the answer
	// reviewNote is the outcome of the last review request for the order shown.
	reviewNote    string
	reviewNoteImp widget.Importance
	// reviewing are the orders whose review request is on its way; their
	// button stays off until the outcome arrives.
	reviewing map[string]bool

	title      *widget.Label
	progress   *widget.ProgressBarInfinite
	factsErr   *widget.Label
	facts      *widget.Label
	itemsHead  *widget.Label
	items      *widget.Label
	kindsHead  *widget.Label
	kinds      *fyne.Container
	reviewHead *widget.Label
	review     *widget.Label
	reviewBtn  *widget.Button
	reviewOut  *widget.Label
	msgsHead   *widget.Label
	msgs       *fyne.Container
	body       *fyne.Container
	scroll     *container.Scroll
	root       fyne.CanvasObject
}

func newOrderDetailView(t *tasks, svc *app.Service) *orderDetailView {
	v := &orderDetailView{svc: svc, tasks: t, reviewing: map[string]bool{}}
	v.buildUI()
	v.unlisten = OnLanguageChange(v.render)
	return v
}

func bold() *widget.Label { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} }

func wrapped() *widget.Label { return &widget.Label{Wrapping: fyne.TextWrapWord} }

func (v *orderDetailView) buildUI() {
	v.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Selectable: true}
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Stop()
	v.progress.Hide()
	v.factsErr = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	v.factsErr.Hide()
	v.facts = wrapped()
	v.itemsHead, v.kindsHead, v.reviewHead, v.msgsHead = bold(), bold(), bold(), bold()
	v.items = wrapped()
	v.kinds = container.NewVBox()
	v.review = wrapped()
	v.reviewBtn = &widget.Button{Icon: theme.ConfirmIcon(), OnTapped: v.onReviewTapped}
	v.reviewOut = wrapped()
	v.reviewOut.Hide()
	v.msgs = container.NewVBox()
	v.body = container.NewVBox(v.factsErr, v.facts,
		v.itemsHead, v.items,
		v.kindsHead, v.kinds,
		v.reviewHead, v.review, container.NewHBox(v.reviewBtn), v.reviewOut,
		v.msgsHead, v.msgs)
	v.body.Hide()
	v.scroll = container.NewVScroll(v.body)
	v.root = container.NewBorder(container.NewVBox(v.title, v.progress), nil, nil, nil, v.scroll)
}

func (v *orderDetailView) object() fyne.CanvasObject { return v.root }

func (v *orderDetailView) close() { v.unlisten() }

// show loads an order; keep leaves the composer alone (a refresh after sending).
func (v *orderDetailView) show(o store.Order) {
	if o.OrderID != v.orderID {
		v.reviewNote = ""
		v.detail = nil
		v.body.Hide()
	}
	v.orderID = o.OrderID
	v.title.SetText(tr("detail.title", map[string]any{"ID": o.OrderID}))
	v.labelReview()
	v.load(true)
}

// refresh reloads the order shown without resetting the composer.
func (v *orderDetailView) refresh() {
	if v.orderID != "" {
		v.load(false)
	}
}

// load asks the service for the order's detail in a goroutine.
func (v *orderDetailView) load(notify bool) {
	id := v.orderID
	v.progress.Show()
	v.progress.Start()
	v.reviewBtn.Disable()
	svc, ctx := v.svc, v.tasks.ctx
	v.tasks.answer(v.loads.ask(), func() func() {
		d, err := svc.OrderDetail(ctx, id)
		return func() {
			v.progress.Stop()
			v.progress.Hide()
			if err != nil {
				v.detail = nil
				v.body.Hide()
				v.factsErr.SetText(app.Explain(err, Lang()))
				v.factsErr.Show()
				v.body.Show()
				return
			}
			v.detail = d
			v.render()
			if notify && v.onLoaded != nil {
				v.onLoaded(d)
			}
		}
	})
}

// loading reports whether a load is in flight.
func (v *orderDetailView) loading() bool { return v.progress.Visible() }

// render draws the loaded detail in the current language.
func (v *orderDetailView) render() {
	v.itemsHead.SetText(tr("detail.items"))
	v.kindsHead.SetText(tr("detail.kinds"))
	v.reviewHead.SetText(tr("detail.review"))
	v.msgsHead.SetText(tr("detail.messages"))
	v.labelReview()
	if v.orderID != "" {
		v.title.SetText(tr("detail.title", map[string]any{"ID": v.orderID}))
	}
	d := v.detail
	if d == nil {
		return
	}
	lang := Lang()
	o := d.Order
	if d.FactsErr != nil {
		v.factsErr.SetText(tr("detail.factserr", map[string]any{"Detail": app.Explain(d.FactsErr, lang)}))
		v.factsErr.Show()
	} else {
		v.factsErr.Hide()
	}
	buyer := tr("detail.unknown")
	if d.BuyerLocale != "" {
		buyer = languageName(baseLanguage(d.BuyerLocale)) + " (" + d.BuyerLocale + ")"
	}
	v.facts.SetText(strings.Join([]string{
		tr("detail.status", map[string]any{"Status": statusName(o.Status), "Channel": o.FulfillmentChannel}),
		tr("detail.marketplace", map[string]any{"Name": marketplaceName(o.MarketplaceID)}),
		tr("detail.purchased", map[string]any{"Date": fmtDateTime(o.PurchaseDate)}),
		tr("detail.ship", map[string]any{"Range": fmtRange(o.EarliestShip, o.LatestShip)}),
		tr("detail.delivery", map[string]any{"Range": fmtRange(o.EarliestDelivery, o.LatestDelivery)}),
		tr("detail.buyer", map[string]any{"Language": buyer}),
	}, "\n"))
	v.items.SetText(itemsText(o.Items))
	v.renderKinds(d, lang)
	v.review.SetText(d.Eligibility.Text(lang))
	if d.Eligibility.OK {
		v.review.Importance = widget.SuccessImportance
	} else {
		v.review.Importance = widget.MediumImportance
	}
	setEnabled(v.reviewBtn, d.Eligibility.OK && !v.reviewing[v.orderID])
	v.review.Refresh()
	if v.reviewNote != "" {
		v.reviewOut.Importance = v.reviewNoteImp
		v.reviewOut.SetText(v.reviewNote)
		v.reviewOut.Show()
	} else {
		v.reviewOut.Hide()
	}
	v.renderMessages(d.Messages)
	v.body.Show()
	// Wrapped texts changed height: lay the column out again.
	v.body.Refresh()
	v.scroll.Refresh()
}

func itemsText(items []store.OrderItem) string {
	if len(items) == 0 {
		return tr("detail.noitems")
	}
	lines := make([]string, 0, len(items))
	for _, it := range items {
		line := tr("detail.item", map[string]any{"Qty": it.Quantity, "Title": it.Title, "ASIN": it.ASIN})
		if it.PriceAmount != "" {
			line += " · " + it.PriceAmount + " " + it.PriceCurrency
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// renderKinds lists every kind, offered ones with a tick and the others with
// the reason they cannot be chosen.
func (v *orderDetailView) renderKinds(d *app.OrderDetail, lang i18n.Lang) {
	v.kinds.RemoveAll()
	for _, k := range policy.Kinds() {
		note := d.KindNote(k, lang)
		var icon fyne.Resource = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		if note != "" {
			icon = theme.NewDisabledResource(theme.CancelIcon())
		}
		text := &widget.Label{Text: k.Description(app.PolicyLang(lang)), Wrapping: fyne.TextWrapWord}
		row := []fyne.CanvasObject{text}
		if note != "" {
			text.Importance = widget.LowImportance
			row = append(row, &widget.Label{Text: note, Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance, TextStyle: fyne.TextStyle{Italic: true}})
		}
		v.kinds.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVBox(row...)))
	}
}

// renderMessages lists the order's messages, oldest first.
func (v *orderDetailView) renderMessages(ms []store.Message) {
	v.msgs.RemoveAll()
	if len(ms) == 0 {
		v.msgs.Add(&widget.Label{Text: tr("detail.nomessages"), Importance: widget.LowImportance})
		return
	}
	lang := PolicyLang()
	for _, m := range ms {
		kind := m.Kind
		if k, err := policy.ParseKind(m.Kind); err == nil {
			kind = k.Description(lang)
		}
		when := m.SentAt
		if when.IsZero() {
			when = m.CreatedAt
		}
		head := &widget.Label{Text: tr("detail.message", map[string]any{
			"Kind": kind, "Status": messageStatusName(m.Status), "Time": fmtDateTime(when),
		}), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
		switch m.Status {
		case store.StatusSent:
			head.Importance = widget.SuccessImportance
		case store.StatusFailed:
			head.Importance = widget.DangerImportance
		case store.StatusUnknown:
			head.Importance = widget.WarningImportance
		}
		rows := []fyne.CanvasObject{head}
		if m.Text != "" {
			rows = append(rows, &widget.Label{Text: m.Text, Wrapping: fyne.TextWrapWord, Selectable: true})
		}
		if len(m.Attachments) > 0 {
			names := make([]string, len(m.Attachments))
			for i, a := range m.Attachments {
				names[i] = a.Name
			}
			rows = append(rows, &widget.Label{Text: tr("history.detail.attachments",
				map[string]any{"Names": strings.Join(names, ", ")}), Wrapping: fyne.TextWrapWord})
		}
		if m.Error != "" {
			rows = append(rows, &widget.Label{Text: app.StoredReason(m.Error, Lang()), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
		}
		v.msgs.Add(widget.NewCard("", "", container.NewVBox(rows...)))
	}
}

func (v *orderDetailView) onReviewTapped() {
	if v.detail == nil || !v.detail.Eligibility.OK || v.onReview == nil || v.reviewing[v.orderID] {
		return
	}
	v.reviewing[v.orderID] = true
	v.reviewBtn.Disable()
	v.labelReview()
	v.onReview(v.orderID)
}

// labelReview names the review button after the state of the order shown.
func (v *orderDetailView) labelReview() {
	text := tr("detail.review.request")
	if v.reviewing[v.orderID] {
		text = tr("detail.review.requesting")
	}
	if v.reviewBtn.Text != text {
		v.reviewBtn.SetText(text)
	}
}

// showReviewOutcome shows how the review request for orderID went; it
// ends the request's running state.
func (v *orderDetailView) showReviewOutcome(orderID, text string, imp widget.Importance) {
	delete(v.reviewing, orderID)
	if orderID != v.orderID {
		return
	}
	v.labelReview()
	v.reviewNote, v.reviewNoteImp = text, imp
	v.refresh()
	v.reviewOut.Importance = imp
	v.reviewOut.SetText(text)
	v.reviewOut.Show()
}
