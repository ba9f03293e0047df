package spapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func attributesOK(w http.ResponseWriter, _ *http.Request) {
	jsonReply(w, 200, map[string]any{"buyer": map[string]any{"locale": "de-DE"}})
}

func TestTokenIsFetchedOnceForConcurrentCallers(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	c := f.client()
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			if _, err := c.BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := f.lwaCalls.Load(); n != 1 {
		t.Fatalf("token endpoint called %d times, want 1", n)
	}
	for _, r := range f.requests() {
		if got := r.Header.Get("x-amz-access-token"); got != "Atza|access-1" {
			t.Fatalf("access token header %q", got)
		}
	}
}

func TestTokenRequestIsTheDocumentedForm(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	var form map[string]string
	var ctype string
	f.lwa = func(w http.ResponseWriter, r *http.Request) {
		ctype = r.Header.Get("Content-Type")
		_ = r.ParseForm()
		form = map[string]string{}
		for k := range r.PostForm {
			form[k] = r.PostForm.Get(k)
		}
		if r.Method != http.MethodPost {
			t.Errorf("method %s", r.Method)
		}
		jsonReply(w, 200, map[string]any{"access_token": "Atza|x", "token_type": "bearer", "expires_in": 3600})
	}
	if _, err := f.client().BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ctype, "application/x-www-form-urlencoded") {
		t.Errorf("content type %q", ctype)
	}
	want := map[string]string{"grant_type": "refresh_token", "refresh_token": testCreds.RefreshToken,
		"client_id": testCreds.ClientID, "client_secret": testCreds.ClientSecret}
	if len(form) != len(want) {
		t.Errorf("form has %d fields, want %d", len(form), len(want))
	}
	for k, v := range want {
		if form[k] != v {
			t.Errorf("form %s = %q, want %q", k, form[k], v)
		}
	}
}

func TestTokenIsRefreshedAboutAMinuteBeforeExpiry(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	f.expiresIn = 3600
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	clk := newFakeClock()
	c.setClock(clk)
	get := func() {
		t.Helper()
		if _, err := c.BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9"); err != nil {
			t.Fatal(err)
		}
	}
	get()
	clk.advance(3600*time.Second - 61*time.Second)
	get()
	if n := f.lwaCalls.Load(); n != 1 {
		t.Fatalf("token refreshed too early: %d exchanges", n)
	}
	clk.advance(2 * time.Second)
	get()
	if n := f.lwaCalls.Load(); n != 2 {
		t.Fatalf("token not refreshed within the last minute: %d exchanges", n)
	}
	reqs := f.requests()
	if got := reqs[len(reqs)-1].Header.Get("x-amz-access-token"); got != "Atza|access-2" {
		t.Fatalf("new token not used: %q", got)
	}
}

func TestExpiredTokenAnswerFetchesANewTokenOnce(t *testing.T) {
	calls := 0
	f := newFakeAmazon(t, nil)
	f.setAPI(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if r.Header.Get("x-amz-access-token") == "Atza|access-1" {
			rawReply(403, `{"errors":[{"code":"Unauthorized","message":"The access token you provided has expired."}]}`)(w, r)
			return
		}
		attributesOK(w, r)
	})
	if _, err := f.client().BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9"); err != nil {
		t.Fatal(err)
	}
	if f.lwaCalls.Load() != 2 || calls != 2 {
		t.Fatalf("exchanges %d, API calls %d; want 2 and 2", f.lwaCalls.Load(), calls)
	}
}

func TestLWAErrorsAreTypedAndExplained(t *testing.T) {
	cases := []struct {
		code   string
		en, de string
	}{
		{LWAInvalidClient, "180 days", "180 Tage"},
		{LWAInvalidGrant, "revoked", "widerrufen"},
		{LWAUnauthorizedClient, "authorization", "Autorisierung"},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			f := newFakeAmazon(t, attributesOK)
			f.lwa = rawReply(400, `{"error":"`+tc.code+`","error_description":"The request has an invalid parameter"}`)
			_, err := f.client().BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9")
			var le *LWAError
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T) is not *LWAError", err, err)
			}
			if le.Code != tc.code || le.StatusCode != 400 {
				t.Errorf("code %q status %d", le.Code, le.StatusCode)
			}
			if !strings.Contains(le.Explain(English), tc.en) || !strings.Contains(Explain(err, German), tc.de) {
				t.Errorf("explanations miss %q/%q:\n%s\n%s", tc.en, tc.de, le.Explain(English), le.Explain(German))
			}
			if len(f.requests()) != 0 {
				t.Error("SP-API was called without a token")
			}
			if f.lwaCalls.Load() != 1 {
				t.Errorf("a refused login was retried %d times", f.lwaCalls.Load()-1)
			}
		})
	}
}

func TestLWAServerErrorIsRetried(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	f.lwa = func(w http.ResponseWriter, r *http.Request) {
		if f.lwaCalls.Load() < 3 {
			rawReply(503, `{"error":"temporarily_unavailable"}`)(w, r)
			return
		}
		jsonReply(w, 200, map[string]any{"access_token": "Atza|late", "token_type": "bearer", "expires_in": 3600})
	}
	if _, err := f.client().BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9"); err != nil {
		t.Fatal(err)
	}
	if f.lwaCalls.Load() != 3 {
		t.Fatalf("%d exchanges, want 3", f.lwaCalls.Load())
	}
}

func TestMalformedTokenAnswerIsAnError(t *testing.T) {
	for _, body := range []string{`{"token_type":"bearer","expires_in":3600}`, `{"access_token":"x","expires_in":-5}`, `not json`, `{"access_token":"x","token_type":"mac","expires_in":60}`} {
		f := newFakeAmazon(t, attributesOK)
		f.lwa = rawReply(200, body)
		_, err := f.client().BuyerAttributes(context.Background(), "123-1234567-1234567", "A1PA6795UKMFR9")
		if !errors.Is(err, ErrMalformedResponse) {
			t.Errorf("%s: got %v", body, err)
		}
	}
}
