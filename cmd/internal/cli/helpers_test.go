package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"sellermail/app"
	"sellermail/app/secrets"
	"sellermail/app/secrets/secretstest"
)

func newMemKeyring() *secretstest.Memory { return secretstest.NewMemory() }

// shop is a data directory, an environment and a keyring that several
// command runs share, the way a seller's machine does.
type shop struct {
	t       *testing.T
	env     map[string]string
	keyring *secretstest.Memory
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
	open := func(ctx context.Context, o app.Options) (*app.Service, error) {
		o.Keyring = secrets.NewWithBackend(s.keyring, time.Second)
		o.TimeScale = testTimeScale
		o.DemoOrders = testOrders
		return app.Open(ctx, o)
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, IO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return s.env[k] }}, nil, open)
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
