package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestTokenEndpoint(t *testing.T) {
	e := start(t, Options{TokenLifetime: 10 * time.Minute})
	good := DefaultCredentials
	for _, tc := range []struct {
		name   string
		form   url.Values
		status int
		code   string
	}{
		{"good", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {good.RefreshToken}, "client_id": {good.ClientID}, "client_secret": {good.ClientSecret}}, 200, ""},
		{"bad secret", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {good.RefreshToken}, "client_id": {good.ClientID}, "client_secret": {"nope"}}, 401, "invalid_client"},
		{"bad client", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {good.RefreshToken}, "client_id": {"other"}, "client_secret": {good.ClientSecret}}, 401, "invalid_client"},
		{"bad refresh token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"Atzr|old"}, "client_id": {good.ClientID}, "client_secret": {good.ClientSecret}}, 400, "invalid_grant"},
		{"no refresh token", url.Values{"grant_type": {"refresh_token"}, "client_id": {good.ClientID}, "client_secret": {good.ClientSecret}}, 400, "invalid_request"},
		{"no grant", url.Values{"client_id": {good.ClientID}, "client_secret": {good.ClientSecret}}, 400, "invalid_request"},
		{"odd grant", url.Values{"grant_type": {"password"}, "client_id": {good.ClientID}, "client_secret": {good.ClientSecret}}, 400, "unsupported_grant_type"},
	} {
		res, body := e.postForm("/auth/o2/token", tc.form)
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
			continue
		}
		if tc.code != "" {
			var le lwaError
			mustJSON(t, body, &le)
			if le.Error != tc.code || le.Description == "" {
				t.Errorf("%s: %s", tc.name, body)
			}
			continue
		}
		var tok lwaToken
		mustJSON(t, body, &tok)
		if !strings.HasPrefix(tok.AccessToken, "Atza|") || tok.TokenType != "bearer" || tok.ExpiresIn != 600 || tok.RefreshToken != good.RefreshToken {
			t.Errorf("%s: %+v", tc.name, tok)
		}
	}
}

func TestTokenEndpointAcceptsJSON(t *testing.T) {
	e := start(t, Options{})
	cr := DefaultCredentials
	body := fmt.Sprintf(`{"grant_type":"refresh_token","refresh_token":%q,"client_id":%q,"client_secret":%q}`, cr.RefreshToken, cr.ClientID, cr.ClientSecret)
	res, err := http.Post(e.hs.URL+"/auth/o2/token", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if b := readAll(t, res); res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
}

func TestAccessTokenChecked(t *testing.T) {
	e := start(t, Options{TokenLifetime: time.Hour})
	path := "/sellers/v1/marketplaceParticipations"
	call := func(tok string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", e.hs.URL+path, nil)
		if tok != "" {
			req.Header.Set("x-amz-access-token", tok)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return res, readAll(t, res)
	}
	if res, body := call(""); res.StatusCode != 401 || errCode(t, body) != "Unauthorized" {
		t.Errorf("missing token: %d %s", res.StatusCode, body)
	}
	if res, body := call("Atza|made-up"); res.StatusCode != 403 || !strings.Contains(string(body), "invalid") {
		t.Errorf("unknown token: %d %s", res.StatusCode, body)
	}
	if res, _ := call(e.token); res.StatusCode != 200 {
		t.Errorf("fresh token: %d", res.StatusCode)
	}
	e.clock.Advance(59 * time.Minute)
	if res, _ := call(e.token); res.StatusCode != 200 {
		t.Errorf("token before expiry: %d", res.StatusCode)
	}
	e.clock.Advance(time.Minute)
	res, body := call(e.token)
	if res.StatusCode != 403 || !strings.Contains(string(body), "expired") || res.Header.Get("x-amzn-RequestId") == "" {
		t.Errorf("expired token: %d %s", res.StatusCode, body)
	}
	if res.Header.Get("x-amzn-RateLimit-Limit") != "" {
		t.Error("rate-limit header on an unauthenticated answer")
	}
}

func TestCredentialsNeverPrinted(t *testing.T) {
	for _, s := range []string{fmt.Sprintf("%v", DefaultCredentials), fmt.Sprintf("%+v", DefaultCredentials), fmt.Sprintf("%#v", DefaultCredentials), fmt.Sprintf("%v", Options{})} {
		if strings.Contains(s, DefaultCredentials.ClientSecret) || strings.Contains(s, DefaultCredentials.RefreshToken) {
			t.Errorf("secret printed: %s", s)
		}
	}
}
