package ui

import (
	"context"
	"net/url"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/app/templates"
	"sellermail/policy"
)

// draftDelay is how long the seller may pause typing before the draft is saved.
const draftDelay = time.Second

// workspace is the orders tab: the list on the left, the chosen order's
// detail and the composer on the right. It wires the composer to the
// order: offered kinds, buyer language, earlier messages, template values,
// drafts, sending and review requests.
type workspace struct {
	svc   *app.Service
	tasks *tasks
	win   fyne.Window

	orders   *ordersScreen
	detail   *orderDetailView
	composer *Composer
	reviews  *reviewRequester

	order     *store.Order // the chosen order; nil before one is chosen
	storeName string
	reuseMsg  *store.Message  // text from the history waiting for its order's detail
	inFlight  map[string]bool // orders with a send on its way, so their composer stays in the sending state
	draft     debouncer
	pending   func() // the draft save the debouncer waits to run
	restoring bool   // the composer is being filled, not edited
	unlisten  func()

	empty *widget.Label
	right *fyne.Container
	root  fyne.CanvasObject
}

func newWorkspace(t *tasks, svc *app.Service, w fyne.Window, dialogs *dialogStack) *workspace {
	ws := &workspace{svc: svc, tasks: t, win: w, draft: debouncer{tasks: t, delay: draftDelay}, inFlight: map[string]bool{}}
	ws.orders = newOrdersScreen(t, svc, ws.onOrderSelected)
	ws.detail = newOrderDetailView(t, svc)
	ws.detail.onLoaded = ws.onDetailLoaded
	ws.composer = newComposer(t, sharedChecker(), ComposerConfig{Window: w})
	ws.composer.dialogs = dialogs
	ws.composer.OnSend = ws.onSend
	ws.composer.OnOpenSellerCentral = ws.onOpenSellerCentral
	ws.composer.OnEdited = ws.onEdited
	ws.reviews = &reviewRequester{svc: svc, tasks: t, win: w, dialogs: dialogs, done: ws.onReviewDone, all: ws.orders.reload}
	ws.detail.onReview = ws.reviews.request
	ws.orders.reviewsButton.OnTapped = ws.reviews.requestAll
	ws.empty = &widget.Label{Alignment: fyne.TextAlignCenter, Importance: widget.LowImportance}
	split := container.NewVSplit(ws.detail.object(), ws.composer.Object())
	split.Offset = 0.33
	ws.right = container.NewStack(split)
	ws.right.Hide()
	main := container.NewHSplit(ws.orders.object(), container.NewStack(container.NewCenter(ws.empty), ws.right))
	main.Offset = 0.36
	ws.root = main
	ws.relabel()
	ws.unlisten = OnLanguageChange(ws.relabel)
	return ws
}

func (ws *workspace) object() fyne.CanvasObject { return ws.root }

func (ws *workspace) relabel() { ws.empty.SetText(tr("orders.choose")) }

func (ws *workspace) start() {
	ws.orders.start()
	ws.loadTemplates()
}

func (ws *workspace) close() {
	ws.flushDraft()
	ws.unlisten()
	ws.orders.close()
	ws.detail.close()
	ws.composer.Close()
}

// loadTemplates gives the composer the built-in and the seller's templates
// of every kind; the composer filters them by kind and language.
func (ws *workspace) loadTemplates() {
	svc, ctx := ws.svc, ws.tasks.ctx
	ws.tasks.run(func() func() {
		var all []templates.Template
		for _, k := range policy.Kinds() {
			ts, err := svc.TemplatesFor(ctx, k, "")
			if err != nil {
				return nil
			}
			all = append(all, ts...)
		}
		return func() { ws.composer.SetTemplates(all) }
	})
}

