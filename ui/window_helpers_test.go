package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/secrets"
	"sellermail/app/secrets/secretstest"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi/sandbox"
)

// windowOrders is the demo shop's size in the window tests: big enough for
// every kind of order, small enough to sync in a moment.
const windowOrders = 120

// testEnv is a window under test with what it runs on.
type testEnv struct {
	t     *testing.T
	tasks *tasks // the window's background work
	q     *uiQueue
	a     fyne.App
	w     fyne.Window
	m     *Window
	dir   string
	keys  *secretstest.Memory
	env   app.Env // endpoints and credentials the services get
	// language is the one given on the command line (--ui-lang), if any.
	language i18n.Lang
}

// newTestEnv prepares an app and window in English with an empty keyring
// and data directory; start runs the window.
func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	e := &testEnv{t: t, dir: t.TempDir(), keys: secretstest.NewMemory()}
	e.tasks, e.q = testTasks(t)
	e.a = test.NewTempApp(t)
	e.a.Preferences().SetString(PrefLanguage, string(LanguageEnglish))
	setTestLanguage(t, LanguageEnglish)
	e.w = test.NewTempWindow(t, nil)
	e.w.Resize(fyne.NewSize(1200, 800))
	return e
}

// open is the OpenFunc of the tests: the real services on the test's
// data directory, keyring and environment, with the demo's clocks fast.
func (e *testEnv) open(ctx context.Context, demo bool) (*app.Service, error) {
	return app.Open(ctx, app.Options{
		DataDir: e.dir, Demo: demo, Keyring: secrets.NewWithBackend(e.keys, time.Second),
		TimeScale: 1000, DemoOrders: windowOrders, Env: e.env,
	})
}

// start runs the window and waits until it shows more than the loading state.
func (e *testEnv) start() {
	e.t.Helper()
	e.m = run(e.a, e.w, Config{Open: e.open, Language: e.language}, e.tasks)
	e.t.Cleanup(e.m.Close)
	e.q.until(e.t, "the services to open", func() bool { return e.m.svc != nil })
}

// startDemo runs the window in the demo, past the welcome.
func (e *testEnv) startDemo() *mainScreen {
	e.t.Helper()
	e.a.Preferences().SetBool(PrefDemo, true)
	e.start()
	if e.m.main == nil {
		e.t.Fatal("the demo chosen before does not open the main screens")
	}
	return e.m.main
}

// sync waits for the sync an empty shop starts by itself, then until the
// list is loaded.
func (e *testEnv) sync(ms *mainScreen) {
	e.t.Helper()
	os := ms.work.orders
	e.q.until(e.t, "the first sync to start", func() bool { return os.sync.running() || os.sync.status != "" })
	e.q.until(e.t, "the sync to end", func() bool { return !os.sync.running() })
	if os.sync.status != "sync.done" {
		e.t.Fatalf("the sync did not finish: %q", os.sync.line.Text)
	}
	e.q.until(e.t, "the list to load", func() bool { return !os.loading && len(os.orders) > 0 && os.total > 0 })
}

// syncedDemo runs the window in the demo, past the welcome, and waits for
// the first sync and the list.
func (e *testEnv) syncedDemo() *mainScreen {
	e.t.Helper()
	ms := e.startDemo()
	e.sync(ms)
	return ms
}

// openOrder shows the first stored order for which ok holds, as the seller
// would find it: searched for, selected, its detail loaded.
func (e *testEnv) openOrder(ms *mainScreen, ok func(*app.OrderDetail) bool) *app.OrderDetail {
	e.t.Helper()
	d := findDetail(e.t, e.m.svc, store.OrderFilter{}, ok)
	e.showOrder(ms, d.Order.OrderID)
	return d
}

// composeFor opens the first order that offers kind to a buyer reading
// English or German and starts a message of that kind in the composer.
func (e *testEnv) composeFor(ms *mainScreen, kind policy.Kind) (*app.OrderDetail, *Composer) {
	e.t.Helper()
	d := e.openOrder(ms, offersTo(kind))
	c := ms.work.composer
	if err := c.SetKind(kind); err != nil {
		e.t.Fatal(err)
	}
	return d, c
}

// openEligibleOrder shows the first order for which a review can be
// requested and returns its ID.
func (e *testEnv) openEligibleOrder(ms *mainScreen) string {
	e.t.Helper()
	eligible, err := e.m.svc.Orders(context.Background(), store.OrderFilter{ReviewEligible: true, Limit: 1})
	if err != nil || len(eligible) == 0 {
		e.t.Fatalf("no eligible demo order: %v", err)
	}
	id := eligible[0].OrderID
	e.showOrder(ms, id)
	return id
}

// otherOrder is the ID of a stored order other than the one with id.
func (e *testEnv) otherOrder(id string) string {
	e.t.Helper()
	some, err := e.m.svc.Orders(context.Background(), store.OrderFilter{Limit: 2})
	if err != nil || len(some) < 2 {
		e.t.Fatalf("orders: %v", err)
	}
	if some[0].OrderID == id {
		return some[1].OrderID
	}
	return some[0].OrderID
}

