package app

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/spapi"
)

func TestOpenWithoutCredentialsRunsDemo(t *testing.T) {
	opts := testOptions(t, newMemKeyring())
	s := openTest(t, opts)
	if s.Mode() != ModeDemo {
		t.Fatalf("Mode = %s, want demo", s.Mode())
	}
	if n := s.Notice(i18n.English); !strings.Contains(n, "No Amazon account") {
		t.Errorf("Notice = %q", n)
	}
	if n := s.Notice(i18n.German); !strings.Contains(n, "Demo") {
		t.Errorf("German notice = %q", n)
	}
	if want := filepath.Join(opts.DataDir, DemoDir, "sellermail.db"); s.DataPath() != want {
		t.Errorf("DataPath = %s, want %s", s.DataPath(), want)
	}
}

func TestOpenWithUnavailableKeyringRunsDemoAndSaysWhy(t *testing.T) {
	kr := newMemKeyring()
	kr.Fail(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	s := openTest(t, testOptions(t, kr))
	if s.Mode() != ModeDemo {
		t.Fatalf("Mode = %s, want demo", s.Mode())
	}
	n := s.Notice(i18n.English)
	if !strings.Contains(n, "No keyring service is running") || !strings.Contains(n, "GNOME Keyring") || !strings.Contains(n, "demo") {
		t.Errorf("Notice = %q", n)
	}
}

func TestCloseTwice(t *testing.T) {
	s, err := Open(context.Background(), testOptions(t, newMemKeyring()))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestOrderFetchedForAnotherIDIsRefused(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	const asked, other = "302-1234567-1234567", "302-7654321-7654321"
	fakeAPI(t, s, func(r *http.Request) string {
		return `{"order":{"orderId":"` + other + `","createdTime":"2026-01-02T10:00:00Z","salesChannel":{"marketplaceId":"A1PA6795UKMFR9"}}}`
	})
	_, err := s.OrderDetail(ctx, asked)
	if !errors.Is(err, spapi.ErrMalformedResponse) {
		t.Fatalf("got %v, want a malformed-response error", err)
	}
	for _, id := range []string{asked, other} {
		if _, err := s.store.GetOrder(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("order %s stored: %v", id, err)
		}
	}
}
