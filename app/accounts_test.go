package app

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/secrets"
	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

// sellerCreds are credentials in Amazon's real format, which the "Amazon"
// started by amazonServer accepts.
var sellerCreds = secrets.Credentials{
	ClientID:     secrets.ClientIDPrefix + "0123456789abcdef0123456789abcdef",
	ClientSecret: secrets.ClientSecretPrefix + "fedcba9876543210fedcba9876543210",
	RefreshToken: secrets.RefreshTokenPrefix + "IwEBIExampleRefreshToken",
}

// amazonServer stands in for Amazon, reached through the environment's
// endpoint variables, as automation would configure it.
func amazonServer(t *testing.T) (*sandbox.Server, Env) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Seed: 7, Orders: 40, TimeScale: testTimeScale, StoreName: "Holzwerkstatt Bauer",
		Credentials: sandbox.Credentials{ClientID: sellerCreds.ClientID, ClientSecret: sellerCreds.ClientSecret, RefreshToken: sellerCreds.RefreshToken}})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, Env{SPAPIEndpoint: srv.URL(), LWAEndpoint: srv.URL() + "/auth/o2/token"}
}

func TestTestCredentials(t *testing.T) {
	ctx := context.Background()
	_, env := amazonServer(t)
	opts := testOptions(t, newMemKeyring())
	opts.Env = env
	s := openTest(t, opts)

	acct, err := s.TestCredentials(ctx, sellerCreds, spapi.RegionEU)
	if err != nil {
		t.Fatalf("good credentials: %v", err)
	}
	if acct.Profile.StoreName != "Holzwerkstatt Bauer" || len(acct.Marketplaces) != len(sandbox.DemoMarketplaces) ||
		acct.Profile.Region != "eu" || acct.Marketplaces[0].DefaultLanguageCode == "" {
		t.Fatalf("account %+v", acct)
	}

	wrongSecret := sellerCreds
	wrongSecret.ClientSecret = secrets.ClientSecretPrefix + "00000000000000000000000000000000"
	_, err = s.TestCredentials(ctx, wrongSecret, spapi.RegionEU)
	var lwa *spapi.LWAError
	if !errors.As(err, &lwa) || lwa.Code != spapi.LWAInvalidClient || !strings.Contains(Explain(err, i18n.English), "client secret") {
		t.Fatalf("wrong secret: %v / %q", err, Explain(err, i18n.English))
	}
	if strings.Contains(err.Error(), wrongSecret.ClientSecret) || strings.Contains(Explain(err, i18n.German), wrongSecret.ClientSecret) {
		t.Fatal("the secret appears in the error")
	}

	wrongToken := sellerCreds
	wrongToken.RefreshToken = secrets.RefreshTokenPrefix + "revoked"
	_, err = s.TestCredentials(ctx, wrongToken, spapi.RegionEU)
	if !errors.As(err, &lwa) || lwa.Code != spapi.LWAInvalidGrant || !strings.Contains(Explain(err, i18n.German), "Refresh-Token") {
		t.Fatalf("wrong refresh token: %v / %q", err, Explain(err, i18n.German))
	}

	malformed := sellerCreds
	malformed.ClientID = "my-client"
	_, err = s.TestCredentials(ctx, malformed, spapi.RegionEU)
	if !errors.Is(err, secrets.ErrInvalid) {
		t.Fatalf("malformed client ID: %v", err)
	}
	if de := Explain(err, i18n.German); !strings.Contains(de, `LWA-Client-ID: muss mit "amzn1.application-oa2-client." beginnen`) || strings.Contains(de, "must start") {
		t.Errorf("German explanation of a malformed client ID: %q", de)
	}
	if en := Explain(err, i18n.English); !strings.Contains(en, `LWA client ID: must start with "amzn1.application-oa2-client."`) {
		t.Errorf("English explanation of a malformed client ID: %q", en)
	}
}

func TestEnvCredentialsAreUsedButNotStored(t *testing.T) {
	ctx := context.Background()
	_, env := amazonServer(t)
	kr := newMemKeyring()
	opts := testOptions(t, kr)
	env.Credentials = sellerCreds
	opts.Env = env
	s := openTest(t, opts)
	if s.Mode() != ModeAmazon || s.Notice(i18n.English) != "" {
		t.Fatalf("Mode %s, notice %q", s.Mode(), s.Notice(i18n.English))
	}
	res, err := s.Sync(ctx, nil)
	if err != nil || res.Orders != 40 {
		t.Fatalf("Sync against the environment's endpoint: %+v, %v", res, err)
	}
	if kr.Len() != 0 {
		t.Fatal("credentials from the environment were written to the keyring")
	}
	if strings.Contains(s.DataPath(), DemoDir) {
		t.Fatalf("real mode uses the demo data: %s", s.DataPath())
	}
}

