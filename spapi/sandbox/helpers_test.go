package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixedNow is the demo clock of the tests.
var fixedNow = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)

// clock is a settable clock for Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a running server plus an access token for it.
type env struct {
	t     *testing.T
	srv   *Server
	hs    *httptest.Server
	clock *clock
	token string
}

func modelsDir(t testing.TB) string {
	t.Helper()
	d, err := FindModelsDir(".")
	if err != nil {
		t.Fatalf("models directory: %v", err)
	}
	return d
}

// start runs a server with opts over real HTTP; TimeScale defaults to a
// large value so that rate limits do not get in the way unless a test wants them.
func start(t *testing.T, opts Options) *env {
	t.Helper()
	c := newClock(fixedNow)
	if opts.Now == nil {
		opts.Now = c.Now
	}
	if opts.TimeScale == 0 {
		opts.TimeScale = 1e6
	}
	if opts.Seed == 0 {
		opts.Seed = 42
	}
	s := New(opts)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	e := &env{t: t, srv: s, hs: hs, clock: c}
	e.token = e.fetchToken(DefaultCredentials)
	return e
}

func (e *env) fetchToken(cr Credentials) string {
	e.t.Helper()
	res, body := e.postForm("/auth/o2/token", url.Values{
		"grant_type": {"refresh_token"}, "refresh_token": {cr.RefreshToken},
		"client_id": {cr.ClientID}, "client_secret": {cr.ClientSecret},
	})
	if res.StatusCode != 200 {
		e.t.Fatalf("token: %d %s", res.StatusCode, body)
	}
	var tok lwaToken
	mustJSON(e.t, body, &tok)
	return tok.AccessToken
}

func (e *env) postForm(path string, form url.Values) (*http.Response, []byte) {
	e.t.Helper()
	res, err := http.Post(e.hs.URL+path, "application/x-www-form-urlencoded;charset=UTF-8", strings.NewReader(form.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	return res, readAll(e.t, res)
}

// do sends an SP-API request with the env's token.
func (e *env) do(method, path string, body string) (*http.Response, []byte) {
	e.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.hs.URL+path, r)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("x-amz-access-token", e.token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return res, readAll(e.t, res)
}

func readAll(t testing.TB, res *http.Response) []byte {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustJSON(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
}

// errCode returns the first error code of an Amazon error body.
func errCode(t testing.TB, b []byte) string {
	t.Helper()
	var el errorList
	mustJSON(t, b, &el)
	if len(el.Errors) == 0 {
		t.Fatalf("no errors in %s", b)
	}
	return el.Errors[0].Code
}

// findOrder returns the first demo order satisfying ok.
func (e *env) findOrder(ok func(*demoOrder) bool) *demoOrder {
	e.t.Helper()
	for _, o := range e.srv.demo.orders {
		if ok(o) {
			return o
		}
	}
	e.t.Fatal("no demo order fits")
	return nil
}

func msgPath(o *demoOrder, suffix string) string {
	return "/messaging/v1/orders/" + o.id + suffix + "?marketplaceIds=" + o.m.ID
}
