package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/secrets"
	"sellermail/spapi/sandbox"
)

func TestWelcomeThenDemoShowsOrdersMarkedDemo(t *testing.T) {
	e := newTestEnv(t)
	e.start()
	if e.m.main != nil {
		t.Fatal("the main screens open before the seller chose the demo or an account")
	}
	demo := findButton([]fyne.CanvasObject{e.w.Content()}, "Try the demo")
	if demo == nil || findButton([]fyne.CanvasObject{e.w.Content()}, "Connect my Amazon account") == nil {
		t.Fatalf("the welcome offers no demo and account choice; it says:\n%s", contentTexts(e.w))
	}
	test.Tap(demo)
	ms := e.m.main
	if ms == nil {
		t.Fatal("Try the demo does not open the main screens")
	}
	if !e.a.Preferences().Bool(PrefDemo) {
		t.Error("the choice of the demo is not remembered")
	}
	if !strings.Contains(e.w.Title(), "DEMO") {
		t.Errorf("window title %q does not mark the demo", e.w.Title())
	}
	if ms.badge == nil || !ms.badge.Visible() {
		t.Error("the header has no DEMO badge")
	}
	if e.m.svc.Mode() != app.ModeDemo {
		t.Fatalf("mode %q", e.m.svc.Mode())
	}

	e.sync(ms)
	os := ms.work.orders
	if os.total != windowOrders || os.count.Text != "120 orders" {
		t.Errorf("after the sync the list counts %d (%q), want %d", os.total, os.count.Text, windowOrders)
	}
	if os.list.Length() != len(os.orders) || len(os.orders) != windowOrders {
		t.Errorf("the list shows %d rows for %d orders", os.list.Length(), len(os.orders))
	}
	if !strings.HasPrefix(os.sync.last.Text, "Last sync: ") {
		t.Errorf("last sync line %q", os.sync.last.Text)
	}
	// Sync again by hand: nothing new, and the list stays.
	test.Tap(os.sync.button)
	if !os.sync.running() || os.sync.button.Text != "Stop sync" {
		t.Fatalf("tapping Sync started no sync (button %q)", os.sync.button.Text)
	}
	e.q.until(t, "the second sync", func() bool { return !os.sync.running() && !os.loading })
	if os.sync.status != "sync.done" || len(os.orders) != windowOrders {
		t.Errorf("second sync: %q, %d orders listed", os.sync.line.Text, len(os.orders))
	}

	// The next start remembers the demo and skips the welcome.
	e.m.Close()
	e.start()
	if e.m.main == nil || e.m.main.badge == nil {
		t.Error("the second start shows the welcome again")
	}
}

