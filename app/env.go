package app

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"

	"sellermail/spapi"
)

// The environment variables OptionsFromLookup reads.
const (
	EnvClientID      = "SELLERMAIL_LWA_CLIENT_ID"
	EnvClientSecret  = "SELLERMAIL_LWA_CLIENT_SECRET"
	EnvRefreshToken  = "SELLERMAIL_REFRESH_TOKEN"
	EnvRegion        = "SELLERMAIL_REGION"
	EnvSPAPIEndpoint = "SELLERMAIL_SPAPI_ENDPOINT"
	EnvLWAEndpoint   = "SELLERMAIL_LWA_ENDPOINT"
)

// TakeEnvCredentials reads the credential variables (EnvClientID,
// EnvClientSecret, EnvRefreshToken) and removes them from the process
// environment, so that no child process, such as the browser opened for a
// link, inherits the secret. Call it once at start, before anything is
// started. It returns the getenv to hand to OptionsFromLookup: the
// credential variables from what it took, the others from the environment.
func TakeEnvCredentials() func(string) string {
	return takeCredentials(os.Getenv, os.Unsetenv)
}

// takeCredentials is TakeEnvCredentials on the environment that getenv
// reads and unsetenv changes.
func takeCredentials(getenv func(string) string, unsetenv func(string) error) func(string) string {
	taken := map[string]string{}
	for _, k := range []string{EnvClientID, EnvClientSecret, EnvRefreshToken} {
		taken[k] = getenv(k)
		// os.Unsetenv fails only for a malformed name, never for these.
		_ = unsetenv(k)
	}
	return func(k string) string {
		if v, ok := taken[k]; ok {
			return v
		}
		return getenv(k)
	}
}

// OptionsFromLookup returns base with Env filled from the variables getenv
// reads (TakeEnvCredentials' getenv in the program): the credentials (all
// three variables or none), the region, and endpoints, which must be
// loopback addresses. The data directory's variable is read by
// store.DefaultDir.
func OptionsFromLookup(base Options, getenv func(string) string) (Options, error) {
	id, secret, token := getenv(EnvClientID), getenv(EnvClientSecret), getenv(EnvRefreshToken)
	set := 0
	for _, v := range []string{id, secret, token} {
		if v != "" {
			set++
		}
	}
	if set != 0 && set != 3 {
		return base, fmt.Errorf("app: set all of %s, %s and %s, or none", EnvClientID, EnvClientSecret, EnvRefreshToken)
	}
	if set == 3 {
		base.Env.Credentials.ClientID, base.Env.Credentials.ClientSecret, base.Env.Credentials.RefreshToken = id, secret, token
	}
	if r := getenv(EnvRegion); r != "" {
		reg := spapi.Region(strings.ToUpper(r))
		if !reg.Valid() {
			return base, fmt.Errorf("app: %s=%q: want NA, EU or FE", EnvRegion, r)
		}
		base.Env.Region = reg
	}
	for _, e := range []struct {
		name string
		dst  *string
	}{{EnvSPAPIEndpoint, &base.Env.SPAPIEndpoint}, {EnvLWAEndpoint, &base.Env.LWAEndpoint}} {
		v := getenv(e.name)
		if v == "" {
			continue
		}
		if !loopbackURL(v) {
			return base, fmt.Errorf("app: %s must be a loopback address such as http://127.0.0.1:8080, not %q", e.name, v)
		}
		*e.dst = v
	}
	return base, nil
}

// loopbackURL reports whether raw is an http(s) URL on this machine.
func loopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	h := u.Hostname()
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
