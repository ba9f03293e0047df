package spapi

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
)

// Credentials are one seller authorization: the app's LWA client and the
// seller's refresh token. ClientSecret and RefreshToken are secrets; every
// formatted form of Credentials hides them.
type Credentials struct {
	ClientID     string
	ClientSecret string
	RefreshToken string
}

const redacted = "[redacted]"

// hide shows whether a secret is set without showing it.
func hide(s string) string {
	if s == "" {
		return `""`
	}
	return redacted
}

// String describes the credentials with the secrets hidden.
func (c Credentials) String() string {
	return fmt.Sprintf("{ClientID:%s ClientSecret:%s RefreshToken:%s}", c.ClientID, hide(c.ClientSecret), hide(c.RefreshToken))
}

// GoString is used by %#v; it hides the secrets too.
func (c Credentials) GoString() string {
	return fmt.Sprintf("spapi.Credentials{ClientID:%q, ClientSecret:%s, RefreshToken:%s}", c.ClientID, hide(c.ClientSecret), hide(c.RefreshToken))
}

// Format makes every fmt verb (%v, %+v, %#v, %s, %q, %x ...) print the
// redacted form, so no verb can reveal a secret.
func (c Credentials) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

// redactor removes secrets from text that may echo them, such as error bodies.
// It is immutable apart from the access token, which the token source sets.
type redactor struct {
	mu      sync.RWMutex
	secrets []string // credentials: fixed
	tokens  []string // recent access tokens: bounded
}

func newRedactor(secrets ...string) *redactor {
	r := &redactor{}
	for _, s := range secrets {
		r.add(s)
	}
	return r
}

// add registers a secret and the encoded forms it may appear in (a form body
// or query string echoes it URL-escaped).
func (r *redactor) add(s string) {
	if len(s) < 4 {
		// Too short to be a real secret; redacting it would mangle text.
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.secrets = append(r.secrets, encodings(s)...)
}

// maxRememberedTokens bounds the access tokens kept for redaction; older
// ones have long expired and are not echoed any more.
const maxRememberedTokens = 4

// addToken registers a new access token, forgetting the oldest.
func (r *redactor) addToken(t string) {
	if len(t) < 4 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tokens = append(r.tokens, encodings(t)...)
	if n := len(r.tokens) - maxRememberedTokens*3; n > 0 {
		r.tokens = append([]string(nil), r.tokens[n:]...)
	}
}

// encodings lists the forms a secret may be echoed in.
func encodings(s string) []string {
	return []string{s, url.QueryEscape(s), strings.ReplaceAll(url.QueryEscape(s), "+", "%20")}
}

// redact returns text with every known secret replaced.
func (r *redactor) redact(text string) string {
	if r == nil {
		return text
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, list := range [][]string{r.secrets, r.tokens} {
		for _, s := range list {
			if strings.Contains(text, s) {
				text = strings.ReplaceAll(text, s, redacted)
			}
		}
	}
	return text
}