func TestSaveCredentialsThenLogout(t *testing.T) {
	ctx := context.Background()
	_, env := amazonServer(t)
	kr := newMemKeyring()
	opts := testOptions(t, kr)
	opts.Env = env
	demo := openTest(t, opts)
	acct, err := demo.TestCredentials(ctx, sellerCreds, spapi.RegionEU)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.SaveCredentials(ctx, sellerCreds, acct); err != nil {
		t.Fatal(err)
	}
	if kr.Len() != 1 {
		t.Fatal("credentials not in the keyring")
	}
	if _, err := demo.store.GetProfile(ctx, DefaultProfile); err == nil {
		t.Fatal("the seller's profile went into the demo data")
	}
	demo.Close()

	real := openTest(t, opts)
	if real.Mode() != ModeAmazon {
		t.Fatalf("after saving credentials Mode = %s (%s)", real.Mode(), real.Notice(i18n.English))
	}
	p, err := real.Profile(ctx)
	if err != nil || p.StoreName != "Holzwerkstatt Bauer" || real.Region() != spapi.RegionEU {
		t.Fatalf("profile %+v, %v", p, err)
	}
	if err := real.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if kr.Len() != 0 {
		t.Fatal("Logout left the credentials in the keyring")
	}
	real.Close()
	again := openTest(t, opts)
	if again.Mode() != ModeDemo {
		t.Fatalf("after Logout Mode = %s", again.Mode())
	}
}

func TestOptionsFromLookup(t *testing.T) {
	env := map[string]string{
		EnvClientID: sellerCreds.ClientID, EnvClientSecret: sellerCreds.ClientSecret, EnvRefreshToken: sellerCreds.RefreshToken,
		EnvRegion: "na", EnvSPAPIEndpoint: "http://127.0.0.1:9000",
	}
	getenv := func(k string) string { return env[k] }
	o, err := OptionsFromLookup(Options{}, getenv)
	if err != nil || o.Env.Credentials != sellerCreds || o.Env.Region != spapi.RegionNA || o.Env.SPAPIEndpoint != "http://127.0.0.1:9000" {
		t.Fatalf("OptionsFromLookup: %+v, %v", o.Env, err)
	}
	env[EnvSPAPIEndpoint] = "https://evil.example.com"
	if _, err := OptionsFromLookup(Options{}, getenv); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("non-loopback endpoint accepted: %v", err)
	}
	env[EnvSPAPIEndpoint] = ""
	env[EnvRefreshToken] = ""
	if _, err := OptionsFromLookup(Options{}, getenv); err == nil {
		t.Fatal("partial credentials accepted")
	}
	env[EnvClientID] = ""
	env[EnvClientSecret] = ""
	env[EnvRegion] = "mars"
	if _, err := OptionsFromLookup(Options{}, getenv); err == nil {
		t.Fatal("unknown region accepted")
	}
}

func TestTakeEnvCredentialsKeepsThemFromChildProcesses(t *testing.T) {
	t.Setenv(EnvClientID, sellerCreds.ClientID)
	t.Setenv(EnvClientSecret, sellerCreds.ClientSecret)
	t.Setenv(EnvRefreshToken, sellerCreds.RefreshToken)
	t.Setenv(EnvRegion, "na")
	getenv := TakeEnvCredentials()
	for _, k := range []string{EnvClientID, EnvClientSecret, EnvRefreshToken} {
		if _, ok := os.LookupEnv(k); ok {
			t.Errorf("%s is still in the environment", k)
		}
	}
	// What a browser opened for a link would inherit.
	out, err := exec.Command("env").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{sellerCreds.ClientSecret, sellerCreds.RefreshToken, EnvClientSecret} {
		if strings.Contains(string(out), secret) {
			t.Errorf("a child process inherits %q", secret)
		}
	}
	o, err := OptionsFromLookup(Options{}, getenv)
	if err != nil || o.Env.Credentials != sellerCreds || o.Env.Region != spapi.RegionNA {
		t.Fatalf("credentials did not travel in the options: %+v, %v", o.Env, err)
	}
}
