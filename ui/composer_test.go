package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/templates"
	"sellermail/policy"
)

const (
	couponReviewRequest = "Bitte bewerten Sie uns mit 5 Sternen, dann erhalten Sie einen Gutschein über 10 €."
	// delayNotice is a compliant German delay notice for germanOrder.
	delayNotice = "Guten Tag,\n\nzu Ihrer Bestellung 302-4817265-3390517: Leider verzögert sich die Lieferung um zwei Tage, " +
		"weil der Versanddienstleister einen Rückstau hat. Wir bitten um Entschuldigung.\n\nMit freundlichen Grüßen\nMühlenladen"
)

func TestCouponReviewRequestShowsFindings(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	test.Type(c.entry, couponReviewRequest)

	for _, rule := range []string{"REVIEW_INCENTIVE", "POSITIVE_REVIEW_REQUEST"} {
		r := rowFor(c, rule)
		if r == nil {
			t.Fatalf("no %s row in the panel; rows: %v", rule, ruleIDs(c))
		}
		if !strings.Contains(r.head.Text, rule) || r.why.Text == "" {
			t.Errorf("%s row shows head %q, why %q", rule, r.head.Text, r.why.Text)
		}
	}
	incentive := rowFor(c, "REVIEW_INCENTIVE")
	if incentive.excerpt.Text != "“Gutschein”" {
		t.Errorf("excerpt = %q, want the words at fault quoted", incentive.excerpt.Text)
	}
	if !incentive.fix.Visible() || !strings.HasPrefix(incentive.fix.Text, "Instead: ") {
		t.Errorf("fix = %q (visible %v), want what to write instead", incentive.fix.Text, incentive.fix.Visible())
	}
	if got := c.findings.header.Text; got != "Hints ("+strconv.Itoa(len(c.Result().Findings))+")" {
		t.Errorf("header = %q", got)
	}

	// A review incentive is zero tolerance at Amazon: Sellermail will not send it.
	if !c.Result().Blocked() || !c.sendButton.Disabled() {
		t.Errorf("Send is enabled for a coupon in exchange for a review (blocked %v)", c.Result().Blocked())
	}
}

func TestRiskFindingConfirmationWarns(t *testing.T) {
	c, w := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	// Asking for five stars is a risk, not a block: the seller may send, but
	// the confirmation says the account is at stake.
	test.Type(c.entry, "Zu Ihrer Bestellung 302-4817265-3390517: Wir freuen uns, wenn Sie uns 5 Sterne geben.")
	if c.Result().Blocked() || c.Result().Worst() != policy.Risk {
		t.Fatalf("want a risk finding only, got %v", ruleIDs(c))
	}
	c.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation")
	}
	if !strings.Contains(strings.Join(labelTexts([]fyne.CanvasObject{top}), "\n"), "puts your seller account at risk") {
		t.Error("the confirmation does not warn about the account risk")
	}
	if b := findButton([]fyne.CanvasObject{top}, "Send"); b == nil || b.Importance != widget.DangerImportance {
		t.Error("the confirm button is not marked as dangerous")
	}
}

func TestSendFollowsBlockingFindings(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	if !c.sendButton.Disabled() {
		t.Fatal("Send is enabled for an empty message")
	}
	// An e-mail address is a Block: Amazon strips it.
	test.Type(c.entry, "Schreiben Sie an service@muehlenladen.de.")
	if !c.Result().Blocked() {
		t.Fatalf("expected a blocking finding, got %v", ruleIDs(c))
	}
	if !c.sendButton.Disabled() {
		t.Error("Send is enabled while a blocking finding stands")
	}
	if c.actionHint.Text == "" {
		t.Error("no hint says why Send is disabled")
	}

	c.SetText(delayNotice)
	if c.Result().Blocked() {
		t.Fatalf("the fixed text is still blocked: %v", ruleIDs(c))
	}
	if c.sendButton.Disabled() {
		t.Error("Send stays disabled after the text was fixed")
	}
	if c.actionHint.Text != "" {
		t.Errorf("hint %q stays after the fix", c.actionHint.Text)
	}
	c.SetText("   \n ")
	if !c.sendButton.Disabled() {
		t.Error("Send is enabled for a blank message")
	}
}