// onOrderSelected shows an order. The composer starts on it at once, so
// the seller can write while Amazon is asked what the order allows.
func (ws *workspace) onOrderSelected(o store.Order) {
	ws.flushDraft()
	ws.order = &o
	ws.empty.Hide()
	ws.right.Show()
	ws.detail.show(o)
	ws.restoring = true
	ws.composer.SetContext(ComposeContext{OrderID: o.OrderID, BuyerLocale: o.BuyerLocale, Marketplace: o.MarketplaceID,
		EarliestDelivery: o.EarliestDelivery, LatestDelivery: o.LatestDelivery, Values: ws.values(o)})
	ws.keepSending(o.OrderID)
	ws.restoring = false
}

// keepSending puts the composer back in the sending state after SetContext
// when a send for the order is still on its way, so coming back to the
// order does not offer to send it again.
func (ws *workspace) keepSending(orderID string) {
	if ws.inFlight[orderID] {
		ws.composer.setSending(true)
	}
}

// values fill a template's placeholders for the order.
func (ws *workspace) values(o store.Order) templates.Values {
	v := templates.Values{OrderID: o.OrderID, Store: ws.storeName}
	if len(o.Items) > 0 {
		v.Product = o.Items[0].Title
	}
	if !o.EarliestDelivery.IsZero() {
		v.DeliveryWindow = fmtRange(o.EarliestDelivery, o.LatestDelivery)
	}
	return v
}

// onDetailLoaded gives the composer what Amazon said about the order,
// keeping what the seller typed and attached meanwhile, then restores a saved draft.
func (ws *workspace) onDetailLoaded(d *app.OrderDetail) {
	if ws.order == nil || d.Order.OrderID != ws.order.OrderID {
		return
	}
	kind, text, files := ws.composer.Kind(), ws.composer.Text(), ws.composer.Attachments()
	offered := make([]policy.Kind, 0, len(d.Offered))
	offered = append(offered, d.Offered...)
	earlier := d.Earlier()
	ws.restoring = true
	ws.composer.SetContext(ComposeContext{OrderID: d.Order.OrderID, BuyerLocale: d.BuyerLocale,
		Marketplace: d.Order.MarketplaceID, OfferedKinds: offered, Earlier: earlier,
		EarliestDelivery: d.Order.EarliestDelivery, LatestDelivery: d.Order.LatestDelivery, Values: ws.values(d.Order)})
	ws.keepSending(d.Order.OrderID)
	if kind != "" && (kind == policy.KindReply || slices.Contains(offered, kind)) {
		_ = ws.composer.SetKind(kind)
	}
	ws.composer.SetText(text)
	ws.composer.SetAttachments(files)
	ws.restoring = false
	if m := ws.reuseMsg; m != nil && m.OrderID == d.Order.OrderID {
		ws.reuseMsg = nil
		ws.fill(policy.Kind(m.Kind), m.Text, nil)
		return
	}
	if text == "" && len(files) == 0 {
		ws.restoreDraft(d.Order.OrderID, offered)
	}
}

// fill puts text and files of kind into the composer without counting it as an edit.
func (ws *workspace) fill(kind policy.Kind, text string, files []string) {
	ws.restoring = true
	defer func() { ws.restoring = false }()
	if kind != ws.composer.Kind() && ws.composer.SetKind(kind) != nil {
		return
	}
	ws.composer.SetText(text)
	ws.composer.SetAttachments(files)
}

// restoreDraft loads the newest saved draft of an offered kind.
func (ws *workspace) restoreDraft(orderID string, kinds []policy.Kind) {
	svc, ctx := ws.svc, ws.tasks.ctx
	ws.tasks.run(func() func() {
		var best store.Draft
		found := false
		for _, k := range kinds {
			d, ok, err := svc.LoadDraft(ctx, orderID, k)
			if err != nil || !ok || (d.Text == "" && len(d.Attachments) == 0) {
				continue
			}
			if !found || d.UpdatedAt.After(best.UpdatedAt) {
				best, found = d, true
			}
		}
		if !found {
			return nil
		}
		return func() {
			if ws.order == nil || ws.order.OrderID != orderID || ws.composer.Text() != "" || len(ws.composer.Attachments()) > 0 {
				return
			}
			ws.fill(policy.Kind(best.Kind), best.Text, best.Attachments)
		}
	})
}

