package spapi

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"sellermail/spapi/sandbox"
)

// sandboxClock is the sandbox's clock, moved by the test.
type sandboxClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *sandboxClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *sandboxClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// startSandbox runs the demo sandbox on a loopback port with its own clock
// and returns a client for it.
func startSandbox(t *testing.T, clk *sandboxClock, mod ...func(*Config)) (*sandbox.Server, *Client) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Now: clk.now, Seed: 7, Orders: 20})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	cr := sandbox.DefaultCredentials
	cfg := Config{
		Region:                RegionEU,
		Credentials:           Credentials{ClientID: cr.ClientID, ClientSecret: cr.ClientSecret, RefreshToken: cr.RefreshToken},
		Endpoint:              srv.URL(),
		LWAEndpoint:           srv.URL() + "/auth/o2/token",
		AllowInsecureLoopback: true,
		MaxRetries:            -1,
	}
	for _, m := range mod {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// Amazon's clock decides expiry; when it says the token expired although
// Sellermail's clock disagrees, the client fetches a new token and the call
// succeeds. Amazon words this in details under a generic message.
func TestTokenExpiredAtAmazonIsRefreshedAndRetried(t *testing.T) {
	clk := &sandboxClock{t: time.Now()}
	_, c := startSandbox(t, clk)
	if _, err := c.MarketplaceParticipations(context.Background()); err != nil {
		t.Fatal(err)
	}
	clk.advance(2 * time.Hour) // only Amazon's clock: the client still trusts its token
	if _, err := c.MarketplaceParticipations(context.Background()); err != nil {
		t.Fatalf("after Amazon expired the token: %v (%s)", err, Explain(err, English))
	}
}

// withMonotonic returns wall with mono's monotonic reading: the time a
// laptop reports after sleeping d, when Go's monotonic clock stood still.
func withMonotonic(wall, mono time.Time) time.Time {
	type timeLayout struct {
		wall uint64
		ext  int64
		loc  *time.Location
	}
	(*timeLayout)(unsafe.Pointer(&wall)).ext = (*timeLayout)(unsafe.Pointer(&mono)).ext
	return wall
}

// sleepingClock reports times with a monotonic reading, like time.Now, and
// can simulate a laptop's sleep: the wall clock jumps, the monotonic one
// does not.
type sleepingClock struct {
	mu    sync.Mutex
	start time.Time
	t     time.Time
}

func (c *sleepingClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *sleepingClock) sleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

func (c *sleepingClock) sleepFor(d time.Duration) {
	c.mu.Lock()
	c.t = withMonotonic(c.t.Add(d), c.start)
	c.mu.Unlock()
}

func TestTokenExpiryUsesTheWallClockAcrossSleep(t *testing.T) {
	start := time.Now()
	if !strings.Contains(start.String(), "m=") {
		t.Skip("no monotonic clock on this platform")
	}
	f := newFakeAmazon(t, attributesOK)
	f.expiresIn = 3600
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	clk := &sleepingClock{start: start, t: start}
	c.setClock(clk)
	if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	clk.sleepFor(2 * time.Hour)
	if !clk.now().After(start.Round(0).Add(time.Hour)) || clk.now().Sub(start) != 0 {
		t.Fatalf("the simulated wake is wrong: %v", clk.now())
	}
	if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if n := f.lwaCalls.Load(); n != 2 {
		t.Fatalf("%d token exchanges after a two-hour sleep, want 2 (a fresh token)", n)
	}
	if got := reqs[len(reqs)-1].Header.Get("x-amz-access-token"); got != "Atza|access-2" {
		t.Fatalf("the token from before the sleep was used: %q", got)
	}
}

// Amazon's 403s are told apart by details and code, each with its next
// step, in both languages; the bodies are Amazon's own (the sandbox's token
// answers, the storage service's XML, published reports).
func TestForbiddenAnswersAreToldApart(t *testing.T) {
	denied := "Access to requested resource is denied."
	cases := []struct {
		name, body string
		reason     Reason
		en, de     string
	}{
		{"expired token", errBody("Unauthorized", denied, "The access token you provided has expired."), ReasonTokenExpired, "Nothing is needed from you", "Sie müssen nichts tun"},
		{"revoked token", errBody("Unauthorized", denied, "The access token you provided is revoked, malformed or invalid."), ReasonAuthorizationDenied, "Log in again", "erneut an"},
		{"wrong region", errBody("InvalidInput", denied, "Marketplace ATVPDKIKX0DER is not valid for region eu-west-1."), ReasonWrongRegion, "right region", "richtige Region"},
		{"missing authentication token", errBody("MissingAuthenticationToken", denied, ""), ReasonMissingAuth, "region may be set wrongly", "Region des Verkäufers falsch"},
		{"no role", errBody("Unauthorized", denied, ""), ReasonNoRole, "lacks the required role", "fehlt die nötige Rolle"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAmazon(t, rawReply(403, tc.body))
			_, err := f.client(func(c *Config) { c.MaxRetries = -1 }).BuyerAttributes(context.Background(), orderID, mpDE)
			var ae *APIError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v", err)
			}
			if ae.Reason() != tc.reason {
				t.Errorf("reason %q, want %q", ae.Reason(), tc.reason)
			}
			if en := Explain(err, English); !strings.Contains(en, tc.en) {
				t.Errorf("English %q lacks %q", en, tc.en)
			}
			if de := Explain(err, German); !strings.Contains(de, tc.de) {
				t.Errorf("German %q lacks %q", de, tc.de)
			}
		})
	}
}

