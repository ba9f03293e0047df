package spapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

// Client calls the SP-API for one seller authorization in one region. It is
// safe for concurrent use; create one per credential set and share it.
type Client struct {
	region     Region
	base       *url.URL
	http       *http.Client
	userAgent  string
	timeScale  float64
	maxBody    int64
	maxRetries int
	clock      clock
	redact     *redactor
	tokens     *tokenSource
	buckets    map[string]*bucket // by operation name; fixed after New
	loopbackOK bool
	// hostRegion is the region Amazon's host serves; "" for a local server
	// (the sandbox serves every marketplace from one address).
	hostRegion Region
}

// New checks cfg and returns a Client. It refuses incomplete credentials and
// any endpoint that could leak them (see ErrInsecureEndpoint).
func New(cfg Config) (*Client, error) {
	cr := cfg.Credentials
	if strings.TrimSpace(cr.ClientID) == "" || strings.TrimSpace(cr.ClientSecret) == "" || strings.TrimSpace(cr.RefreshToken) == "" {
		return nil, errNoCredentials
	}
	if cfg.TimeScale < 0 || cfg.TimeScale != cfg.TimeScale {
		return nil, fmt.Errorf("spapi: TimeScale %g must be positive", cfg.TimeScale)
	}
	endpoint := cfg.Endpoint
	if endpoint == "" {
		if !cfg.Region.Valid() {
			return nil, fmt.Errorf("spapi: unknown region %q (want NA, EU or FE)", cfg.Region)
		}
		endpoint = cfg.Region.Endpoint(cfg.Sandbox)
	}
	base, err := checkEndpoint(endpoint, isAmazonAPIHost, cfg.AllowInsecureLoopback)
	if err != nil {
		return nil, err
	}
	base.Path = strings.TrimRight(base.Path, "/")
	lwa := cfg.LWAEndpoint
	if lwa == "" {
		lwa = lwaTokenURL
	}
	lwaURL, err := checkEndpoint(lwa, func(h string) bool { return h == "api.amazon.com" }, cfg.AllowInsecureLoopback)
	if err != nil {
		return nil, err
	}
	hc, err := safeHTTPClient(cfg.HTTPClient)
	if err != nil {
		return nil, err
	}
	ua, err := userAgent(cfg.Version)
	if err != nil {
		return nil, err
	}
	c := &Client{
		region:     cfg.Region,
		base:       base,
		http:       hc,
		userAgent:  ua,
		timeScale:  cfg.TimeScale,
		maxBody:    cfg.MaxBodyBytes,
		maxRetries: cfg.MaxRetries,
		clock:      realClock{},
		redact:     newRedactor(cr.ClientSecret, cr.RefreshToken),
		buckets:    map[string]*bucket{},
		loopbackOK: cfg.AllowInsecureLoopback,
		hostRegion: regionOfHost(base.Hostname()),
	}
	if c.timeScale == 0 {
		c.timeScale = 1
	}
	if c.maxBody <= 0 {
		c.maxBody = defaultMaxBody
	}
	switch {
	case c.maxRetries == 0:
		c.maxRetries = defaultMaxRetries
	case c.maxRetries < 0:
		c.maxRetries = 0
	}
	c.tokens = &tokenSource{c: c, endpoint: lwaURL.String(), form: lwaForm(cr)}
	c.setClock(realClock{})
	return c, nil
}

// setClock replaces the time source and recreates the buckets (tests).
func (c *Client) setClock(clk clock) {
	c.clock = clk
	for _, op := range allOperations() {
		c.buckets[op.name] = newBucket(clk, c.timeScale, op.rate, op.burst)
	}
}

// String describes the client without any secret.
func (c *Client) String() string {
	return fmt.Sprintf("spapi.Client{region:%s endpoint:%s}", c.region, c.base)
}