// onEdited saves the draft, with the paths of the picked files, once the
// seller pauses typing.
func (ws *workspace) onEdited(kind policy.Kind, text string, files []string) {
	if ws.restoring || ws.order == nil || kind == "" {
		return
	}
	orderID := ws.order.OrderID
	svc, ctx := ws.svc, ws.tasks.ctx
	ws.pending = func() {
		ws.tasks.run(func() func() {
			_ = svc.SaveDraft(context.WithoutCancel(ctx), orderID, kind, text, files)
			return nil
		})
	}
	ws.draft.call(ws.flushDraft)
}

// flushDraft saves a draft still waiting for its delay.
func (ws *workspace) flushDraft() {
	ws.draft.stop()
	if save := ws.pending; save != nil {
		ws.pending = nil
		save()
	}
}

// onSend sends the confirmed message and reports the outcome in the
// composer. The files are read by the service, off the UI goroutine.
func (ws *workspace) onSend(kind policy.Kind, text string, files []string, _ policy.Result) {
	if ws.order == nil {
		ws.composer.ShowResult(ResultNone, "")
		return
	}
	ws.flushDraft()
	orderID := ws.order.OrderID
	ws.inFlight[orderID] = true
	svc, ctx := ws.svc, ws.tasks.ctx
	lang := Lang()
	atts := make([]app.AttachmentFile, len(files))
	for i, p := range files {
		atts[i] = app.AttachmentFile{Path: p}
	}
	ws.tasks.run(func() func() {
		res, err := svc.Send(ctx, app.SendRequest{OrderID: orderID, Kind: kind, Text: text, Attachments: atts}, lang)
		if res.Status == store.StatusSent {
			_ = svc.DeleteDraft(context.WithoutCancel(ctx), orderID, kind)
		}
		return func() {
			delete(ws.inFlight, orderID)
			if ws.order == nil || ws.order.OrderID != orderID {
				return
			}
			if res.Earlier != nil {
				ws.composer.AddEarlier(*res.Earlier)
			}
			// Amazon's acceptance decides, not the error: a message that
			// went out but could not be recorded must not look failed, or
			// the seller sends it again.
			switch {
			case err == nil:
				ws.composer.ShowResult(ResultSent, "")
			case res.Status == store.StatusSent:
				ws.composer.ShowResult(ResultSentUnrecorded, app.Explain(err, Lang()))
			case res.Status == store.StatusUnknown:
				ws.composer.ShowResult(ResultUnknown, app.Render(res.Explanation, Lang()))
			default:
				detail := app.Render(res.Explanation, Lang())
				if detail == "" {
					detail = app.Explain(err, Lang())
				}
				ws.composer.ShowResult(ResultFailed, detail)
			}
			ws.detail.refresh()
		}
	})
}

// onOpenSellerCentral opens the order's page in Seller Central.
func (ws *workspace) onOpenSellerCentral(orderID string) {
	if ws.order == nil || ws.order.OrderID != orderID {
		return
	}
	u, err := url.Parse(sellerCentralURL(ws.order.MarketplaceID, orderID))
	if err != nil || u.Host == "" {
		return
	}
	_ = fyne.CurrentApp().OpenURL(u)
}

func (ws *workspace) onReviewDone(orderID, text string, imp widget.Importance) {
	ws.detail.showReviewOutcome(orderID, text, imp)
}

// reuse opens a message's order and fills the composer with its text.
func (ws *workspace) reuse(m store.Message) {
	ws.reuseMsg = &m
	for _, o := range ws.orders.orders {
		if o.OrderID == m.OrderID {
			ws.orders.selID = ""
			ws.onOrderSelected(o)
			return
		}
	}
	ws.onOrderSelected(store.Order{OrderID: m.OrderID, MarketplaceID: m.MarketplaceID})
}
