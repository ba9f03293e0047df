package secrets

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// Realistic-looking credentials whose values are easy to spot in output.
var good = Credentials{
	ClientID:     "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef",
	ClientSecret: "amzn1.oa2-cs.v1.fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
	RefreshToken: "Atzr|IwEBIJ-secret-refresh-token-value_xyz",
}

func TestSaveLoadHasDelete(t *testing.T) {
	ctx := context.Background()
	mem := newMem()
	s := NewWithBackend(mem, time.Second)
	if has, err := s.Has(ctx, "shop"); err != nil || has {
		t.Fatalf("Has before save = %v, %v", has, err)
	}
	if _, err := s.Load(ctx, "shop"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load before save: %v, want ErrNotFound", err)
	}
	if err := s.Save(ctx, "shop", good); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx, "shop")
	if err != nil || got != good {
		t.Fatalf("Load = %v, %v", got == good, err)
	}
	if len(mem.m) != 1 {
		t.Errorf("%d keyring entries, want one per profile", len(mem.m))
	}
	if has, _ := s.Has(ctx, "shop"); !has {
		t.Error("Has after save = false")
	}
	if err := s.Delete(ctx, "shop"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "shop"); err != nil {
		t.Errorf("second Delete: %v, want nil", err)
	}
	if has, _ := s.Has(ctx, "shop"); has {
		t.Error("Has after delete = true")
	}
}

func TestSaveRefusesInvalidCredentials(t *testing.T) {
	mem := newMem()
	s := NewWithBackend(mem, time.Second)
	bad := good
	bad.RefreshToken = "not-a-token"
	err := s.Save(context.Background(), "shop", bad)
	if !errors.Is(err, ErrInvalid) || mem.sets != 0 {
		t.Errorf("Save of invalid credentials: %v, %d writes; want ErrInvalid and nothing stored", err, mem.sets)
	}
	if err := s.Save(context.Background(), "", good); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty profile name: %v", err)
	}
}

func TestBlockedKeyringTimesOutAsLocked(t *testing.T) {
	b := blockingBackend{release: make(chan struct{})}
	t.Cleanup(func() { close(b.release) })
	s := NewWithBackend(b, 20*time.Millisecond)
	ctx := context.Background()
	checks := map[string]error{}
	_, checks["load"] = s.Load(ctx, "shop")
	checks["save"] = s.Save(ctx, "shop", good)
	checks["delete"] = s.Delete(ctx, "shop")
	_, checks["has"] = s.Has(ctx, "shop")
	for op, err := range checks {
		var ke *Error
		if !errors.Is(err, ErrLocked) || !errors.As(err, &ke) || ke.Timeout != 20*time.Millisecond {
			t.Errorf("%s on a blocked keyring: %v; want ErrLocked with the timeout", op, err)
			continue
		}
		if !strings.Contains(err.Error(), "did not answer within 0.02 s") || !strings.Contains(err.Error(), "unlock it and try again") {
			t.Errorf("%s: message %q does not tell the seller what to do", op, err)
		}
	}
}

func TestDefaultTimeoutMessage(t *testing.T) {
	e := &Error{Op: "load", Profile: "shop", Kind: ErrLocked, Timeout: DefaultTimeout}
	want := `secrets: load profile "shop": the keyring did not answer within 5 s; it may be locked: unlock it and try again`
	if e.Error() != want {
		t.Errorf("got  %q\nwant %q", e.Error(), want)
	}
}

func TestCanceledContextStopsWaiting(t *testing.T) {
	b := blockingBackend{release: make(chan struct{})}
	t.Cleanup(func() { close(b.release) })
	s := NewWithBackend(b, time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(10 * time.Millisecond); cancel() }()
	if _, err := s.Load(ctx, "shop"); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with canceled context: %v", err)
	}
	if err := s.Save(ctx, "shop", good); !errors.Is(err, context.Canceled) {
		t.Errorf("Save with canceled context: %v", err)
	}
}

