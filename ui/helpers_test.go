package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app/i18n"
	"sellermail/app/templates"
	"sellermail/policy"
)

// checker is built once: compiling the lexicons is the slow part.
var checker = sync.OnceValue(policy.NewChecker)

// germanOrder is a German buyer's order on amazon.de.
var germanOrder = ComposeContext{
	OrderID:     "302-4817265-3390517",
	BuyerLocale: "de-DE",
	Marketplace: "A1PA6795UKMFR9",
	Values:      templates.Values{Product: "Kaffeemühle Modell K2", NewDate: "19. Mai 2026", Store: "Mühlenladen"},
}

// uiQueue stands in for fyne.Do in the tests: goroutines queue their
// results, and the test goroutine runs them as the UI goroutine would, so
// the race detector sees any widget touched from elsewhere.
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

// testTasks is a root of background work whose answers wait in a queue
// for the test to run them; when the test ends, its goroutines are waited for.
func testTasks(t testing.TB) (*tasks, *uiQueue) {
	q := &uiQueue{}
	root := newTasks(q)
	t.Cleanup(func() { root.running.Wait() })
	return root, q
}

// Do queues fn.
func (q *uiQueue) Do(fn func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.fns = append(q.fns, fn)
}

// run runs what is queued, including what that queues.
func (q *uiQueue) run() {
	for {
		q.mu.Lock()
		fns := q.fns
		q.fns = nil
		q.mu.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, fn := range fns {
			fn()
		}
	}
}

// until runs the queue until cond holds. The deadline only stops a
// broken test from hanging; nothing is measured with it.
func (q *uiQueue) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		q.run()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// settle waits for the work of g and runs what it queued, until nothing
// more comes: results may start more work (a reload after saving).
func (q *uiQueue) settle(g *tasks) {
	for {
		g.running.Wait()
		q.mu.Lock()
		n := len(q.fns)
		q.mu.Unlock()
		if n == 0 {
			return
		}
		q.run()
	}
}

// newTestComposer shows a composer in a test window, in English unless the
// test switches, with the built-in templates.
func newTestComposer(t testing.TB) (*Composer, fyne.Window) {
	t.Helper()
	c, w, _ := newQueuedComposer(t)
	return c, w
}

// newQueuedComposer is newTestComposer with the queue its answers wait in.
func newQueuedComposer(t testing.TB) (*Composer, fyne.Window, *uiQueue) {
	t.Helper()
	test.NewTempApp(t)
	setTestLanguage(t, LanguageEnglish)
	w := test.NewTempWindow(t, nil)
	ts, err := templates.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	root, q := testTasks(t)
	c := newComposer(root, checker(), ComposerConfig{Window: w, Templates: ts})
	t.Cleanup(c.Close)
	w.SetContent(c.Object())
	w.Resize(fyne.NewSize(900, 800))
	return c, w, q
}

// setTestLanguage switches the window's language for one test.
func setTestLanguage(t testing.TB, tag i18n.Lang) {
	t.Helper()
	before := Language()
	if err := SetLanguage(tag); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage(before) })
}

// visibleRows are the finding rows the panel shows.
func visibleRows(c *Composer) []*findingRow {
	var out []*findingRow
	for _, r := range c.findings.rows {
		if r.Visible() {
			out = append(out, r)
		}
	}
	return out
}

// rowFor returns the visible row of a rule, or nil.
func rowFor(c *Composer, rule string) *findingRow {
	for _, r := range visibleRows(c) {
		if r.finding.Rule == rule {
			return r
		}
	}
	return nil
}

// children are the objects drawn inside o.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		if r := test.WidgetRenderer(v); r != nil {
			return r.Objects()
		}
	}
	return nil
}

// findButton finds a visible button with the text among objs and their children.
func findButton(objs []fyne.CanvasObject, text string) *widget.Button {
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
		if b := findButton(children(o), text); b != nil {
			return b
		}
	}
	return nil
}

// labelTexts collects the texts of the visible labels among objs and their children.
func labelTexts(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
		out = append(out, labelTexts(children(o))...)
	}
	return out
}
