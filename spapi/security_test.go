package spapi

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestNewRefusesEndpointsThatCouldLeakSecrets(t *testing.T) {
	insecure := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	cases := map[string]Config{
		"plain http to Amazon":      {Endpoint: "http://sellingpartnerapi-eu.amazon.com"},
		"foreign host":              {Endpoint: "https://sellingpartnerapi-eu.amazon.com.evil.example"},
		"Amazon lookalike":          {Endpoint: "https://evil.example/sellingpartnerapi-eu.amazon.com"},
		"odd port":                  {Endpoint: "https://sellingpartnerapi-eu.amazon.com:8443"},
		"user info":                 {Endpoint: "https://user:pw@sellingpartnerapi-eu.amazon.com"},
		"loopback without opt-in":   {Endpoint: "http://127.0.0.1:8080"},
		"localhost without opt-in":  {Endpoint: "https://localhost:8443"},
		"foreign LWA":               {LWAEndpoint: "https://api.amazon.com.evil.example/auth/o2/token"},
		"LWA over http":             {LWAEndpoint: "http://api.amazon.com/auth/o2/token"},
		"SP-API host as LWA":        {LWAEndpoint: "https://sellingpartnerapi-eu.amazon.com/auth/o2/token"},
		"opt-in is loopback only":   {Endpoint: "http://192.168.1.10:8080", AllowInsecureLoopback: true},
		"TLS verification disabled": {HTTPClient: insecure},
	}
	for name, cfg := range cases {
		cfg.Region, cfg.Credentials = RegionEU, testCreds
		if _, err := New(cfg); !errors.Is(err, ErrInsecureEndpoint) {
			t.Errorf("%s: got %v, want ErrInsecureEndpoint", name, err)
		}
	}
	for _, ok := range []Config{
		{Region: RegionEU}, {Region: RegionFE, Sandbox: true},
		{Endpoint: "https://sandbox.sellingpartnerapi-na.amazon.com/"},
		{Endpoint: "http://127.0.0.1:9", LWAEndpoint: "http://[::1]:9/auth/o2/token", AllowInsecureLoopback: true},
	} {
		ok.Credentials = testCreds
		if _, err := New(ok); err != nil {
			t.Errorf("%+v refused: %v", ok, err)
		}
	}
	if _, err := New(Config{Region: "US", Credentials: testCreds}); err == nil {
		t.Error("unknown region accepted")
	}
	if _, err := New(Config{Region: RegionEU, Credentials: Credentials{ClientID: "x", ClientSecret: "y"}}); err == nil {
		t.Error("missing refresh token accepted")
	}
}

func TestRedirectsAreNotFollowedWithTheToken(t *testing.T) {
	var leaked atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("x-amz-access-token") != "" {
			leaked.Add(1)
		}
	}))
	defer other.Close()
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
	})
	_, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE)
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusTemporaryRedirect {
		t.Fatalf("got %v", err)
	}
	if leaked.Load() != 0 {
		t.Fatal("the access token followed a redirect")
	}
}

func TestUploadRefusesPlainHTTPStorage(t *testing.T) {
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		jsonReply(w, 201, map[string]any{"payload": map[string]any{"uploadDestinationId": "d", "url": "http://s3.example.com/put"}})
	})
	_, err := f.client().UploadAttachment(context.Background(), Upload{Resource: MessageResource(orderID, KindInvoice), MarketplaceID: mpDE, FileName: "a.pdf", Data: []byte("x")})
	if !errors.Is(err, ErrMalformedResponse) || len(f.requests()) != 1 {
		t.Fatalf("got %v after %d requests", err, len(f.requests()))
	}
}

// secretsIn reports which secret (or access token) text contains.
func secretsIn(text string, extra ...string) []string {
	var found []string
	for _, s := range append([]string{testCreds.ClientSecret, testCreds.RefreshToken,
		"S3CRET", "REFRESH-token", "amzn1.oa2-cs.v1.S3CRET%2Bsecret"}, extra...) {
		if strings.Contains(text, s) {
			found = append(found, s)
		}
	}
	return found
}

func TestSecretsNeverAppearInFormattedValues(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	cfg := Config{Region: RegionEU, Credentials: testCreds, Version: "1"}
	c := f.client()
	if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	type wrapper struct {
		Cfg  Config
		Cred *Credentials
		C    *Client
	}
	values := []any{testCreds, &testCreds, cfg, &cfg, c, wrapper{cfg, &testCreds, c}, []Credentials{testCreds},
		map[string]Config{"k": cfg}}
	for _, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
			out := fmt.Sprintf(verb, v)
			if leak := secretsIn(out, "Atza|access-1"); leak != nil {
				t.Errorf("%s of %T leaks %v: %s", verb, v, leak, out)
			}
		}
	}
	if out := fmt.Sprint(testCreds); !strings.Contains(out, testCreds.ClientID) || !strings.Contains(out, redacted) {
		t.Errorf("credentials print as %q; the ID should stay visible", out)
	}
}

