package sandbox

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"time"
)

// lwaError is Login with Amazon's error body.
type lwaError struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

type lwaToken struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
}

func lwaFail(status int, code, desc string) reply {
	return jsonReply(status, contentJSON, lwaError{Error: code, Description: desc})
}

// parseTokenRequest reads the form fields of a token request; Amazon's
// own Java library sends them as JSON, so that is accepted too.
func parseTokenRequest(contentType string, body []byte) (url.Values, bool) {
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "application/json" {
		var m map[string]any
		if json.Unmarshal(body, &m) != nil {
			return nil, false
		}
		v := url.Values{}
		for k, x := range m {
			if s, ok := x.(string); ok {
				v.Set(k, s)
			}
		}
		return v, true
	}
	v, err := url.ParseQuery(string(body))
	return v, err == nil
}

// token is POST /auth/o2/token.
func (s *Server) token(c *call) reply {
	form, ok := parseTokenRequest(c.r.Header.Get("Content-Type"), c.body)
	if !ok {
		return lwaFail(http.StatusBadRequest, "invalid_request", "The request body could not be parsed.")
	}
	grant := form.Get("grant_type")
	for _, name := range []string{"grant_type", "client_id", "client_secret"} {
		if form.Get(name) == "" {
			return lwaFail(http.StatusBadRequest, "invalid_request", "The request is missing a required parameter : "+name)
		}
	}
	cr := s.opts.Credentials
	if !same(form.Get("client_id"), cr.ClientID) || !same(form.Get("client_secret"), cr.ClientSecret) {
		return lwaFail(http.StatusUnauthorized, "invalid_client", "Client authentication failed")
	}
	switch grant {
	case "refresh_token":
		rt := form.Get("refresh_token")
		if rt == "" {
			return lwaFail(http.StatusBadRequest, "invalid_request", "The request is missing a required parameter : refresh_token")
		}
		if !same(rt, cr.RefreshToken) {
			return lwaFail(http.StatusBadRequest, "invalid_grant", "The request has an invalid grant parameter : refresh_token")
		}
		return jsonReply(http.StatusOK, contentJSON, s.issue(rt))
	case "client_credentials":
		if form.Get("scope") == "" {
			return lwaFail(http.StatusBadRequest, "invalid_request", "The request is missing a required parameter : scope")
		}
		return jsonReply(http.StatusOK, contentJSON, s.issue(""))
	default:
		return lwaFail(http.StatusBadRequest, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server")
	}
}

func same(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// issue creates an access token and forgets the expired ones.
func (s *Server) issue(refresh string) lwaToken {
	var b [48]byte
	_, _ = rand.Read(b[:])
	tok := "Atza|" + base64.RawURLEncoding.EncodeToString(b[:])
	now := s.now()
	s.mu.Lock()
	for t, exp := range s.tokens {
		if !now.Before(exp) {
			delete(s.tokens, t)
		}
	}
	s.tokens[tok] = now.Add(s.opts.TokenLifetime)
	s.mu.Unlock()
	return lwaToken{AccessToken: tok, RefreshToken: refresh, TokenType: "bearer", ExpiresIn: int64(s.opts.TokenLifetime / time.Second)}
}

// checkToken answers like Amazon when x-amz-access-token is missing (401),
// unknown (403) or expired (403).
func (s *Server) checkToken(r *http.Request) (reply, bool) {
	tok := r.Header.Get("x-amz-access-token")
	if tok == "" {
		return errReply(http.StatusUnauthorized, "Unauthorized", "Access to requested resource is denied.", "The request has no x-amz-access-token header."), false
	}
	s.mu.Lock()
	exp, ok := s.tokens[tok]
	s.mu.Unlock()
	if !ok {
		return errReply(http.StatusForbidden, "Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid."), false
	}
	if !s.now().Before(exp) {
		return errReply(http.StatusForbidden, "Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired."), false
	}
	return reply{}, true
}