// showOrder selects the order with id and waits for its detail.
func (e *testEnv) showOrder(ms *mainScreen, id string) *app.OrderDetail {
	e.t.Helper()
	e.selectOrder(ms, id)
	return e.waitDetail(ms)
}

// selectOrder searches for an order by its ID and selects it in the list.
func (e *testEnv) selectOrder(ms *mainScreen, id string) {
	e.t.Helper()
	os := ms.work.orders
	os.searchEntry.SetText("")
	test.Type(os.searchEntry, id)
	e.q.until(e.t, "the search for "+id, func() bool {
		return !os.loading && len(os.orders) == 1 && os.orders[0].OrderID == id
	})
	os.list.Select(0)
}

// waitDetail waits until the chosen order's detail is shown.
func (e *testEnv) waitDetail(ms *mainScreen) *app.OrderDetail {
	e.t.Helper()
	v := ms.work.detail
	e.q.until(e.t, "the order's detail", func() bool { return !v.loading() && v.detail != nil })
	return v.detail
}

// findDetail returns an order's detail, asked of the service directly,
// for the first stored order for which ok holds.
func findDetail(t *testing.T, svc *app.Service, f store.OrderFilter, ok func(*app.OrderDetail) bool) *app.OrderDetail {
	t.Helper()
	ctx := context.Background()
	f.Limit = store.MaxLimit
	orders, err := svc.Orders(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orders {
		d, err := svc.OrderDetail(ctx, o.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		if ok(d) {
			return d
		}
	}
	t.Fatal("no demo order fits the test")
	return nil
}

// offersTo is a test for an order offering kind to a buyer reading English or German.
func offersTo(kind policy.Kind) func(*app.OrderDetail) bool {
	return func(d *app.OrderDetail) bool {
		l := baseLanguage(d.BuyerLocale)
		return d.Offers(kind) && (l == "en" || l == "de")
	}
}

// noticeText is a compliant delay notice in the buyer's language.
func noticeText(d *app.OrderDetail) string {
	if baseLanguage(d.BuyerLocale) == "de" {
		return "Guten Tag, leider verzögert sich der Versand Ihrer Bestellung " + d.Order.OrderID +
			" um zwei Tage, weil unser Lieferant zu spät geliefert hat. Wir senden Ihnen die Ware so schnell wie möglich. Vielen Dank für Ihre Geduld."
	}
	return "Hello, unfortunately the shipment of your order " + d.Order.OrderID +
		" is delayed by two days because our supplier delivered late. We will send it to you as soon as possible. Thank you for your patience."
}

// contentTexts are the visible label texts in the window.
func contentTexts(w fyne.Window) string {
	return strings.Join(labelTexts([]fyne.CanvasObject{w.Content()}), "\n")
}

// seedOrders writes n orders into the demo database in dir before the services open it.
func seedOrders(t *testing.T, dir string, n int) {
	t.Helper()
	seedDemoStore(t, dir, func(st *store.Store) { insertOrders(t, st, n) })
}

// insertOrders writes n orders on Amazon's German marketplace, in batches.
func insertOrders(t *testing.T, st *store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	start := time.Now().Add(-24 * time.Hour)
	batch := make([]store.Order, 0, 1000)
	for i := range n {
		batch = append(batch, store.Order{
			OrderID:       orderID(i),
			MarketplaceID: "A1PA6795UKMFR9", Status: "SHIPPED",
			PurchaseDate: start.Add(-time.Duration(i) * time.Minute), LastUpdated: start,
			Items: []store.OrderItem{{ASIN: "B000TEST01", Title: "Kaffeemühle Modell K2", Quantity: 1}},
		})
		if len(batch) == cap(batch) || i == n-1 {
			if err := st.UpsertOrders(ctx, batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}

// orderID makes the i-th seeded order's ID in Amazon's format.
func orderID(i int) string {
	d := []byte("302-0000000-0000000")
	for p, n := len(d)-1, i; n > 0 && p >= 0; p-- {
		if d[p] == '-' {
			continue
		}
		d[p] = byte('0' + n%10)
		n /= 10
	}
	return string(d)
}

// useAccountSandbox starts a sandbox of orders orders and points the
// services at it as if it were Amazon, with the sandbox's credentials in
// the environment: the window runs in account mode, not the demo.
func (e *testEnv) useAccountSandbox(orders int) *sandbox.Server {
	e.t.Helper()
	srv := sandbox.New(sandbox.Options{Seed: app.DefaultDemoSeed, Orders: orders, TimeScale: 1000})
	if err := srv.Start(); err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { srv.Close() })
	c := sandbox.DefaultCredentials
	e.env = app.Env{
		Credentials:   secrets.Credentials{ClientID: c.ClientID, ClientSecret: c.ClientSecret, RefreshToken: c.RefreshToken},
		SPAPIEndpoint: srv.URL(), LWAEndpoint: srv.URL() + "/auth/o2/token",
	}
	return srv
}
