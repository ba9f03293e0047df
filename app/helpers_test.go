package app

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sellermail/app/i18n"
	"sellermail/app/secrets"
	"sellermail/app/secrets/secretstest"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

func newMemKeyring() *secretstest.Memory { return secretstest.NewMemory() }

// Demo settings for tests: a small shop and clocks 1000 times faster, so
// Amazon's rate limits cost milliseconds.
const (
	testOrders    = 120
	testTimeScale = 1000
)

func testOptions(t *testing.T, kr *secretstest.Memory) Options {
	t.Helper()
	return Options{
		DataDir:    t.TempDir(),
		Keyring:    secrets.NewWithBackend(kr, time.Second),
		TimeScale:  testTimeScale,
		DemoOrders: testOrders,
	}
}

// openTest opens a service on opts and closes it when the test ends.
func openTest(t *testing.T, opts Options) *Service {
	t.Helper()
	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// syncedDemo opens the demo and syncs every order.
func syncedDemo(t *testing.T) *Service {
	t.Helper()
	s := openTest(t, testOptions(t, newMemKeyring()))
	if _, err := s.Sync(context.Background(), nil); err != nil {
		t.Fatalf("Sync: %v", err)
	}
	return s
}

// findOrder returns the detail of the first stored order (filtered by f)
// for which ok holds, asking Amazon for its facts.
func findOrder(t *testing.T, s *Service, f store.OrderFilter, ok func(*OrderDetail) bool) *OrderDetail {
	t.Helper()
	ctx := context.Background()
	f.Limit = store.MaxLimit
	orders, err := s.Orders(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orders {
		d, err := s.OrderDetail(ctx, o.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		if d.FactsErr != nil {
			t.Fatalf("facts of %s: %v", o.OrderID, d.FactsErr)
		}
		if ok(d) {
			return d
		}
	}
	t.Fatal("no demo order fits the test")
	return nil
}

// offersIn finds an order offering kind to a buyer reading English or German.
func offersIn(t *testing.T, s *Service, kind policy.Kind, exclude ...string) *OrderDetail {
	t.Helper()
	return findOrder(t, s, store.OrderFilter{}, func(d *OrderDetail) bool {
		for _, x := range exclude {
			if d.Order.OrderID == x {
				return false
			}
		}
		l := baseLang(d.BuyerLocale)
		return d.Offers(kind) && (l == "en" || l == "de")
	})
}

// problemText is a compliant unexpectedProblem message in the buyer's language.
func problemText(d *OrderDetail, reason string) string {
	if baseLang(d.BuyerLocale) == "de" {
		return "Guten Tag, leider verzögert sich der Versand Ihrer Bestellung " + d.Order.OrderID +
			" um zwei Tage, weil " + reason + ". Wir senden Ihnen die Ware so schnell wie möglich. Vielen Dank für Ihre Geduld."
	}
	return "Hello, unfortunately the shipment of your order " + d.Order.OrderID + " is delayed by two days because " +
		reason + ". We will send it to you as soon as possible. Thank you for your patience."
}

// sentFor returns what the demo server recorded for an order.
func sentFor(srv *sandbox.Server, orderID string) []sandbox.SentRecord {
	var out []sandbox.SentRecord
	for _, r := range srv.Sent() {
		if r.AmazonOrderID == orderID {
			out = append(out, r)
		}
	}
	return out
}

func wantRefusal(t *testing.T, err, kind error) *Refusal {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error = %v, want %v", err, kind)
	}
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("error %v is not a *Refusal", err)
	}
	en, de := Explain(err, i18n.English), Explain(err, i18n.German)
	if en == "" || de == "" || en == de {
		t.Fatalf("explanations not in both languages: en %q, de %q", en, de)
	}
	return r
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// fakeAPI replaces s's client with one talking to a real HTTP server whose
// SP-API answers are answer(request), always 200 JSON: Amazon misbehaving
// in ways the demo never does. The profile is loaded from the demo first.
func fakeAPI(t *testing.T, s *Service, answer func(*http.Request) string) {
	t.Helper()
	if _, err := s.Profile(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/auth/o2/token" {
			io.WriteString(w, `{"access_token":"Atza|fake","token_type":"bearer","expires_in":3600}`)
			return
		}
		io.WriteString(w, answer(r))
	}))
	t.Cleanup(srv.Close)
	c, err := spapi.New(spapi.Config{
		Region:                spapi.RegionEU,
		Credentials:           spapi.Credentials{ClientID: "id", ClientSecret: "secret", RefreshToken: "Atzr|token"},
		Endpoint:              srv.URL,
		LWAEndpoint:           srv.URL + "/auth/o2/token",
		AllowInsecureLoopback: true,
		TimeScale:             testTimeScale,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.client = c
}
