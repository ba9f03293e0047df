package secrets

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"
)

// The mailbox password lives beside the LWA credentials and neither
// touches the other.
func TestMailPasswordBesideCredentials(t *testing.T) {
	ctx := context.Background()
	s := NewWithBackend(newMem(), 0)
	if err := s.Save(ctx, "default", good); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadMailPassword(ctx, "default"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no mail password yet: %v", err)
	}
	if err := s.SaveMailPassword(ctx, "default", ""); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty password: %v", err)
	}
	if err := s.SaveMailPassword(ctx, "default", "app-pass 1234"); err != nil {
		t.Fatal(err)
	}
	if pw, err := s.LoadMailPassword(ctx, "default"); err != nil || pw != "app-pass 1234" {
		t.Fatalf("%q, %v", pw, err)
	}
	if c, err := s.Load(ctx, "default"); err != nil || c != good {
		t.Fatalf("credentials changed: %v", err)
	}
	if err := s.DeleteMailPassword(ctx, "default"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMailPassword(ctx, "default"); err != nil {
		t.Fatalf("second delete: %v", err)
	}
	if c, err := s.Load(ctx, "default"); err != nil || c != good {
		t.Fatalf("credentials gone with the mail password: %v", err)
	}
}

func TestRealKeyringMailPassword(t *testing.T) {
	if os.Getenv("SELLERMAIL_KEYRING_TEST") != "1" {
		t.Skip("set SELLERMAIL_KEYRING_TEST=1 with a Secret Service running (make test runs scripts/test-session.sh) to test the real keyring")
	}
	ctx := context.Background()
	s := New()
	profile := "test-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Cleanup(func() { s.DeleteMailPassword(ctx, profile) })
	if err := s.SaveMailPassword(ctx, profile, "geheim-app-passwort"); err != nil {
		t.Fatal(err)
	}
	if pw, err := s.LoadMailPassword(ctx, profile); err != nil || pw != "geheim-app-passwort" {
		t.Fatalf("real keyring: %v", err)
	}
}
