package cli

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"sellermail/app"
	"sellermail/app/secrets"
)

// memKeyring is an in-memory secrets.Backend; fail, when set, is returned by every call.
type memKeyring struct {
	mu   sync.Mutex
	m    map[string]string
	fail error
}

func newMemKeyring() *memKeyring { return &memKeyring{m: map[string]string{}} }

func (k *memKeyring) Set(service, user, password string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != nil {
		return k.fail
	}
	k.m[service+"/"+user] = password
	return nil
}

func (k *memKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != nil {
		return "", k.fail
	}
	v, ok := k.m[service+"/"+user]
	if !ok {
		return "", secrets.ErrNotFound
	}
	return v, nil
}

func (k *memKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != nil {
		return k.fail
	}
	if _, ok := k.m[service+"/"+user]; !ok {
		return secrets.ErrNotFound
	}
	delete(k.m, service+"/"+user)
	return nil
}

func (k *memKeyring) len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.m)
}

// shop is a data directory, an environment and a keyring that several
// command runs share, the way a seller's machine does.
type shop struct {
	t       *testing.T
	env     map[string]string
	keyring *memKeyring
}

// The demo in tests: a small shop and clocks 1000 times faster, so Amazon's
// rate limits cost milliseconds.
const (
	testOrders    = 80
	testTimeScale = 1000
)

func newShop(t *testing.T) *shop {
	t.Helper()
	return &shop{t: t, keyring: newMemKeyring(), env: map[string]string{
		"SELLERMAIL_DATA_DIR": t.TempDir(),
		"LANG":                "C.UTF-8",
	}}
}

type result struct {
	code        int
	out, errOut string
}

// run runs one command line with stdin as standard input.
func (s *shop) run(stdin string, args ...string) result {
	s.t.Helper()
	ctx := withOptions(context.Background(), func(o *app.Options) {
		o.Keyring = secrets.NewWithBackend(s.keyring, time.Second)
		o.TimeScale = testTimeScale
		o.DemoOrders = testOrders
	})
	var out, errOut bytes.Buffer
	code := Main(ctx, args, IO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return s.env[k] }}, nil)
	return result{code, out.String(), errOut.String()}
}

// must runs args and fails the test unless the exit status is want.
func (s *shop) must(want int, args ...string) result {
	s.t.Helper()
	r := s.run("", args...)
	if r.code != want {
		s.t.Fatalf("sellermail %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, want, r.out, r.errOut)
	}
	return r
}
