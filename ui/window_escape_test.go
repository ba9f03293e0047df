package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// pressEscape types Escape into the window, as the keyboard would.
func pressEscape(w fyne.Window) {
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// Escape closes the history's confirmation as its No button would: the
// queued message stays queued.
func TestEscapeClosesHistoryConfirmation(t *testing.T) {
	e := newTestEnv(t)
	queueDemoMessage(t, e.dir, "Queued notice about the parcel")
	ms := e.startDemo()
	ms.tabs.Select(ms.historyTab)
	h := ms.history
	if h == nil {
		t.Fatal("the history tab shows no history")
	}
	e.q.until(t, "the queued message", func() bool { return !h.loading && len(h.messages) == 1 })
	h.list.Select(0)
	if !h.detail.discard.Visible() {
		t.Fatal("the queued message offers no Discard")
	}
	test.Tap(h.detail.discard)
	if e.w.Canvas().Overlays().Top() == nil {
		t.Fatal("Discard asks nothing")
	}
	pressEscape(e.w)
	if top := e.w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Escape leaves the confirmation open: %q", labelTexts([]fyne.CanvasObject{top}))
	}
	h.Refresh()
	e.q.until(t, "the history to reload", func() bool { return !h.loading })
	if len(h.messages) != 1 || h.messages[0].Status != store.StatusQueued {
		t.Errorf("after Escape the message is %+v, want it still queued", h.messages)
	}
}

// Escape closes the templates' question about unsaved work as its No
// button would: the work stays in the editor.
func TestEscapeClosesTemplatesConfirmation(t *testing.T) {
	e := newTestEnv(t)
	ms := e.startDemo()
	ms.tabs.Select(ms.templatesTab)
	s := ms.templates
	if s == nil {
		t.Fatal("the templates tab shows no templates")
	}
	e.q.until(t, "the templates", func() bool { return len(s.listed) > 0 })
	test.Tap(s.newButton)
	s.editor.title.SetText("Thanks")
	s.list.Select(0)
	if e.w.Canvas().Overlays().Top() == nil {
		t.Fatal("choosing another template with unsaved work asks nothing")
	}
	pressEscape(e.w)
	if top := e.w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Escape leaves the question open: %q", labelTexts([]fyne.CanvasObject{top}))
	}
	if !s.editor.isNew() || s.editor.title.Text != "Thanks" {
		t.Error("Escape dropped the unsaved template")
	}
	// With no dialog open, Escape closes nothing and breaks nothing.
	pressEscape(e.w)
}

// queueDemoMessage puts a message waiting to be sent into the demo
// database in dir before the services open it.
func queueDemoMessage(t *testing.T, dir, text string) {
	t.Helper()
	seedDemoStore(t, dir, func(st *store.Store) {
		if _, err := st.EnqueueMessage(context.Background(), store.Message{OrderID: "302-1111111-2222222", MarketplaceID: "A1PA6795UKMFR9",
			Kind: string(policy.KindUnexpectedProblem), Lang: "en", Text: text}); err != nil {
			t.Fatal(err)
		}
	})
}

// Escape closes the composer's own dialogs too: the question whether a
// template may replace the text (the text stays) and the file dialog.
func TestEscapeClosesComposerDialogs(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	typed := noticeText(d)
	test.Type(c.entry, typed)
	if len(c.templateSelect.Options) < 2 {
		t.Fatalf("no template for the buyer's language %q", d.BuyerLocale)
	}
	c.templateSelect.SetSelectedIndex(1)
	if e.w.Canvas().Overlays().Top() == nil {
		t.Fatal("picking a template over typed text asks nothing")
	}
	pressEscape(e.w)
	if top := e.w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Escape leaves the question open: %q", labelTexts([]fyne.CanvasObject{top}))
	}
	if c.Text() != typed {
		t.Errorf("Escape replaced the text with the template")
	}

	if !d.Offers(policy.KindInvoice) {
		d = findDetail(t, e.m.svc, store.OrderFilter{}, func(d *app.OrderDetail) bool { return d.Offers(policy.KindInvoice) })
		e.showOrder(ms, d.Order.OrderID)
	}
	if err := c.SetKind(policy.KindInvoice); err != nil {
		t.Fatal(err)
	}
	c.onAttachTapped()
	if e.w.Canvas().Overlays().Top() == nil {
		t.Fatal("Attach opens no file dialog")
	}
	pressEscape(e.w)
	if e.w.Canvas().Overlays().Top() != nil {
		t.Error("Escape leaves the file dialog open")
	}
}