func TestSecretsEchoedByAmazonAreRedactedFromErrors(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	f.lwa = func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		// Echo the secrets raw and form-encoded, as a misbehaving proxy might.
		rawReply(401, fmt.Sprintf(`{"error":"invalid_client","error_description":"bad secret %s for token %s in %s"}`,
			r.PostForm.Get("client_secret"), r.PostForm.Get("refresh_token"), strings.ReplaceAll(mustRead(r), `"`, "")))(w, r)
	}
	_, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE)
	var le *LWAError
	if !errors.As(err, &le) {
		t.Fatalf("got %v", err)
	}
	for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), le.Description, Explain(err, English)} {
		if leak := secretsIn(text); leak != nil {
			t.Errorf("error leaks %v: %s", leak, text)
		}
	}
	if !strings.Contains(le.Description, redacted) {
		t.Errorf("description %q shows no redaction", le.Description)
	}

	// A non-JSON LWA body that echoes the secret is redacted too.
	f2 := newFakeAmazon(t, attributesOK)
	f2.lwa = func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		http.Error(w, "<html>denied "+r.PostForm.Get("client_secret")+"</html>", 400)
	}
	_, err = f2.client().BuyerAttributes(context.Background(), orderID, mpDE)
	if leak := secretsIn(err.Error()); leak != nil || err == nil {
		t.Errorf("non-JSON LWA error leaks %v: %v", leak, err)
	}

	// An SP-API error echoing the access token is redacted.
	f3 := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		rawReply(400, `{"errors":[{"code":"InvalidInput","message":"token `+r.Header.Get("x-amz-access-token")+` rejected"}]}`)(w, r)
	})
	_, err = f3.client().BuyerAttributes(context.Background(), orderID, mpDE)
	if leak := secretsIn(fmt.Sprintf("%+v", err), "Atza|access-1"); leak != nil {
		t.Errorf("API error leaks %v: %v", leak, err)
	}
}

func mustRead(r *http.Request) string { return r.PostForm.Encode() }

func TestOversizedAnswersAreRefusedClearly(t *testing.T) {
	big := `{"buyer":{"locale":"` + strings.Repeat("x", 4096) + `"}}`
	f := newFakeAmazon(t, rawReply(200, big))
	_, err := f.client(func(c *Config) { c.MaxBodyBytes = 1024 }).BuyerAttributes(context.Background(), orderID, mpDE)
	var re *ResponseError
	if !errors.Is(err, ErrResponseTooLarge) || !errors.As(err, &re) || re.RequestID != "req-1" {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "1024") || !strings.Contains(Explain(err, German), "größer") {
		t.Errorf("unclear: %v / %s", err, Explain(err, German))
	}
	if len(f.requests()) != 1 {
		t.Errorf("an oversized answer was retried")
	}
}

func TestClippedErrorBodiesCannotLeakPartOfASecret(t *testing.T) {
	r := newRedactor(testCreds.ClientSecret, testCreds.RefreshToken)
	// The secret straddles the 300-byte clip point.
	body := []byte(strings.Repeat("x", 290) + testCreds.ClientSecret + strings.Repeat("y", 50))
	if e := decodeErrorBody(body, r); strings.Contains(e.Message, "amzn1.oa2") {
		t.Errorf("API error keeps part of the secret: %q", e.Message)
	}
	if e := decodeLWAError(400, body, "", r); strings.Contains(e.Description, "amzn1.oa2") {
		t.Errorf("LWA error keeps part of the secret: %q", e.Description)
	}
}

func TestUploadNetworkErrorHidesTheSignedURL(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	const token, signature = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN", "0123456789abcdefSIGNATURE"
	signed := "http://AKIDUSER:pw-secret@" + closed + "/bucket/dest-1?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
		"&X-Amz-Security-Token=" + token + "&X-Amz-Signature=" + signature
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		jsonReply(w, 201, map[string]any{"payload": map[string]any{"uploadDestinationId": "dest-1", "url": signed}})
	})
	data := []byte("%PDF-1.4")
	_, err = f.client().UploadAttachment(context.Background(), Upload{
		Resource: MessageResource(orderID, KindInvoice), MarketplaceID: mpDE, FileName: "a.pdf", ContentType: "application/pdf", Data: data,
	})
	if err == nil {
		t.Fatal("upload to a closed port succeeded")
	}
	for _, secret := range []string{token, signature, "pw-secret", "AKIDUSER", "X-Amz"} {
		if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v", err), secret) {
			t.Errorf("error %q reveals %q", err, secret)
		}
	}
	if !strings.Contains(err.Error(), closed+"/bucket/dest-1") {
		t.Errorf("error %q no longer says where the upload went", err)
	}
}