func TestPickingTemplateFillsComposer(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	all, _ := templates.BuiltIn()
	want := templates.Filter(all, policy.KindUnexpectedProblem, "de")
	if len(want) == 0 {
		t.Fatal("no German unexpectedProblem templates")
	}
	if got := len(c.templateSelect.Options); got != len(want)+1 {
		t.Fatalf("picker offers %d options, want %d templates + write freely", got, len(want))
	}
	c.templateSelect.SetSelectedIndex(1)

	values := germanOrder.Values
	values.OrderID = germanOrder.OrderID
	body := templates.Render(want[0].Body, values)
	if c.Text() != body {
		t.Fatalf("composer text:\n%s\nwant the rendered template:\n%s", c.Text(), body)
	}
	if !strings.Contains(c.Text(), germanOrder.OrderID) || strings.Contains(c.Text(), "{{order_id}}") {
		t.Error("the order ID was not filled in")
	}
	free := firstFreeField(body)
	if free == "" {
		t.Fatal("the template has no free field")
	}
	if got := c.entry.SelectedText(); got != free {
		t.Errorf("selected %q, want the first free field %q to type over", got, free)
	}
	if rowFor(c, "UNFILLED_FIELD") == nil || !c.sendButton.Disabled() {
		t.Error("an unfilled free field must be reported and block sending")
	}
	if c.templateHint.Text != want[0].Description {
		t.Errorf("hint %q, want the template's description", c.templateHint.Text)
	}

	// Picking another template replaces the untouched text without asking.
	if len(want) > 1 {
		c.templateSelect.SetSelectedIndex(2)
		if c.Text() != templates.Render(want[1].Body, values) {
			t.Error("picking a second template did not replace the first")
		}
	}
	// The seller's own words are only replaced after asking.
	c.SetText(c.Text() + " Danke!")
	c.templateSelect.SetSelectedIndex(1)
	if !strings.HasSuffix(c.Text(), " Danke!") {
		t.Error("picking a template replaced edited text without asking")
	}
	// A new order starts afresh.
	c.SetContext(germanOrder)
	if c.Text() != "" || c.templateSelect.Selected != "" || c.templateHint.Visible() {
		t.Errorf("after SetContext: text %q, template %q", c.Text(), c.templateSelect.Selected)
	}
}

func TestTemplatesFollowBuyerLanguage(t *testing.T) {
	c, _ := newTestComposer(t)
	ctx := germanOrder
	ctx.BuyerLocale = "fr-FR"
	c.SetContext(ctx)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	all, _ := templates.BuiltIn()
	fr := templates.Filter(all, policy.KindUnexpectedProblem, "fr")
	if len(c.shown) != len(fr) || (len(fr) > 0 && c.shown[0].Lang != "fr") {
		t.Errorf("offered %d templates, want the %d French ones", len(c.shown), len(fr))
	}
	ctx.BuyerLocale = "fi-FI" // no Finnish templates
	c.SetContext(ctx)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	if len(c.shown) != 0 || !c.templateSelect.Disabled() {
		t.Error("templates in another language are offered to a Finnish buyer")
	}
}

func TestTappingFindingSelectsWords(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	// A long wrapped first paragraph and blank lines, so the words at fault
	// lie on later visual rows.
	text := "Guten Tag,\n\n" + strings.Repeat("zu Ihrer Bestellung 302-4817265-3390517 melden wir uns wegen einer Verzögerung der Lieferung. ", 4) +
		"\n\n\n" + couponReviewRequest + "\nSchreiben Sie an service@muehlenladen.de oder besuchen Sie www.muehlenladen.de"
	c.SetText(text)
	if row, _ := rowCol(&c.entry.Entry, utf8.RuneCountInString(text)); row <= strings.Count(text, "\n") {
		t.Fatalf("the text ends on visual row %d: it does not wrap, so wrapped rows go untested", row)
	}
	tapped := 0
	for _, r := range visibleRows(c) {
		f := r.finding
		if f.Start == f.End {
			continue
		}
		test.Tap(r)
		if got := c.entry.SelectedText(); got != f.Excerpt {
			t.Errorf("%s: tapping selected %q, want %q", f.Rule, got, f.Excerpt)
		}
		if got := string([]rune(text)[f.Start:f.End]); got != f.Excerpt {
			t.Errorf("%s: excerpt %q is not text[%d:%d] = %q", f.Rule, f.Excerpt, f.Start, f.End, got)
		}
		tapped++
	}
	if tapped < 3 {
		t.Fatalf("only %d findings with words to select: %v", tapped, ruleIDs(c))
	}
	// Typing replaces the selection, as after a double click.
	r := rowFor(c, "REVIEW_INCENTIVE")
	test.Tap(r)
	test.Type(c.entry, "Hinweis")
	if strings.Contains(c.Text(), "Gutschein") || !strings.Contains(c.Text(), "einen Hinweis über") {
		t.Errorf("typing over the selection gave %q", c.Text())
	}
}