func TestBackendErrorsAreClassified(t *testing.T) {
	tests := []struct {
		err  error
		want error
	}{
		{keyring.ErrNotFound, ErrNotFound},
		{keyring.ErrUnsupportedPlatform, ErrUnavailable},
		{errors.New("The name org.freedesktop.secrets was not provided by any .service files"), ErrUnavailable},
		{errors.New(`exec: "dbus-launch": executable file not found in $PATH`), ErrUnavailable},
		{errors.New("No such interface 'org.freedesktop.Secret.Collection' on object at path /org/freedesktop/secrets/collection/login"), ErrUnavailable},
		{errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), ErrLocked},
		{keyring.ErrSetDataTooBig, ErrTooBig},
	}
	for _, tt := range tests {
		mem := newMem()
		mem.err = tt.err
		_, err := NewWithBackend(mem, time.Second).Load(context.Background(), "shop")
		if !errors.Is(err, tt.want) {
			t.Errorf("backend error %q: got %v, want %v", tt.err, err, tt.want)
		}
	}
	mem := newMem()
	mem.err = errors.New("The name org.freedesktop.secrets was not provided by any .service files")
	_, err := NewWithBackend(mem, time.Second).Load(context.Background(), "shop")
	for _, want := range []string{"no keyring service", "gnome-keyring", "KeePassXC", "demo mode", "org.freedesktop.secrets"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("unavailable message %q lacks %q", err, want)
		}
	}
}

func TestCorruptEntry(t *testing.T) {
	mem := newMem()
	mem.m[Service+"\x00shop"] = "something else wrote this"
	_, err := NewWithBackend(mem, time.Second).Load(context.Background(), "shop")
	if !errors.Is(err, ErrCorrupt) || strings.Contains(err.Error(), "something else") {
		t.Errorf("corrupt entry: %v", err)
	}
}

// TestSecretsNeverLeak formats credentials and errors every way the app
// might log them and looks for any secret value in the output.
func TestSecretsNeverLeak(t *testing.T) {
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
		out = append(out, fmt.Sprintf(verb, good), fmt.Sprintf(verb, &good), fmt.Sprintf(verb, []Credentials{good}))
	}
	out = append(out, fmt.Sprint(good), fmt.Sprintln(good), good.String(), good.GoString(),
		fmt.Sprintf("%v", struct{ C Credentials }{good}), fmt.Sprintf("%+v", map[string]Credentials{"a": good}))
	j, err := json.Marshal(map[string]any{"creds": good})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, string(j))
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("loaded", "creds", good)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("loaded", "creds", good)
	out = append(out, logs.String())

	// A backend whose error text echoes what it was given.
	echo := newMem()
	echo.err = errors.New("write failed for " + encode(good))
	out = append(out, NewWithBackend(echo, time.Second).Save(context.Background(), "shop", good).Error())
	bad := good
	bad.ClientID = "amzn1.application-oa2-client.XYZ-secretish"
	bad.RefreshToken = "Atzr|with space"
	out = append(out, bad.Validate().Error())

	secrets := []string{good.ClientID, good.ClientSecret, good.RefreshToken, "0123456789abcdef", "IwEBIJ", "XYZ-secretish", "with space",
		fmt.Sprintf("%x", good.ClientSecret)[:20]}
	for _, o := range out {
		for _, s := range secrets {
			if strings.Contains(o, s) {
				t.Errorf("output %q contains a secret", o)
			}
		}
	}
	if !strings.Contains(fmt.Sprint(Credentials{ClientID: good.ClientID}), "ClientSecret:<empty>") {
		t.Errorf("redacted form should still tell set from empty: %v", Credentials{ClientID: good.ClientID})
	}
}

// TestRealKeyring talks to a real Secret Service; scripts/test-session.sh
// provides a private, unlocked gnome-keyring and sets SELLERMAIL_KEYRING_TEST.
func TestRealKeyring(t *testing.T) {
	if os.Getenv("SELLERMAIL_KEYRING_TEST") != "1" {
		t.Skip("set SELLERMAIL_KEYRING_TEST=1 with a Secret Service running (make test runs scripts/test-session.sh) to test the real keyring")
	}
	ctx := context.Background()
	s := New()
	profile := "test-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Cleanup(func() { s.Delete(ctx, profile) })
	if has, err := s.Has(ctx, profile); err != nil || has {
		t.Fatalf("Has on a fresh profile = %v, %v", has, err)
	}
	if err := s.Save(ctx, profile, good); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx, profile)
	if err != nil || got != good {
		t.Fatalf("Load from the real keyring: equal=%v, %v", got == good, err)
	}
	other := good
	other.RefreshToken = "Atzr|second-token"
	if err := s.Save(ctx, profile, other); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Load(ctx, profile); got != other {
		t.Error("Save did not replace the stored credentials")
	}
	if err := s.Delete(ctx, profile); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, profile); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after Delete: %v, want ErrNotFound", err)
	}
}