func errBody(code, msg, details string) string {
	return fmt.Sprintf(`{"errors":[{"code":%q,"message":%q,"details":%q}]}`, code, msg, details)
}

// The storage service's answer to an upload link used too late reaches its
// own explanation, through the real client against the sandbox.
func TestExpiredUploadLinkIsExplained(t *testing.T) {
	clk := &sandboxClock{t: time.Now()}
	_, c := startSandbox(t, clk)
	d, err := c.CreateUploadDestination(context.Background(), MessageResource("123-1234567-1234567", KindInvoice), mpDE, ContentMD5([]byte("x")), "text/plain")
	if err != nil {
		t.Fatal(err)
	}
	clk.advance(20 * time.Minute)
	err = c.putFile(context.Background(), d, ContentMD5([]byte("x")), "text/plain", []byte("x"))
	var ae *APIError
	if !errors.As(err, &ae) || ae.Reason() != ReasonUploadLinkExpired {
		t.Fatalf("got %v", err)
	}
	if en := Explain(err, English); !strings.Contains(en, "upload link from Amazon expired") {
		t.Errorf("English %q", en)
	}
	if de := Explain(err, German); !strings.Contains(de, "Upload-Link") {
		t.Errorf("German %q", de)
	}
}

// Every reason has its own text: none is shadowed by a more general one.
func TestEveryReasonIsReachable(t *testing.T) {
	answers := []*APIError{
		{StatusCode: 403, Message: "Invalid amazonOrderId and template combination."},
		{StatusCode: 403, Message: "The requested solicitation is not available for this amazonOrderId."},
		{StatusCode: 403, Code: "MissingAuthenticationToken", Message: "Access to requested resource is denied."},
		{StatusCode: 403, Code: "AccessDenied", Message: "Request has expired", Operation: "uploadFile"},
		{StatusCode: 403, Code: "Unauthorized", Message: "Access to requested resource is denied.", Details: "The access token you provided has expired."},
		{StatusCode: 403, Code: "Unauthorized", Message: "Access to requested resource is denied.", Details: "The access token you provided is revoked, malformed or invalid."},
		{StatusCode: 400, Code: "InvalidInput", Message: "Invalid Input", Details: "Marketplace A1PA6795UKMFR9 is not valid for region us-east-1."},
		{StatusCode: 403, Code: "Unauthorized", Message: "Access to requested resource is denied."},
		{StatusCode: 400, Code: "InvalidDigest", Message: "The Content-MD5 you specified was invalid."},
		{StatusCode: 429, Code: "QuotaExceeded", Message: "You exceeded your quota for the requested resource."},
		{StatusCode: 404, Code: "NotFound", Message: "The resource specified does not exist.", Operation: "getOrder"},
		{StatusCode: 403, Code: "SignatureDoesNotMatch", Message: "The request signature we calculated does not match the signature you provided."},
		{StatusCode: 413, Code: "RequestEntityTooLarge", Message: "The request size exceeded."},
		{StatusCode: 415, Code: "UnsupportedMediaType", Message: "Unsupported media type."},
		{StatusCode: 503, Code: "ServiceUnavailable", Message: "Service temporarily unavailable."},
		{StatusCode: 400, Code: "InvalidInput", Message: "Invalid Input"},
	}
	seen := map[Reason]bool{}
	texts := map[string]Reason{}
	for _, a := range answers {
		r := a.Reason()
		if seen[r] {
			t.Errorf("%q: reason %q given twice", a.Message, r)
		}
		seen[r] = true
		for _, lang := range []Lang{English, German} {
			text := a.Explain(lang)
			if other, dup := texts[text]; dup {
				t.Errorf("%s and %s share the text %q", r, other, text)
			}
			texts[text] = r
		}
	}
}

