package spapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// LWA error codes Amazon's token endpoint returns in its "error" field.
const (
	LWAInvalidClient          = "invalid_client"
	LWAInvalidGrant           = "invalid_grant"
	LWAInvalidRequest         = "invalid_request"
	LWAInvalidScope           = "invalid_scope"
	LWAUnauthorizedClient     = "unauthorized_client"
	LWAAccessDenied           = "access_denied"
	LWAServerError            = "server_error"
	LWATemporarilyUnavailable = "temporarily_unavailable"
)

// LWAError is a refused Login with Amazon token exchange.
type LWAError struct {
	StatusCode  int
	Code        string // one of the LWA* constants, or "" if the body had none
	Description string // Amazon's error_description, secrets redacted
	RequestID   string
}

// Error gives status, LWA code and the (redacted) description.
func (e *LWAError) Error() string {
	msg := fmt.Sprintf("spapi: login with amazon: HTTP %d", e.StatusCode)
	if e.Code != "" {
		msg += " " + e.Code
	}
	if e.Description != "" {
		msg += ": " + e.Description
	}
	if e.RequestID != "" {
		msg += " [request ID " + e.RequestID + "]"
	}
	return msg
}

// Explain says what the seller has to do about a failed login.
func (e *LWAError) Explain(lang Lang) string {
	switch e.Code {
	case LWAInvalidClient:
		return lang.pick("Amazon did not accept the app's client ID or client secret. The client secret may have expired: Amazon requires it to be rotated every 180 days in the Developer Console. Otherwise it was mistyped.",
			"Amazon hat die Client-ID oder das Client-Secret der App nicht akzeptiert. Das Client-Secret ist vielleicht abgelaufen: Amazon verlangt, es alle 180 Tage in der Developer Console zu erneuern. Sonst wurde es falsch eingegeben.")
	case LWAInvalidGrant:
		return lang.pick("Amazon did not accept the refresh token: it was revoked (the app's authorization was removed in Seller Central) or mistyped. Authorize the app again and enter the new refresh token.",
			"Amazon hat das Refresh-Token nicht akzeptiert: Es wurde widerrufen (die Autorisierung der App in Seller Central entfernt) oder falsch eingegeben. Autorisieren Sie die App erneut und geben Sie das neue Refresh-Token ein.")
	case LWAUnauthorizedClient, LWAAccessDenied:
		return lang.pick("Amazon does not allow this app to log in for this seller. Check the app's authorization in Seller Central.",
			"Amazon erlaubt dieser App nicht, sich für diesen Verkäufer anzumelden. Prüfen Sie die Autorisierung der App in Seller Central.")
	case LWAServerError, LWATemporarilyUnavailable:
		return lang.pick("Amazon's login service has a temporary problem. Please try again later.",
			"Der Anmeldedienst von Amazon hat ein vorübergehendes Problem. Bitte später erneut versuchen.")
	}
	if e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500 {
		return lang.pick("Amazon's login service has a temporary problem. Please try again later.",
			"Der Anmeldedienst von Amazon hat ein vorübergehendes Problem. Bitte später erneut versuchen.")
	}
	return lang.pick("Amazon refused the login: "+e.Description+". Check the client ID, client secret and refresh token.",
		"Amazon hat die Anmeldung abgelehnt: "+e.Description+". Prüfen Sie Client-ID, Client-Secret und Refresh-Token.")
}

// lwaToken is the token endpoint's success answer.
type lwaToken struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
}

// decodeLWAToken parses a success answer and checks it is usable.
func decodeLWAToken(body []byte) (lwaToken, error) {
	var t lwaToken
	if err := json.Unmarshal(body, &t); err != nil {
		return lwaToken{}, fmt.Errorf("%w: token answer: %v", ErrMalformedResponse, err)
	}
	if t.AccessToken == "" {
		return lwaToken{}, fmt.Errorf("%w: token answer has no access_token", ErrMalformedResponse)
	}
	if t.TokenType != "" && !strings.EqualFold(t.TokenType, "bearer") {
		return lwaToken{}, fmt.Errorf("%w: token type %q, want bearer", ErrMalformedResponse, t.TokenType)
	}
	if t.ExpiresIn <= 0 || t.ExpiresIn > 86400*365 {
		return lwaToken{}, fmt.Errorf("%w: token lifetime %d s is not plausible", ErrMalformedResponse, t.ExpiresIn)
	}
	return t, nil
}

// decodeLWAError turns a refusal into an *LWAError; any body is accepted.
func decodeLWAError(status int, body []byte, requestID string, r *redactor) *LWAError {
	var b struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	e := &LWAError{StatusCode: status, RequestID: requestID}
	if json.Unmarshal(body, &b) == nil {
		e.Code = r.redact(b.Error)
		e.Description = r.redact(b.Description)
	}
	if e.Code == "" && e.Description == "" {
		e.Description = clip(r.redact(strings.ToValidUTF8(strings.TrimSpace(string(body)), "\uFFFD")), 300)
	}
	return e
}

// clip shortens s to at most n bytes without splitting a UTF-8 sequence.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// lwaBodyLimit bounds the token endpoint's answer; a real one is ~1.5 KiB.
const lwaBodyLimit = 64 << 10

