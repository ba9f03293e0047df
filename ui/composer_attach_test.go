package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/store"
	"sellermail/policy"
)

// writeFiles creates files of the given sizes in a temporary directory and
// returns their paths; the names say what they are.
func writeFiles(t *testing.T, names ...string) []string {
	t.Helper()
	dir := t.TempDir()
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(dir, n)
		if err := os.WriteFile(out[i], []byte(strings.Repeat("%PDF-1.4 sellermail test file\n", 100+i)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// fileRowTexts are the attachment rows' labels, in order.
func fileRowTexts(c *Composer) []string {
	var out []string
	for _, row := range c.fileRows.Objects {
		out = append(out, labelTexts([]fyne.CanvasObject{row})...)
	}
	return out
}

// removeButton is the Remove button of the n-th attachment row.
func removeButton(t *testing.T, c *Composer, n int) *widget.Button {
	t.Helper()
	b := findButton([]fyne.CanvasObject{c.fileRows.Objects[n]}, "Remove")
	if b == nil {
		t.Fatalf("attachment row %d has no Remove button", n)
	}
	return b
}

// sized waits until the composer looked at every picked file.
func sized(t *testing.T, q *uiQueue, c *Composer) {
	t.Helper()
	q.until(t, "the files' sizes", func() bool { return c.filesReady() })
}

// customizationOrder offers a kind with text and files and one with files only.
func customizationOrder() ComposeContext {
	ctx := germanOrder
	ctx.OfferedKinds = []policy.Kind{policy.KindConfirmCustomizationDetails, policy.KindUnexpectedProblem, policy.KindInvoice}
	return ctx
}

func TestAttachFilesUpToFiveAndRemove(t *testing.T) {
	c, w, q := newQueuedComposer(t)
	c.SetContext(customizationOrder())
	attachButtonFollowsKind(t, c, w)

	paths := writeFiles(t, "a.pdf", "b.png", "c.pdf", "d.pdf", "e.pdf", "f.pdf")
	var edits [][]string
	c.OnEdited = func(_ policy.Kind, _ string, files []string) { edits = append(edits, files) }
	attachFive(t, q, c, paths[:5], &edits)
	refuseSixth(t, c, paths[5])
	removeAndRepeat(t, c, paths, &edits)
	filesFollowKind(t, c)
}

// attachButtonFollowsKind: only a kind that takes files shows the button,
// which opens the file dialog.
func attachButtonFollowsKind(t *testing.T, c *Composer, w fyne.Window) {
	t.Helper()
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	if c.attachBox.Visible() {
		t.Error("a kind that takes no files shows the attachments")
	}
	if err := c.SetKind(policy.KindConfirmCustomizationDetails); err != nil {
		t.Fatal(err)
	}
	if !c.attachBox.Visible() || c.attachButton.Disabled() || c.attachButton.Text != "Attach file…" {
		t.Fatalf("attach button visible %v, disabled %v, says %q", c.attachBox.Visible(), c.attachButton.Disabled(), c.attachButton.Text)
	}
	test.Tap(c.attachButton)
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Attach file… opened no file dialog")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
}

// attachFive: five files are listed with their sizes, fill the message,
// and each reaches the draft.
func attachFive(t *testing.T, q *uiQueue, c *Composer, paths []string, edits *[][]string) {
	t.Helper()
	for _, p := range paths {
		c.addAttachment(p)
	}
	sized(t, q, c)
	rows := fileRowTexts(c)
	if len(rows) != 5 || rows[0] != "a.pdf · 3 KB" || !strings.HasPrefix(rows[1], "b.png · ") {
		t.Fatalf("attachment rows %q", rows)
	}
	if !c.attachButton.Disabled() || !strings.Contains(c.attachHint.Text, "5 files attached, the most Amazon takes") {
		t.Errorf("at five files: button disabled %v, hint %q", c.attachButton.Disabled(), c.attachHint.Text)
	}
	if len(*edits) != 5 || len((*edits)[4]) != 5 {
		t.Errorf("OnEdited saw %d edits, the last with %d files", len(*edits), len((*edits)[len(*edits)-1]))
	}
}

// refuseSixth: Amazon takes five files, so a sixth is refused with a note.
func refuseSixth(t *testing.T, c *Composer, sixth string) {
	t.Helper()
	c.addAttachment(sixth)
	if got := c.Attachments(); len(got) != 5 || slices.Contains(got, sixth) {
		t.Fatalf("a sixth file was attached: %q", got)
	}
	if !c.attachNote.Visible() || c.attachNote.Text != "f.pdf was not attached: Amazon takes at most 5 files per message." {
		t.Errorf("sixth file refused with %q", c.attachNote.Text)
	}
}

// removeAndRepeat: removing a file frees a place and tells the draft; the
// same file is not attached twice.
func removeAndRepeat(t *testing.T, c *Composer, paths []string, edits *[][]string) {
	t.Helper()
	test.Tap(removeButton(t, c, 1))
	want := []string{paths[0], paths[2], paths[3], paths[4]}
	if got := c.Attachments(); !slices.Equal(got, want) {
		t.Fatalf("after removing b.png: %q", got)
	}
	if c.attachButton.Disabled() || c.attachHint.Text != "4 of 5 files · at most 10 MB each" || c.attachNote.Visible() {
		t.Errorf("after removing: button disabled %v, hint %q, note %q", c.attachButton.Disabled(), c.attachHint.Text, c.attachNote.Text)
	}
	if last := (*edits)[len(*edits)-1]; !slices.Equal(last, want) {
		t.Errorf("the draft was not told about the removal: %q", last)
	}
	c.addAttachment(paths[0])
	if len(c.Attachments()) != 4 || c.attachNote.Text != "a.pdf is already attached." {
		t.Errorf("the same file twice: %d files, note %q", len(c.Attachments()), c.attachNote.Text)
	}
}

// filesFollowKind: files stay with the message but go out only with a kind
// that takes them, and another order starts without them.
func filesFollowKind(t *testing.T, c *Composer) {
	t.Helper()
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	if c.Attachments() != nil || c.attachBox.Visible() {
		t.Errorf("a kind without files sends %q", c.Attachments())
	}
	if err := c.SetKind(policy.KindConfirmCustomizationDetails); err != nil {
		t.Fatal(err)
	}
	if len(c.Attachments()) != 4 {
		t.Errorf("switching back lost the files: %q", c.Attachments())
	}
	c.SetContext(customizationOrder())
	if len(c.files) != 0 || len(c.fileRows.Objects) != 0 {
		t.Error("another order kept the files")
	}
}

func TestAttachRefusesLargeAndMissingFiles(t *testing.T) {
	c, _, q := newQueuedComposer(t)
	c.SetContext(customizationOrder())
	if err := c.SetKind(policy.KindConfirmCustomizationDetails); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "scan.tiff")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 10 MB and one byte without writing them.
	if err := f.Truncate(10<<20 + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	c.addAttachment(big)
	sized(t, q, c)
	if len(c.files) != 0 || c.attachNote.Text != "scan.tiff is larger than 10 MB, the most Amazon takes per file, and was not attached." {
		t.Errorf("a file over 10 MB: %d files, note %q", len(c.files), c.attachNote.Text)
	}
	c.addAttachment(filepath.Join(t.TempDir(), "gone.pdf"))
	sized(t, q, c)
	if len(c.files) != 0 || c.attachNote.Text != "gone.pdf cannot be read and was not attached." {
		t.Errorf("a missing file: %d files, note %q", len(c.files), c.attachNote.Text)
	}
}

func TestFilesOnlyKindSendsWithFile(t *testing.T) {
	c, w, q := newQueuedComposer(t)
	c.SetContext(customizationOrder())
	menu := c.kindMenu()
	item := menu.Items[slices.Index(policy.Kinds(), policy.KindInvoice)]
	if item.Disabled {
		t.Fatal("an invoice the order offers cannot be chosen")
	}
	if menu.Items[slices.Index(policy.Kinds(), policy.KindWarranty)].Disabled == false {
		t.Error("a warranty the order does not offer can be chosen")
	}
	item.Action()
	if c.Kind() != policy.KindInvoice || !c.entry.Disabled() {
		t.Fatalf("picked %q, text area disabled %v", c.Kind(), c.entry.Disabled())
	}
	const why = "Amazon sends this type with files only, without text: attach 1–5 files."
	if !c.filesOnlyNote.Visible() || c.filesOnlyNote.Text != why || c.entry.PlaceHolder != why {
		t.Errorf("files-only note %q, placeholder %q", c.filesOnlyNote.Text, c.entry.PlaceHolder)
	}
	if !c.sendButton.Disabled() || c.actionHint.Text != "Attach at least one file to send this message." {
		t.Errorf("without a file: send disabled %v, hint %q", c.sendButton.Disabled(), c.actionHint.Text)
	}
	if len(visibleRows(c)) != 0 || !strings.HasPrefix(c.findings.empty.Text, "Nothing to check") || c.chars.Text != "" {
		t.Errorf("the text check applies to a files-only kind: %d rows, %q, %q", len(visibleRows(c)), c.findings.empty.Text, c.chars.Text)
	}

	paths := writeFiles(t, "Rechnung-302.pdf")
	c.addAttachment(paths[0])
	sized(t, q, c)
	if c.sendButton.Disabled() || c.actionHint.Text != "" {
		t.Fatalf("with a file: send disabled %v, hint %q", c.sendButton.Disabled(), c.actionHint.Text)
	}
	var sent []string
	c.OnSend = func(kind policy.Kind, text string, files []string, res policy.Result) {
		if kind != policy.KindInvoice || text != "" || res.Blocked() {
			t.Errorf("OnSend(%s, %q, blocked %v)", kind, text, res.Blocked())
		}
		sent = files
	}
	test.Tap(c.sendButton)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Send opened no confirmation")
	}
	if texts := strings.Join(labelTexts([]fyne.CanvasObject{top}), "\n"); !strings.Contains(texts, "1 file attached: Rechnung-302.pdf") {
		t.Errorf("the confirmation does not name the file:\n%s", texts)
	}
	tapDialogButton(t, w, "Send")
	if !slices.Equal(sent, paths) {
		t.Errorf("sent files %q, want %q", sent, paths)
	}
	c.ShowResult(ResultSent, "") // the outcome ends the sending state

	test.Tap(removeButton(t, c, 0))
	if !c.sendButton.Disabled() {
		t.Error("Send stays enabled after the only file was removed")
	}
}

func TestConfirmationCountsFiles(t *testing.T) {
	c, w, q := newQueuedComposer(t)
	c.SetContext(customizationOrder())
	if err := c.SetKind(policy.KindConfirmCustomizationDetails); err != nil {
		t.Fatal(err)
	}
	c.SetText("Guten Tag, anbei der Entwurf für die Gravur Ihrer Bestellung 302-4817265-3390517. " +
		"Bitte bestätigen Sie, ob der Text so richtig ist.\n\nMit freundlichen Grüßen\nMühlenladen")
	paths := writeFiles(t, "a.pdf", "b.png")
	c.addAttachment(paths[0])
	c.addAttachment(paths[1])
	if !c.sendButton.Disabled() {
		t.Error("Send is enabled before the files were looked at")
	}
	sized(t, q, c)
	if c.Result().Blocked() || c.sendButton.Disabled() {
		t.Fatalf("the message cannot be sent: %+v", c.Result().Findings)
	}
	var sent []string
	c.OnSend = func(_ policy.Kind, _ string, files []string, _ policy.Result) { sent = files }
	test.Tap(c.sendButton)
	texts := strings.Join(labelTexts(w.Canvas().Overlays().List()), "\n")
	if !strings.Contains(texts, "2 files attached: a.pdf, b.png") || !strings.Contains(texts, "Gravur") {
		t.Errorf("the confirmation does not show text and files:\n%s", texts)
	}
	tapDialogButton(t, w, "Send")
	if !slices.Equal(sent, paths) {
		t.Errorf("sent files %q", sent)
	}
}

// An invoice with its file goes through the demo Amazon, which checks
// the upload's Content-MD5, and shows up in the order's messages.
func TestSendInvoiceWithFileThroughDemo(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	_, c := e.composeFor(ms, policy.KindInvoice)
	v := ms.work.detail
	paths := writeFiles(t, "Rechnung.pdf")
	c.addAttachment(paths[0])
	e.q.until(t, "Send to be enabled", func() bool { return !c.sendButton.Disabled() })
	test.Tap(c.sendButton)
	tapDialogButton(t, e.w, "Send")
	e.q.until(t, "the send's outcome", func() bool { return c.outcome != ResultNone })
	if c.outcome != ResultSent {
		t.Fatalf("outcome %v: %q", c.outcome, c.detail)
	}
	e.q.until(t, "the message in the order's messages", func() bool {
		return !v.loading() && len(v.detail.Messages) == 1 && strings.Contains(contentTexts(e.w), "attached: Rechnung.pdf")
	})
	m := v.detail.Messages[0]
	if m.Status != store.StatusSent || m.Kind != string(policy.KindInvoice) || len(m.Attachments) != 1 || m.Attachments[0].Name != "Rechnung.pdf" {
		t.Errorf("the order's message is %+v", m)
	}
}

// The picked files are kept with the draft and come back with the order.
func TestDraftKeepsFiles(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	first, c := e.composeFor(ms, policy.KindInvoice)
	paths := writeFiles(t, "Rechnung.pdf")
	c.addAttachment(paths[0])
	e.q.until(t, "the draft to be saved", func() bool {
		d, ok, err := e.m.svc.LoadDraft(context.Background(), first.Order.OrderID, policy.KindInvoice)
		return err == nil && ok && slices.Equal(d.Attachments, paths)
	})
	other := e.otherOrder(first.Order.OrderID)
	e.showOrder(ms, other)
	if len(c.files) != 0 {
		t.Fatal("another order shows the files")
	}
	e.showOrder(ms, first.Order.OrderID)
	e.q.until(t, "the draft's files in the composer", func() bool { return slices.Equal(c.Attachments(), paths) && c.filesReady() })
	if c.Kind() != policy.KindInvoice || len(fileRowTexts(c)) != 1 {
		t.Errorf("the draft came back as %q with rows %q", c.Kind(), fileRowTexts(c))
	}
}