// Amazon's model examples for the error statuses get a text that names the
// problem (and, where generic, carries Amazon's words).
func TestModelErrorExamplesAreExplained(t *testing.T) {
	model := loadModel(t, "messaging.json")
	for _, body := range sandboxResponses(t, model, "/messaging/v1/orders/{amazonOrderId}/attributes", "get", "400") {
		f := newFakeAmazon(t, rawReply(400, string(body)))
		_, err := f.client(func(c *Config) { c.MaxRetries = -1 }).BuyerAttributes(context.Background(), orderID, mpDE)
		var ae *APIError
		if !errors.As(err, &ae) {
			t.Fatalf("got %v", err)
		}
		en := Explain(err, English)
		if ae.Message != "" && !strings.Contains(en, ae.Message) {
			t.Errorf("%s: explanation %q drops Amazon's message %q", body, en, ae.Message)
		}
	}
}

// A 404 says what was not found: the order, the seller account, or the
// upload destination.
func TestNotFoundSaysWhatWasNotFound(t *testing.T) {
	nf := errBody("NotFound", "The resource specified does not exist.", "")
	f := newFakeAmazon(t, rawReply(404, nf))
	c := f.client(func(c *Config) { c.MaxRetries = -1 })
	_, err := c.MarketplaceParticipations(context.Background())
	if en := Explain(err, English); !strings.Contains(en, "seller account") || strings.Contains(en, "order") {
		t.Errorf("sellers: %q", en)
	}
	_, err = c.CreateUploadDestination(context.Background(), MessageResource(orderID, KindInvoice), mpDE, ContentMD5([]byte("x")), "text/plain")
	if en := Explain(err, English); !strings.Contains(en, "upload destination") {
		t.Errorf("uploads: %q", en)
	}
	_, err = c.BuyerAttributes(context.Background(), orderID, mpDE)
	if en := Explain(err, English); !strings.Contains(en, "this order") {
		t.Errorf("messaging: %q", en)
	}
	if de := Explain(err, German); !strings.Contains(de, "Bestellung") {
		t.Errorf("messaging German: %q", de)
	}
}

// The generic refusal keeps Amazon's details, redacted and clipped.
func TestFallbackKeepsDetailsRedactedAndClipped(t *testing.T) {
	details := "Field 'text' is invalid near " + testCreds.RefreshToken + strings.Repeat(" and more", 100)
	f := newFakeAmazon(t, rawReply(400, errBody("InvalidInput", "Invalid Input", details)))
	_, err := f.client(func(c *Config) { c.MaxRetries = -1 }).BuyerAttributes(context.Background(), orderID, mpDE)
	for _, lang := range []Lang{English, German} {
		text := Explain(err, lang)
		if !strings.Contains(text, "Invalid Input") || !strings.Contains(text, "Field 'text' is invalid") {
			t.Errorf("%s: %q lacks Amazon's details", lang, text)
		}
		if strings.Contains(text, testCreds.RefreshToken) || strings.Contains(text, "IwEBIREFRESH") {
			t.Errorf("%s: %q shows the refresh token", lang, text)
		}
		if len(text) > 2*maxErrorText+200 {
			t.Errorf("%s: %d bytes, not clipped", lang, len(text))
		}
	}
}

// A marketplace of another region is refused before anything is sent, and
// the endpoint decides the region.
func TestClientKnowsTheRegionOfAmazonsHost(t *testing.T) {
	c, err := New(Config{Region: RegionNA, Credentials: testCreds})
	if err != nil {
		t.Fatal(err)
	}
	if c.hostRegion != RegionNA {
		t.Fatalf("host region %q", c.hostRegion)
	}
	var ve *ValidationError
	if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); !errors.As(err, &ve) {
		t.Fatalf("a German marketplace went to the North American host: %v", err)
	}
}

// A marketplace of another region is refused before anything is sent.
func TestMarketplaceOfAnotherRegionIsRefusedBeforeSending(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	c := f.client()
	c.hostRegion = RegionEU                                                     // as if talking to Amazon's EU host
	_, err := c.BuyerAttributes(context.Background(), orderID, "ATVPDKIKX0DER") // US
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "marketplaceID" {
		t.Fatalf("got %v", err)
	}
	if en := Explain(err, English); !strings.Contains(en, "North America") || !strings.Contains(en, "Settings") {
		t.Errorf("English %q", en)
	}
	if de := Explain(err, German); !strings.Contains(de, "Nordamerika") {
		t.Errorf("German %q", de)
	}
	if _, err := c.SearchOrders(context.Background(), SearchOrdersQuery{MarketplaceIDs: []string{mpDE, "ATVPDKIKX0DER"}, CreatedAfter: time.Now().Add(-time.Hour)}); !errors.As(err, &ve) {
		t.Fatalf("searchOrders: %v", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Fatalf("%d requests reached Amazon", n)
	}
}
