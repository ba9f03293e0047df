package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// holdWriteLock takes the demo database's write lock, as another writer
// would, so the service's writes wait; release gives it back.
func holdWriteLock(t *testing.T, dir string) (release func()) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, app.DemoDir, store.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
			t.Error(err)
		}
		conn.Close()
		db.Close()
	}
	t.Cleanup(release)
	return release
}

// Switching from the demo to the account right after typing keeps the
// draft: the old service closes only after the screens' saves have ended,
// even when the database is slow to take them.
func TestSwitchingServiceKeepsDraftTypedJustBefore(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	d, c := e.composeFor(ms, policy.KindUnexpectedProblem)
	text := noticeText(d)
	half := len(text) / 2
	test.Type(c.entry, text[:half])

	// A first save waits for the database, holding the service's only
	// writing connection; the save the switch starts queues behind it.
	release := holdWriteLock(t, e.dir)
	ms.work.flushDraft()
	test.Type(c.entry, text[half:])
	old := e.m.svc
	e.m.onDemoChanged(false)
	// Give a switch that does not wait the time to close the old service.
	for limit := time.Now().Add(time.Second); time.Now().Before(limit); time.Sleep(10 * time.Millisecond) {
		if _, _, err := old.LoadDraft(context.Background(), d.Order.OrderID, policy.KindUnexpectedProblem); err != nil {
			break
		}
	}
	release()

	// No account is set up, so the demo's data opens again, under the welcome.
	e.q.until(t, "the switch", func() bool { return e.m.svc != nil })
	if e.m.svc == old {
		t.Fatal("the switch kept the old service open")
	}
	got, ok, err := e.m.svc.LoadDraft(context.Background(), d.Order.OrderID, policy.KindUnexpectedProblem)
	if err != nil || !ok || got.Text != text {
		t.Fatalf("after the switch: draft %q (found %v, %v), want what was typed", got.Text, ok, err)
	}

	// Back in the demo, the order's composer shows the draft again.
	demo := findButton([]fyne.CanvasObject{e.w.Content()}, "Try the demo")
	if demo == nil {
		t.Fatalf("leaving the demo without an account shows no welcome; it says:\n%s", contentTexts(e.w))
	}
	test.Tap(demo)
	ms = e.m.main
	if ms == nil {
		t.Fatal("Try the demo does not open the main screens")
	}
	e.q.until(t, "the list to load", func() bool { return !ms.work.orders.loading && ms.work.orders.total > 0 })
	e.showOrder(ms, d.Order.OrderID)
	e.q.until(t, "the draft in the composer", func() bool { return ms.work.composer.Text() == text })
}