// tokenSource caches one access token for one credential set and makes
// concurrent callers share a single refresh.
type tokenSource struct {
	c        *Client
	endpoint string
	form     string // the encoded refresh request; contains secrets

	mu       sync.Mutex
	token    string
	validTil time.Time // real time; already includes the early-refresh margin
	inflight *refresh
}

// refresh is one token exchange in progress.
type refresh struct {
	done  chan struct{}
	token string
	err   error
}

// refreshMargin renews a token this long (Amazon time) before it expires,
// like Amazon's own clients.
const refreshMargin = 60 * time.Second

// get returns a valid access token, fetching one if needed.
func (ts *tokenSource) get(ctx context.Context) (string, error) {
	ts.mu.Lock()
	if ts.token != "" && ts.wallNow().Before(ts.validTil) {
		t := ts.token
		ts.mu.Unlock()
		return t, nil
	}
	r := ts.inflight
	if r == nil {
		r = &refresh{done: make(chan struct{})}
		ts.inflight = r
		// The exchange outlives the first caller's cancellation so the
		// others waiting on it still get a token.
		go ts.run(context.WithoutCancel(ctx), r)
	}
	ts.mu.Unlock()
	select {
	case <-r.done:
		return r.token, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// invalidate drops the cached token, e.g. after Amazon called it expired.
func (ts *tokenSource) invalidate(token string) {
	ts.mu.Lock()
	if ts.token == token {
		ts.token = ""
	}
	ts.mu.Unlock()
}

// wallNow is the current wall-clock time without Go's monotonic reading.
// Amazon's expiry is wall-clock time, and the monotonic clock stands still
// while some laptops sleep: compared on it, a token would look valid for
// hours after a wake.
func (ts *tokenSource) wallNow() time.Time { return ts.c.clock.now().Round(0) }

func (ts *tokenSource) run(ctx context.Context, r *refresh) {
	ctx, cancel := context.WithTimeout(ctx, defaultTimeout)
	defer cancel()
	tok, err := ts.exchange(ctx)
	ts.mu.Lock()
	if err == nil {
		ts.c.redact.addToken(tok.AccessToken)
		life := time.Duration(tok.ExpiresIn) * time.Second
		margin := min(refreshMargin, life/2)
		ts.token = tok.AccessToken
		ts.validTil = ts.wallNow().Add(ts.c.scaled(life - margin))
		r.token = tok.AccessToken
	}
	r.err = err
	ts.inflight = nil
	ts.mu.Unlock()
	close(r.done)
}

// exchange posts the refresh token, retrying throttling, server errors and
// network failures a few times (the exchange changes nothing at Amazon).
func (ts *tokenSource) exchange(ctx context.Context) (lwaToken, error) {
	var lastErr error
	for attempt := 0; attempt <= min(ts.c.maxRetries, 3); attempt++ {
		if attempt > 0 {
			if err := ts.c.clock.sleep(ctx, ts.c.scaled(backoff(attempt))); err != nil {
				return lwaToken{}, err
			}
		}
		tok, retry, err := ts.once(ctx)
		if err == nil {
			return tok, nil
		}
		lastErr = err
		if !retry || ctx.Err() != nil {
			break
		}
	}
	return lwaToken{}, lastErr
}

func (ts *tokenSource) once(ctx context.Context) (tok lwaToken, retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ts.endpoint, strings.NewReader(ts.form))
	if err != nil {
		return lwaToken{}, false, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
	req.Header.Set("User-Agent", ts.c.userAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := ts.c.http.Do(req)
	if err != nil {
		return lwaToken{}, true, fmt.Errorf("spapi: login with amazon: %w", err)
	}
	defer resp.Body.Close()
	reqID := requestID(resp.Header)
	body, err := io.ReadAll(io.LimitReader(resp.Body, lwaBodyLimit+1))
	if err != nil {
		return lwaToken{}, true, fmt.Errorf("spapi: login with amazon: reading answer: %w", err)
	}
	if len(body) > lwaBodyLimit {
		return lwaToken{}, false, &ResponseError{Operation: "lwaToken", StatusCode: resp.StatusCode, RequestID: reqID,
			Err: fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, lwaBodyLimit)}
	}
	if resp.StatusCode != http.StatusOK {
		e := decodeLWAError(resp.StatusCode, body, reqID, ts.c.redact)
		return lwaToken{}, resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500, e
	}
	tok, err = decodeLWAToken(body)
	if err != nil {
		return lwaToken{}, false, &ResponseError{Operation: "lwaToken", StatusCode: resp.StatusCode, RequestID: reqID, Err: err}
	}
	return tok, false, nil
}

// lwaForm encodes the documented refresh-token request.
func lwaForm(c Credentials) string {
	return url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {c.RefreshToken},
		"client_id":     {c.ClientID},
		"client_secret": {c.ClientSecret},
	}.Encode()
}

// errNoCredentials is returned by New for incomplete credentials.
var errNoCredentials = errors.New("spapi: credentials need a client ID, client secret and refresh token")