func TestSwitchingLanguageRelabelsOrders(t *testing.T) {
	e := newTestEnv(t)
	// After the first sync, which the empty shop starts by itself: the sync
	// button's label is the idle one in both languages.
	ms := e.syncedDemo()
	os := ms.work.orders
	if os.eligibleCheck.Text != "Review request possible" || os.sync.button.Text != "Sync" || ms.ordersTab.Text != "Orders" {
		t.Fatalf("English labels: %q, %q, %q", os.eligibleCheck.Text, os.sync.button.Text, ms.ordersTab.Text)
	}
	ls := ms.settings.language.Widget()
	ls.SetSelectedIndex(1) // Deutsch
	checks := []struct{ name, got, want string }{
		{"eligible filter", os.eligibleCheck.Text, "Bewertungsanfrage möglich"},
		{"messages filter", os.messagesChk.Text, "Mit Nachrichten"},
		{"sync", os.sync.button.Text, "Synchronisieren"},
		{"tab", ms.ordersTab.Text, "Bestellungen"},
		{"status filter", os.statusSelect.Options[0], "Jeder Status"},
		{"search", os.searchEntry.PlaceHolder, "Bestellnummer oder Produkt suchen (Strg+F)"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("German %s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if got := e.a.Preferences().String(PrefLanguage); got != string(LanguageGerman) {
		t.Errorf("the language choice is saved as %q", got)
	}
}

func TestSetupRefusesMalformedClientID(t *testing.T) {
	e := newTestEnv(t)
	e.start()
	test.Tap(findButton([]fyne.CanvasObject{e.w.Content()}, "Connect my Amazon account"))
	s := e.m.setup
	if s == nil {
		t.Fatalf("no setup screen; the window says:\n%s", contentTexts(e.w))
	}
	test.Type(s.clientID, "amzn1.application-oa2-client.my-app")
	test.Type(s.clientSecret, "amzn1.oa2-cs.v1.0123456789abcdef")
	test.Type(s.refreshToken, "Atzr|IwEBIA0123456789")
	test.Tap(s.testButton)
	e.q.run()
	if !s.idErr.Visible() || !strings.Contains(s.idErr.Text, "client ID") || !strings.Contains(s.idErr.Text, "hexadecimal") {
		t.Errorf("client ID error: visible %v, %q", s.idErr.Visible(), s.idErr.Text)
	}
	if s.secretErr.Visible() || s.tokenErr.Visible() {
		t.Errorf("well-formed fields are marked: %q, %q", s.secretErr.Text, s.tokenErr.Text)
	}
	if s.account != nil || !s.saveButton.Disabled() || s.progress.Visible() {
		t.Error("a malformed client ID was tested with Amazon or can be saved")
	}
	// In German the whole hint is German, the problem too.
	setTestLanguage(t, LanguageGerman)
	test.Tap(s.testButton)
	e.q.run()
	if want := `Die Client-Kennung hat nicht das Format von Amazon: der Teil nach "amzn1.application-oa2-client." muss hexadezimal sein (0-9, a-f).`; s.idErr.Text != want {
		t.Errorf("German client ID error %q, want %q", s.idErr.Text, want)
	}
	setTestLanguage(t, LanguageEnglish)
	// Correcting the field clears its error.
	s.clientID.SetText("amzn1.application-oa2-client.0123abcd")
	if s.idErr.Visible() {
		t.Error("the error stays after the field was edited")
	}
	test.Tap(s.cancelButton)
	if findButton([]fyne.CanvasObject{e.w.Content()}, "Try the demo") == nil {
		t.Error("Back does not return to the welcome")
	}
}

// The whole setup: a wrong refresh token is refused by Amazon with the
// reason, the right one reads the store back, saving stores it in the
// keyring and reopens the services on the account, without the DEMO marker.
func TestSetupConnectsAndLeavesDemo(t *testing.T) {
	creds := sandbox.Credentials{
		ClientID:     secrets.ClientIDPrefix + "0123456789abcdef",
		ClientSecret: secrets.ClientSecretPrefix + "fedcba9876543210",
		RefreshToken: secrets.RefreshTokenPrefix + "IwEBISellermailTest",
	}
	srv := sandbox.New(sandbox.Options{Seed: app.DefaultDemoSeed, Orders: 30, TimeScale: 1000, Credentials: creds, StoreName: "Mühlenladen"})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	e := newTestEnv(t)
	e.env = app.Env{SPAPIEndpoint: srv.URL(), LWAEndpoint: srv.URL() + "/auth/o2/token"}
	e.start()
	test.Tap(findButton([]fyne.CanvasObject{e.w.Content()}, "Connect my Amazon account"))
	s := e.m.setup
	if s == nil {
		t.Fatal("no setup screen")
	}
	test.Type(s.clientID, creds.ClientID)
	test.Type(s.clientSecret, creds.ClientSecret)
	test.Type(s.refreshToken, creds.RefreshToken+"x")
	test.Tap(s.testButton)
	e.q.until(t, "Amazon's answer", func() bool { return !s.progress.Visible() })
	if s.account != nil || !strings.HasPrefix(s.status.Text, "The test failed: ") || !s.saveButton.Disabled() {
		t.Fatalf("a wrong token: account %v, status %q", s.account, s.status.Text)
	}

	s.refreshToken.SetText(creds.RefreshToken)
	test.Tap(s.testButton)
	e.q.until(t, "Amazon's answer", func() bool { return !s.progress.Visible() })
	if s.account == nil || !strings.Contains(s.status.Text, "Mühlenladen") || s.saveButton.Disabled() {
		t.Fatalf("the right token: status %q", s.status.Text)
	}
	test.Tap(s.saveButton)
	e.q.until(t, "the account's services", func() bool { return e.m.main != nil })
	if e.keys.Len() != 1 {
		t.Errorf("the keyring holds %d entries, want the account's", e.keys.Len())
	}
	if e.m.svc.Mode() != app.ModeAmazon || e.m.main.badge != nil || strings.Contains(e.w.Title(), "DEMO") {
		t.Errorf("after saving: mode %q, title %q", e.m.svc.Mode(), e.w.Title())
	}
	if e.a.Preferences().Bool(PrefDemo) {
		t.Error("the demo stays chosen after connecting the account")
	}
	for _, entry := range []*widget.Entry{s.clientID, s.clientSecret, s.refreshToken} {
		if entry.Text != "" {
			t.Error("a credential stays in the setup's fields after saving")
		}
	}
}

func TestWelcomeExplainsUnavailableKeyring(t *testing.T) {
	e := newTestEnv(t)
	e.keys.Fail(errors.New("dbus: no session bus"))
	e.start()
	if e.m.main != nil {
		t.Fatal("the main screens open without a choice")
	}
	text := contentTexts(e.w)
	if !strings.Contains(text, "No keyring service is running") || !strings.Contains(text, "running the demo") {
		t.Errorf("the welcome does not say why no account could be loaded:\n%s", text)
	}
}

func TestShortcutsSearchAndSync(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	sc, ok := e.w.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	ms.tabs.Select(ms.settingsTab)
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if ms.tabs.Selected() != ms.ordersTab || e.w.Canvas().Focused() != ms.work.orders.searchEntry {
		t.Error("Ctrl+F does not put the cursor into the orders' search")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault})
	if !ms.work.orders.sync.running() {
		t.Fatal("Ctrl+R starts no sync")
	}
	e.q.until(t, "the sync", func() bool { return !ms.work.orders.sync.running() })
}
