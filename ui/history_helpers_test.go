package ui

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/secrets"
	"sellermail/app/secrets/secretstest"
	"sellermail/app/store"
	"sellermail/policy"
)

// screenKeyring is a keyring that refuses every call: the demo never asks
// it, and a test that did would fail loudly rather than touch the real one.
func screenKeyring() *secretstest.Memory {
	k := secretstest.NewMemory()
	k.Fail(errors.New("the screen tests use no keyring"))
	return k
}

// openScreenService opens the demo in dir with a small shop and fast clocks;
// seed runs first on the demo database, before the service opens it.
func openScreenService(t *testing.T, dir string, seed func(*store.Store)) *app.Service {
	t.Helper()
	if seed != nil {
		seedDemoStore(t, dir, seed)
	}
	svc, err := app.Open(context.Background(), app.Options{
		DataDir: dir, Demo: true, TimeScale: 1000, DemoOrders: 40,
		Keyring: secrets.NewWithBackend(screenKeyring(), time.Second),
	})
	if err != nil {
		t.Fatalf("app.Open: %v", err)
	}
	t.Cleanup(func() { svc.Close() })
	return svc
}

// sentDemoMessages syncs the demo and sends one compliant delay notice per
// reason, each to another order, in the buyer's language (English or German).
// It returns the order IDs in the order sent.
func sentDemoMessages(t *testing.T, svc *app.Service, reasons ...string) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := svc.Sync(ctx, nil); err != nil {
		t.Fatalf("Sync: %v", err)
	}
	orders, err := svc.Orders(ctx, store.OrderFilter{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range orders {
		if len(ids) == len(reasons) {
			break
		}
		d, err := svc.OrderDetail(ctx, o.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		lang := baseLanguage(d.BuyerLocale)
		if !d.Offers(policy.KindUnexpectedProblem) || (lang != "de" && lang != "en") {
			continue
		}
		text := delayText(lang, o.OrderID, reasons[len(ids)])
		res, err := svc.Send(ctx, app.SendRequest{OrderID: o.OrderID, Kind: policy.KindUnexpectedProblem, Text: text}, i18n.English)
		if err != nil {
			t.Fatalf("Send: %v (%s)", err, res.Explanation)
		}
		ids = append(ids, o.OrderID)
	}
	if len(ids) < len(reasons) {
		t.Fatalf("only %d demo orders take a delay notice", len(ids))
	}
	return ids
}

// delayText is a compliant delay notice in lang.
func delayText(lang, orderID, reason string) string {
	if lang == "de" {
		return "Guten Tag, leider verzögert sich der Versand Ihrer Bestellung " + orderID +
			" um zwei Tage, weil " + reason + ". Wir senden Ihnen die Ware so schnell wie möglich. Vielen Dank für Ihre Geduld."
	}
	return "Hello, unfortunately the shipment of your order " + orderID + " is delayed by two days because " +
		reason + ". We will send it to you as soon as possible. Thank you for your patience."
}

// seedDemoStore runs seed on the demo database in dir, before the
// services open it.
func seedDemoStore(t *testing.T, dir string, seed func(*store.Store)) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, app.DemoDir), 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, app.DemoDir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	seed(st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// newTestHistory shows a history over svc in an English test window and
// waits for the first page.
func newTestHistory(t *testing.T, svc *app.Service) (*HistoryScreen, fyne.Window) {
	t.Helper()
	var s *HistoryScreen
	w := showTestScreen(t, func(root *tasks, w fyne.Window) *screen {
		s = newHistoryScreen(root, svc, w, standaloneDialogs(w))
		return &s.screen
	}, func() fyne.CanvasObject { return s.Object() })
	return s, w
}

// showTestScreen builds a screen with build in an English test window,
// its work on a test queue, and waits for what it loads first.
func showTestScreen(t *testing.T, build func(*tasks, fyne.Window) *screen, object func() fyne.CanvasObject) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	setTestLanguage(t, LanguageEnglish)
	root, _ := testTasks(t)
	w := test.NewTempWindow(t, nil)
	s := build(root, w)
	t.Cleanup(func() {
		s.Close()
		s.wait()
	})
	w.SetContent(object())
	w.Resize(fyne.NewSize(1100, 800))
	s.wait()
	return w
}

// exportCSV runs the screen's CSV export into a file and returns its rows
// and its text.
func exportCSV(t *testing.T, s *HistoryScreen) ([][]string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s.exportTo(f)
	s.wait()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatalf("the export is no CSV: %v\n%s", err, data)
	}
	return rows, string(data)
}

// wait lets the screen's goroutines finish and shows their results; the
// screen runs on a test's queue (testTasks).
func (s *screen) wait() { s.tasks.ui.(*uiQueue).settle(s.tasks) }

// listedOrders are the order IDs the history lists, in order.
func listedOrders(s *HistoryScreen) []string {
	out := make([]string, len(s.messages))
	for i, m := range s.messages {
		out[i] = m.OrderID
	}
	return out
}

// tapDialogButton taps the button with text in the topmost dialog of w.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	b := findButton([]fyne.CanvasObject{top}, text)
	if b == nil {
		t.Fatalf("no %q button in the dialog; it says %q", text, strings.Join(labelTexts([]fyne.CanvasObject{top}), " | "))
	}
	test.Tap(b)
}

// selectOption picks the option with text in a select, as a click would.
func selectOption(t *testing.T, s *widget.Select, text string) {
	t.Helper()
	for _, o := range s.Options {
		if o == text {
			s.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option %q among %q", text, s.Options)
}
