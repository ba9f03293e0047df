package spapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Test credentials; the secrets are long and distinctive so a leak is found.
var testCreds = Credentials{
	ClientID:     "amzn1.application-oa2-client.testclient",
	ClientSecret: "amzn1.oa2-cs.v1.S3CRET+secret/with=chars",
	RefreshToken: "Atzr|IwEBIREFRESH-token+value/xyz",
}

// recorded is one request the fake Amazon received.
type recorded struct {
	Method, Path string
	Query        url.Values
	Header       http.Header
	Body         []byte
}

// fakeAmazon is a real HTTP server playing both the LWA token endpoint and
// the SP-API; each test installs the API behaviour it needs.
type fakeAmazon struct {
	t   testing.TB
	srv *httptest.Server

	lwaCalls  atomic.Int64
	expiresIn int64
	lwa       http.HandlerFunc // overrides the token endpoint when set

	mu   sync.Mutex
	api  http.HandlerFunc
	reqs []recorded
}

func newFakeAmazon(t testing.TB, api http.HandlerFunc) *fakeAmazon {
	t.Helper()
	// Lifetimes are divided by the clients' TimeScale (1e6): a token that
	// lives 300 days in Amazon's time lives 26 s in the test.
	f := &fakeAmazon{t: t, api: api, expiresIn: 300 * 86400}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAmazon) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/auth/o2/token" {
		f.serveToken(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.reqs = append(f.reqs, recorded{r.Method, r.URL.Path, r.URL.Query(), r.Header.Clone(), body})
	api := f.api
	f.mu.Unlock()
	w.Header().Set("x-amzn-RequestId", fmt.Sprintf("req-%d", len(f.requests())))
	if api == nil {
		http.NotFound(w, r)
		return
	}
	api(w, r)
}

func (f *fakeAmazon) serveToken(w http.ResponseWriter, r *http.Request) {
	n := f.lwaCalls.Add(1)
	if f.lwa != nil {
		f.lwa(w, r)
		return
	}
	if err := r.ParseForm(); err != nil || r.PostForm.Get("client_secret") != testCreds.ClientSecret {
		http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"access_token":"Atza|access-%d","token_type":"bearer","expires_in":%d,"refresh_token":%q}`,
		n, f.expiresIn, r.PostForm.Get("refresh_token"))
}

func (f *fakeAmazon) requests() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

func (f *fakeAmazon) setAPI(h http.HandlerFunc) {
	f.mu.Lock()
	f.api = h
	f.mu.Unlock()
}

// client returns a Client talking to the fake, with waits sped up so rate
// limits and backoff cost microseconds.
func (f *fakeAmazon) client(mod ...func(*Config)) *Client {
	f.t.Helper()
	cfg := Config{
		Region:                RegionEU,
		Credentials:           testCreds,
		Endpoint:              f.srv.URL,
		LWAEndpoint:           f.srv.URL + "/auth/o2/token",
		AllowInsecureLoopback: true,
		Version:               "1.2.3",
		TimeScale:             1e6,
	}
	for _, m := range mod {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		f.t.Fatalf("New: %v", err)
	}
	return c
}

// jsonReply writes v with a status.
func jsonReply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// rawReply writes a literal body with a status.
func rawReply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// fakeClock is a virtual clock: sleeping advances it instantly and is
// recorded, so waits can be checked exactly without timing anything.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.t = c.t.Add(d)
		c.slept = append(c.slept, d)
	}
	return nil
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func (c *fakeClock) sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// modelsDir is Amazon's models, shared next to the repository.
func modelsDir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(filepath.Dir(wd)), "shared", "spapi-models")
	if env := os.Getenv("SELLERMAIL_SPAPI_MODELS"); env != "" {
		dir = env
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("Amazon models not found at %s", dir)
	}
	return dir
}

// loadModel parses one model file.
func loadModel(t testing.TB, name string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(modelsDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// sandboxResponses returns the static sandbox answers for one operation and
// status, re-encoded as JSON.
func sandboxResponses(t testing.TB, model map[string]any, path, method, status string) [][]byte {
	t.Helper()
	op := dig(model, "paths", path, method).(map[string]any)
	resp, _ := dig(op, "responses", status).(map[string]any)
	var out [][]byte
	sb, _ := resp["x-amzn-api-sandbox"].(map[string]any)
	cases, _ := sb["static"].([]any)
	for _, c := range cases {
		body, err := json.Marshal(c.(map[string]any)["response"])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, body)
	}
	if ex, ok := resp["examples"].(map[string]any); ok {
		// Examples are usually keyed by media type, but some models put the
		// body there directly.
		byType := true
		for k := range ex {
			byType = byType && strings.Contains(k, "/")
		}
		if !byType {
			ex = map[string]any{"": ex}
		}
		for _, v := range ex {
			body, _ := json.Marshal(v)
			out = append(out, body)
		}
	}
	return out
}

// dig walks nested JSON objects.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
