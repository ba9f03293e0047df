package app

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"

	"sellermail/spapi"
)

// The environment variables OptionsFromEnv reads.
const (
	EnvClientID      = "SELLERMAIL_LWA_CLIENT_ID"
	EnvClientSecret  = "SELLERMAIL_LWA_CLIENT_SECRET"
	EnvRefreshToken  = "SELLERMAIL_REFRESH_TOKEN"
	EnvRegion        = "SELLERMAIL_REGION"
	EnvSPAPIEndpoint = "SELLERMAIL_SPAPI_ENDPOINT"
	EnvLWAEndpoint   = "SELLERMAIL_LWA_ENDPOINT"
)

// OptionsFromEnv returns base with Env filled from the environment: the
// credentials (all three variables or none), the region, and endpoints,
// which must be loopback addresses. It is the only place app reads the
// environment; the data directory's variable is read by store.DefaultDir.
func OptionsFromEnv(base Options) (Options, error) {
	return OptionsFromLookup(base, os.Getenv)
}

// OptionsFromLookup is OptionsFromEnv reading the variables through getenv,
// so a caller (the command line, its tests) decides where they come from.
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