// Format makes every fmt verb print String, never the internals.
func (c *Client) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// userAgent builds Amazon's documented form:
// AppId/AppVersion (Language=Go/<ver>; Platform=<os>).
func userAgent(version string) (string, error) {
	if version == "" {
		version = "dev"
	}
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, " ", "_")
	val := strings.NewReplacer(`\`, `\\`, ")", `\)`, ";", `\;`)
	ua := fmt.Sprintf("Sellermail/%s (Language=Go/%s; Platform=%s)",
		esc.Replace(version), val.Replace(strings.TrimPrefix(runtime.Version(), "go")), val.Replace(runtime.GOOS))
	if len(ua) > 500 {
		return "", fmt.Errorf("spapi: User-Agent would exceed Amazon's 500 characters; shorten Version")
	}
	return ua, nil
}

// requestID reads Amazon's request ID header.
func requestID(h http.Header) string { return h.Get("x-amzn-RequestId") }

// apiRequest is one SP-API call before it is sent.
type apiRequest struct {
	op     operation
	method string
	path   string // already escaped
	query  url.Values
	body   []byte // nil: no body
}

// apiResponse is a successful (2xx) answer.
type apiResponse struct {
	status    int
	body      []byte
	requestID string
}

// call sends r, honouring the operation's rate limit, and retries according
// to whether r is a read or a send. Non-2xx answers become *APIError.
func (c *Client) call(ctx context.Context, r apiRequest) (*apiResponse, error) {
	b := c.buckets[r.op.name]
	retriedAuth := false
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			if err := c.clock.sleep(ctx, c.scaled(backoff(attempt))); err != nil {
				return nil, err
			}
		}
		if err := b.wait(ctx, r.op.name); err != nil {
			return nil, err
		}
		token, err := c.tokens.get(ctx)
		if err != nil {
			return nil, err
		}
		resp, err := c.once(ctx, r, token)
		var rerr *retryable
		if errors.As(err, &rerr) {
			if attempt < c.maxRetries && ctx.Err() == nil {
				continue
			}
			return nil, rerr.err
		}
		if err != nil {
			return nil, err
		}
		if v, ok := parseRateLimit(resp.header.Get("x-amzn-RateLimit-Limit")); ok {
			b.setRate(v)
		}
		if resp.status >= 200 && resp.status < 300 {
			return &apiResponse{status: resp.status, body: resp.body, requestID: resp.requestID}, nil
		}
		apiErr := c.decodeAPIError(r.op.name, resp)
		switch {
		case resp.status == http.StatusTooManyRequests:
			b.drain()
			if attempt < c.maxRetries {
				continue
			}
		case resp.status == http.StatusForbidden && !retriedAuth && staleToken(apiErr):
			// Our clock thought the token valid; Amazon did not. Nothing was
			// done, so fetch a fresh token and try once more.
			retriedAuth = true
			c.tokens.invalidate(token)
			attempt--
			continue
		case resp.status >= 500 && r.op.send:
			return nil, &OutcomeUnknownError{Operation: r.op.name, RequestID: apiErr.RequestID, Err: apiErr}
		case resp.status >= 500 && attempt < c.maxRetries:
			continue
		}
		return nil, apiErr
	}
}

// staleToken reports whether Amazon refused the access token itself
// (expired, or revoked or malformed), which a fresh token may cure. Amazon
// says so in details under a generic message.
func staleToken(e *APIError) bool {
	r := e.Reason()
	return r == ReasonTokenExpired || r == ReasonAuthorizationDenied
}

// retryable wraps a failure after which the request may be sent again.
type retryable struct{ err error }

// Error returns the underlying failure.
func (r *retryable) Error() string { return r.err.Error() }

// rawResponse is any answer that arrived completely.
type rawResponse struct {
	status    int
	header    http.Header
	body      []byte
	requestID string
}

// once performs one HTTP exchange and classifies transport failures:
// retryable for reads (and for sends when nothing was written), outcome
// unknown for a send that was written.
func (c *Client) once(ctx context.Context, r apiRequest, token string) (*rawResponse, error) {
	u := *c.base
	u.Path = c.base.Path + r.path
	u.RawPath = c.base.Path + r.path
	u.RawQuery = r.query.Encode()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	// WroteRequest runs on the transport's goroutine, hence the atomic.
	var wrote atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) {
		if i.Err == nil {
			wrote.Store(true)
		}
	}}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), r.method, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("x-amz-access-token", token)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		err = fmt.Errorf("spapi: %s: %w", r.op.name, err)
		if r.op.send && wrote.Load() {
			return nil, &OutcomeUnknownError{Operation: r.op.name, Err: err}
		}
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, &retryable{err}
	}
	defer resp.Body.Close()
	reqID := requestID(resp.Header)
	data, err := readLimited(resp.Body, c.maxBody)
	switch {
	case errors.Is(err, ErrResponseTooLarge):
		if r.op.send && resp.StatusCode/100 == 2 {
			// Amazon accepted the message; an oversized echo changes nothing.
			return &rawResponse{status: resp.StatusCode, header: resp.Header, requestID: reqID}, nil
		}
		rerr := &ResponseError{Operation: r.op.name, StatusCode: resp.StatusCode, RequestID: reqID, Err: err}
		if r.op.send && resp.StatusCode >= 500 {
			// A server error may come after the message was delivered, whatever
			// the size of its body: sending again could reach the buyer twice.
			return nil, &OutcomeUnknownError{Operation: r.op.name, RequestID: reqID, Err: rerr}
		}
		return nil, rerr
	case err != nil && r.op.send:
		if resp.StatusCode/100 == 2 {
			return &rawResponse{status: resp.StatusCode, header: resp.Header, requestID: reqID}, nil
		}
		return nil, &OutcomeUnknownError{Operation: r.op.name, RequestID: reqID, Err: fmt.Errorf("reading answer: %w", err)}
	case err != nil:
		err = fmt.Errorf("spapi: %s: reading answer: %w", r.op.name, err)
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, &retryable{err}
	}
	return &rawResponse{status: resp.StatusCode, header: resp.Header, body: data, requestID: reqID}, nil
}

// readLimited reads at most limit bytes and reports ErrResponseTooLarge
// for anything longer.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, limit)
	}
	return data, nil
}

// decodeAPIError builds an *APIError from any error answer, JSON or not.
func (c *Client) decodeAPIError(op string, r *rawResponse) *APIError {
	e := decodeErrorBody(r.body, c.redact)
	e.Operation = op
	e.StatusCode = r.status
	e.RequestID = r.requestID
	// Redacted before clipped, so a clip cannot leave part of a secret
	// behind; clipped because error texts end up in logs and the history.
	e.Code = clipField(c.redact.redact(e.Code))
	e.Message = clipField(c.redact.redact(e.Message))
	e.Details = clipField(c.redact.redact(e.Details))
	if len(e.Errors) > maxErrorEntries {
		e.Errors = e.Errors[:maxErrorEntries]
	}
	for i := range e.Errors {
		e.Errors[i].Code = clipField(c.redact.redact(e.Errors[i].Code))
		e.Errors[i].Message = clipField(c.redact.redact(e.Errors[i].Message))
		e.Errors[i].Details = clipField(c.redact.redact(e.Errors[i].Details))
	}
	return e
}

// Bounds on what an error answer keeps: a real one has a sentence or two
// in one or two entries.
const (
	maxErrorText    = 300
	maxErrorEntries = 10
)

// clipField makes an error text valid UTF-8 and at most maxErrorText bytes.
func clipField(s string) string {
	return clip(strings.ToValidUTF8(s, "\uFFFD"), maxErrorText)
}

// decodeErrorBody reads Amazon's {"errors":[...]} body. Anything else
// becomes a message made from the body, redacted and then clipped (in that
// order, so a clip cannot leave part of a secret behind).
func decodeErrorBody(body []byte, r *redactor) *APIError {
	var b struct {
		Errors []ErrorDetail `json:"errors"`
	}
	e := &APIError{}
	if err := json.Unmarshal(body, &b); err == nil && len(b.Errors) > 0 {
		e.Errors = b.Errors
		e.Code, e.Message, e.Details = b.Errors[0].Code, b.Errors[0].Message, b.Errors[0].Details
		return e
	}
	if t := strings.TrimSpace(string(body)); t != "" {
		e.Message = clip(r.redact(strings.ToValidUTF8(t, "\uFFFD")), maxErrorText)
	}
	return e
}

// decodeJSON unmarshals an answer into v with a clear error.
func decodeJSON(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	return nil
}

// malformed wraps a decoder failure with the operation and request ID.
func malformed(op string, resp *apiResponse, err error) error {
	return &ResponseError{Operation: op, StatusCode: resp.status, RequestID: resp.requestID, Err: err}
}

// isoTime formats t the way the models' date-time parameters expect.
func isoTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