func TestCharCounterFollowsKind(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindDigitalAccessKey); err != nil {
		t.Fatal(err)
	}
	c.SetText(strings.Repeat("a", 401))
	if c.chars.Text != "401 / 400 characters" || c.chars.Importance != widget.DangerImportance {
		t.Errorf("counter %q (importance %v), want 401 / 400 as an error", c.chars.Text, c.chars.Importance)
	}
	if err := c.SetKind(policy.KindConfirmOrderDetails); err != nil {
		t.Fatal(err)
	}
	if c.chars.Text != "401 / 2000 characters" || c.chars.Importance == widget.DangerImportance {
		t.Errorf("counter %q (importance %v) after switching to a 2000-character kind", c.chars.Text, c.chars.Importance)
	}
	if err := c.SetKind(policy.KindReply); err != nil {
		t.Fatal(err)
	}
	if c.chars.Text != "401 characters" {
		t.Errorf("counter %q for a reply, which has no published limit", c.chars.Text)
	}
	test.Type(c.entry, "ö")
	if c.chars.Text != "402 characters" {
		t.Errorf("counter %q after typing one rune", c.chars.Text)
	}
}

func TestLanguageLine(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	c.SetText("Hallo")
	if got := c.language.Text; !strings.HasPrefix(got, "Language: not recognisable yet") || !strings.HasSuffix(got, "Buyer: German") {
		t.Errorf("short text: %q", got)
	}
	c.SetText(delayNotice)
	got := c.language.Text
	if !strings.HasPrefix(got, "German (") || !strings.Contains(got, " %) · Buyer: German") {
		t.Errorf("German text for a German buyer: %q", got)
	}
	if c.language.Importance == widget.WarningImportance {
		t.Error("matching languages shown as a warning")
	}

	ctx := germanOrder
	ctx.BuyerLocale = "fr-FR"
	c.SetContext(ctx)
	c.SetText(delayNotice)
	if !strings.HasSuffix(c.language.Text, "Buyer: French") || c.language.Importance != widget.WarningImportance {
		t.Errorf("German text for a French buyer: %q, importance %v", c.language.Text, c.language.Importance)
	}
}

func TestCtrlEnterOpensConfirmationAndSends(t *testing.T) {
	c, w := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	var sent []string
	c.OnSend = func(kind policy.Kind, text string, files []string, res policy.Result) {
		if kind != policy.KindUnexpectedProblem || res.Blocked() || files != nil {
			t.Errorf("OnSend(%s, %v, blocked %v)", kind, files, res.Blocked())
		}
		sent = append(sent, text)
	}
	test.Type(c.entry, delayNotice)
	c.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})

	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+Enter opened no confirmation")
	}
	texts := strings.Join(labelTexts([]fyne.CanvasObject{top}), "\n")
	if !strings.Contains(texts, delayNotice) || !strings.Contains(texts, germanOrder.OrderID) {
		t.Errorf("the confirmation does not show the final text and order:\n%s", texts)
	}
	if len(sent) != 0 {
		t.Fatal("sent before confirming")
	}
	send := findButton([]fyne.CanvasObject{top}, "Send")
	if send == nil {
		t.Fatal("no Send button in the confirmation")
	}
	if send.Importance == widget.DangerImportance {
		t.Error("a clean message is confirmed with a danger button")
	}
	test.Tap(send)
	if len(sent) != 1 || sent[0] != delayNotice {
		t.Fatalf("sent %q, want the confirmed text once", sent)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the confirmation stays open after sending")
	}
	c.ShowResult(ResultSent, "") // the outcome ends the sending state
	// The text just sent is not offered again; New message starts the next.
	test.Tap(c.newButton)
	c.SetText(delayNotice)

	// Cancel sends nothing; the canvas shortcut works without focus too.
	c.AddShortcuts(w.Canvas())
	w.Canvas().Unfocus()
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault})
	top = w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the canvas shortcut opened no confirmation")
	}
	test.Tap(findButton([]fyne.CanvasObject{top}, "Cancel"))
	if len(sent) != 1 {
		t.Error("Cancel sent the message")
	}
}

func TestCtrlEnterDoesNothingWhileBlocked(t *testing.T) {
	c, w := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	test.Type(c.entry, delayNotice+" Mehr unter https://muehlenladen.de")
	c.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a blocked message got a confirmation")
	}
}

