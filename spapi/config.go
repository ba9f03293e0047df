package spapi

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Config configures a Client. Only Region and Credentials are required.
type Config struct {
	// Region selects the SP-API host (ignored when Endpoint is set).
	Region Region
	// Sandbox selects Amazon's static sandbox host for the region.
	Sandbox bool
	// Credentials authorize the calls.
	Credentials Credentials
	// Endpoint overrides the SP-API base URL. It must be an SP-API host over
	// https, or a loopback address when AllowInsecureLoopback is set.
	Endpoint string
	// LWAEndpoint overrides the token URL, with the same rule
	// (https://api.amazon.com/auth/o2/token or loopback).
	LWAEndpoint string
	// HTTPClient carries the requests; nil means a client with a 60 s timeout.
	// Its TLS verification must not be switched off. Redirects are never
	// followed, so a token cannot be forwarded to another host.
	HTTPClient *http.Client
	// AllowInsecureLoopback permits Endpoint and LWAEndpoint on 127.0.0.0/8,
	// ::1 or localhost, over http or https. It is for tests and the local
	// sandbox; no other host is ever allowed besides Amazon's.
	AllowInsecureLoopback bool
	// Version is Sellermail's version for the User-Agent header.
	Version string
	// TimeScale divides every wait (rate limits, backoff) and every lifetime
	// Amazon states (token expiry), so a fake Amazon running its clock faster
	// can be used at full fidelity. 0 means 1 (real time).
	TimeScale float64
	// MaxBodyBytes caps every response body; 0 means 16 MiB.
	MaxBodyBytes int64
	// MaxRetries bounds the retries of one call after throttling or a server
	// error; 0 means 4, a negative value means none.
	MaxRetries int
}

// String describes the config with the secrets hidden.
func (c Config) String() string {
	return fmt.Sprintf("{Region:%s Sandbox:%t Credentials:%s Endpoint:%s LWAEndpoint:%s AllowInsecureLoopback:%t Version:%s TimeScale:%g MaxBodyBytes:%d MaxRetries:%d}",
		c.Region, c.Sandbox, c.Credentials, c.Endpoint, c.LWAEndpoint, c.AllowInsecureLoopback, c.Version, c.TimeScale, c.MaxBodyBytes, c.MaxRetries)
}

// GoString is used by %#v; it hides the secrets too.
func (c Config) GoString() string {
	return fmt.Sprintf("spapi.Config{Region:%q, Sandbox:%t, Credentials:%#v, Endpoint:%q, LWAEndpoint:%q, AllowInsecureLoopback:%t, Version:%q, TimeScale:%g, MaxBodyBytes:%d, MaxRetries:%d}",
		c.Region, c.Sandbox, c.Credentials, c.Endpoint, c.LWAEndpoint, c.AllowInsecureLoopback, c.Version, c.TimeScale, c.MaxBodyBytes, c.MaxRetries)
}

// Format makes every fmt verb print the redacted form.
func (c Config) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

const (
	defaultMaxBody    = 16 << 20
	defaultMaxRetries = 4
	defaultTimeout    = 60 * time.Second
)

// ErrInsecureEndpoint is returned by New for an endpoint that could leak the
// credentials: any host but Amazon's, plain http, or loopback without opt-in.
var ErrInsecureEndpoint = errors.New("spapi: refusing insecure endpoint")

// checkEndpoint parses raw and enforces where secrets may go: https to one
// of the allowed hosts, or (with opt-in) loopback.
func checkEndpoint(raw string, allowed func(host string) bool, loopbackOK bool) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %q is not a URL: %v", ErrInsecureEndpoint, raw, err)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%w: %q must not carry user info, query or fragment", ErrInsecureEndpoint, u.Redacted())
	}
	host := u.Hostname()
	if isLoopback(host) {
		if !loopbackOK {
			return nil, fmt.Errorf("%w: %s is a loopback address; set AllowInsecureLoopback to use a local server", ErrInsecureEndpoint, u.Host)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			return nil, fmt.Errorf("%w: scheme %q", ErrInsecureEndpoint, u.Scheme)
		}
		return u, nil
	}
	if u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %s must use https", ErrInsecureEndpoint, u.Host)
	}
	if !allowed(host) || (u.Port() != "" && u.Port() != "443") {
		return nil, fmt.Errorf("%w: %s is not an Amazon host for this purpose", ErrInsecureEndpoint, u.Host)
	}
	return u, nil
}

// isLoopback reports whether host names this machine only.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// safeHTTPClient copies the caller's client, refusing one that skips TLS
// verification, and stops it from following redirects.
func safeHTTPClient(hc *http.Client) (*http.Client, error) {
	if hc == nil {
		hc = &http.Client{Timeout: defaultTimeout}
	}
	if t, ok := hc.Transport.(*http.Transport); ok && t.TLSClientConfig != nil && t.TLSClientConfig.InsecureSkipVerify {
		return nil, fmt.Errorf("%w: the HTTP client skips TLS certificate verification", ErrInsecureEndpoint)
	}
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c, nil
}