func TestKindMenuOffersOnlyAllowedKinds(t *testing.T) {
	c, _ := newTestComposer(t)
	if c.Kind() != "" || !c.entry.Disabled() {
		t.Fatal("with several kinds offered the seller must pick one before writing")
	}
	ctx := germanOrder
	ctx.OfferedKinds = []policy.Kind{policy.KindUnexpectedProblem, policy.KindConfirmDeliveryDetails, policy.KindInvoice}
	c.SetContext(ctx)
	menu := c.kindMenu()
	if len(menu.Items) != len(policy.Kinds()) {
		t.Fatalf("menu has %d items, want every kind", len(menu.Items))
	}
	for i, k := range policy.Kinds() {
		item := menu.Items[i]
		// A reply is written in Seller Central, so it is there for every order.
		enabled := k == policy.KindUnexpectedProblem || k == policy.KindConfirmDeliveryDetails || k == policy.KindInvoice || k == policy.KindReply
		if item.Disabled == enabled {
			t.Errorf("%s: disabled = %v", k, item.Disabled)
		}
		if item.Label != k.Description(policy.English) {
			t.Errorf("%s: label %q, want its description", k, item.Label)
		}
	}
	menu.Items[slices.Index(policy.Kinds(), policy.KindConfirmDeliveryDetails)].Action()
	if c.Kind() != policy.KindConfirmDeliveryDetails || c.entry.Disabled() {
		t.Errorf("picking from the menu chose %q", c.Kind())
	}
	if c.kindButton.text() != policy.KindConfirmDeliveryDetails.Description(policy.English) {
		t.Errorf("kind button says %q", c.kindButton.text())
	}
	if err := c.SetKind(policy.KindWarranty); err == nil {
		t.Error("SetKind accepted a kind the order does not offer")
	}

	ctx.OfferedKinds = []policy.Kind{policy.KindConfirmOrderDetails}
	c.SetContext(ctx)
	if c.Kind() != policy.KindConfirmOrderDetails {
		t.Errorf("the only offered kind was not chosen: %q", c.Kind())
	}
}

func TestReplyIsCopiedForSellerCentral(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindReply); err != nil {
		t.Fatal(err)
	}
	if c.sendButton.Visible() || !c.copyButton.Visible() {
		t.Fatal("a reply must be copied, not sent through the API")
	}
	var opened []string
	c.OnOpenSellerCentral = func(id string) { opened = append(opened, id) }
	reply := "Guten Tag,\n\ndie Kaffeemühle mahlt auch feines Pulver für Espresso. Stellen Sie dazu den Regler auf Stufe 1.\n\nMit freundlichen Grüßen\nMühlenladen"
	test.Type(c.entry, reply)
	if c.copyButton.Disabled() {
		t.Fatalf("copy disabled for a clean reply: %v", ruleIDs(c))
	}
	test.Tap(c.copyButton)
	if got := fyne.CurrentApp().Clipboard().Content(); got != reply {
		t.Errorf("clipboard %q", got)
	}
	if len(opened) != 1 || opened[0] != germanOrder.OrderID {
		t.Errorf("OnOpenSellerCentral calls: %v", opened)
	}
	if !c.resultBox.Visible() || !strings.HasPrefix(c.resultText.Text, "Copied.") {
		t.Errorf("result %q", c.resultText.Text)
	}
}

func TestShowResult(t *testing.T) {
	c, _ := newTestComposer(t)
	if c.resultBox.Visible() {
		t.Fatal("result area shown before anything was sent")
	}
	for _, tc := range []struct {
		kind   ResultKind
		prefix string
		imp    widget.Importance
	}{
		{ResultSent, "Sent.", widget.SuccessImportance},
		{ResultFailed, "Not sent.", widget.DangerImportance},
		{ResultUnknown, "Unclear whether", widget.WarningImportance},
		{ResultSentUnrecorded, "Sent. Amazon accepted the message, but Sellermail could not record it", widget.WarningImportance},
	} {
		c.ShowResult(tc.kind, "Amazon: the buyer opted out")
		if !c.resultBox.Visible() || !strings.HasPrefix(c.resultText.Text, tc.prefix) ||
			!strings.HasSuffix(c.resultText.Text, "\nAmazon: the buyer opted out") || c.resultText.Importance != tc.imp {
			t.Errorf("%d: %q importance %v", tc.kind, c.resultText.Text, c.resultText.Importance)
		}
	}
	c.SetContext(germanOrder)
	if c.resultBox.Visible() {
		t.Error("a new order still shows the last result")
	}
}

func ruleIDs(c *Composer) []string {
	var out []string
	for _, f := range c.Result().Findings {
		out = append(out, f.Severity.String()+":"+f.Rule)
	}
	return out
}

func firstFreeField(body string) string {
	for _, p := range policy.Placeholders(body) {
		if p.Free {
			return string([]rune(body)[p.Start:p.End])
		}
	}
	return ""
}
