package cli

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sellermail/app"
	"sellermail/spapi/sandbox"
)

// sellerCreds are credentials in Amazon's documented formats that the test
// sandbox accepts.
var sellerCreds = sandbox.Credentials{
	ClientID:     "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef",
	ClientSecret: "amzn1.oa2-cs.v1.fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
	RefreshToken: "Atzr|IwEBIA-test-refresh-token-0123456789",
}

// fakeAmazon starts a sandbox playing Amazon on loopback and points the
// shop's endpoints at it.
func fakeAmazon(t *testing.T, s *shop) *sandbox.Server {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Credentials: sellerCreds, Orders: testOrders, TimeScale: testTimeScale, StoreName: "Kleiner Laden"})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	s.env[app.EnvSPAPIEndpoint] = srv.URL()
	s.env[app.EnvLWAEndpoint] = srv.URL() + "/auth/o2/token"
	return srv
}

func credLines(c sandbox.Credentials) string {
	return c.ClientID + "\n" + c.ClientSecret + "\n" + c.RefreshToken + "\n"
}

func TestLoginRefusesMalformedCredentials(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"client ID not hex", "amzn1.application-oa2-client.xyz\n", "LWA client ID: the part after \"amzn1.application-oa2-client.\" must be hexadecimal"},
		{"client ID from elsewhere", "my-client\n", "LWA client ID: must start with \"amzn1.application-oa2-client.\""},
		{"secret with a space", sellerCreds.ClientID + "\namzn1.oa2-cs.v1.ab cd\n", "LWA client secret: contains spaces"},
		{"token missing", sellerCreds.ClientID + "\n" + sellerCreds.ClientSecret + "\n\n", "refresh token: is missing"},
		// The sandbox's demo credentials are not in Amazon's format.
		{"demo credentials", credLines(sandbox.Credentials(sandbox.DefaultCredentials)), "LWA client ID: the part after"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newShop(t)
			fakeAmazon(t, s)
			r := s.run(tc.input, "login", "--region", "eu")
			if r.code != exitUsage || !strings.Contains(r.errOut, tc.want) || !strings.Contains(r.errOut, "nothing was stored") {
				t.Errorf("exit %d, want %d with %q\nstderr:\n%s", r.code, exitUsage, tc.want, r.errOut)
			}
			if s.keyring.Len() != 0 {
				t.Error("malformed credentials were stored")
			}
		})
	}
}

func TestLoginExplainsMalformedCredentialsInGerman(t *testing.T) {
	s := newShop(t)
	fakeAmazon(t, s)
	r := s.run(sellerCreds.ClientID+"\namzn1.oa2-cs.v1.ab cd\n", "login", "--region", "eu", "--ui-lang", "de")
	want := "nicht im Format von Amazon, nichts wurde gespeichert: LWA-Client-Secret: enthält Leerzeichen oder Zeilenumbrüche"
	if r.code != exitUsage || !strings.Contains(r.errOut, want) || strings.Contains(r.errOut, "contains spaces") {
		t.Errorf("exit %d, want %d with %q\nstderr:\n%s", r.code, exitUsage, want, r.errOut)
	}
	if s.keyring.Len() != 0 {
		t.Error("malformed credentials were stored")
	}
}

func TestLoginInputEndsEarly(t *testing.T) {
	s := newShop(t)
	r := s.run(sellerCreds.ClientID+"\n", "login")
	if r.code != exitUsage || !strings.Contains(r.errOut, "input ended before the LWA client secret") {
		t.Errorf("exit %d\n%s", r.code, r.errOut)
	}
}

// TestLoginSyncLogout logs in against a local Amazon, works with the real
// account (no demo notice), and logs out again.
func TestLoginSyncLogout(t *testing.T) {
	s := newShop(t)
	srv := fakeAmazon(t, s)
	login(t, s)
	order := syncAccount(t, s)
	text := filepath.Join(t.TempDir(), "msg.txt")
	writeFile(t, text, "Guten Tag,\n\nzu Ihrer Bestellung "+order+": Der Versand verzögert sich um einen Tag, weil der Paketdienst "+
		"die Abholung verschoben hat.\n\nMit freundlichen Grüßen")
	sendToFailingAmazon(t, s, srv, order, text)

	r := s.must(exitOK, "logout")
	if !strings.Contains(r.out, "Logged out") || s.keyring.Len() != 0 {
		t.Errorf("logout: %q, keyring holds %d entries", r.out, s.keyring.Len())
	}
	// Logged out, the command line says so and sends nothing.
	r = s.run("", "send", order, "--kind", "unexpectedProblem", "--text-file", text)
	if r.code != exitNoAmazon || !strings.Contains(r.errOut, "No Amazon account is set up") || !strings.Contains(r.errOut, "nothing was sent") {
		t.Errorf("send after logout: exit %d\n%s", r.code, r.errOut)
	}
	s.must(exitOK, "logout") // logging out twice is fine
}

// login: a secret Amazon does not accept is explained and nothing is
// stored; the right credentials are tested and kept in the keyring.
func login(t *testing.T, s *shop) {
	t.Helper()
	wrong := sellerCreds
	wrong.ClientSecret = "amzn1.oa2-cs.v1.00000000000000000000000000000000"
	r := s.run(credLines(wrong), "login")
	if r.code != exitNoAmazon || s.keyring.Len() != 0 {
		t.Fatalf("wrong secret: exit %d, %d keyring entries\n%s", r.code, s.keyring.Len(), r.errOut)
	}
	if !strings.Contains(r.errOut, "sellermail: ") || strings.Contains(r.errOut, wrong.ClientSecret) {
		t.Errorf("wrong secret explained as:\n%s", r.errOut)
	}

	// The last line may lack its newline, as when a script pipes it in.
	r = s.run(strings.TrimSuffix(credLines(sellerCreds), "\n"), "login", "--region", "eu")
	if r.code != exitOK {
		t.Fatalf("login: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	if !strings.Contains(r.out, "Logged in: Kleiner Laden (EU)") || !strings.Contains(r.out, "DE") {
		t.Errorf("login printed %q", r.out)
	}
	for _, secret := range []string{sellerCreds.ClientSecret, sellerCreds.RefreshToken} {
		if strings.Contains(r.out+r.errOut, secret) {
			t.Error("login echoed a secret")
		}
	}
	if s.keyring.Len() != 1 {
		t.Fatalf("keyring holds %d entries after login, want 1", s.keyring.Len())
	}
}

// syncAccount: without --demo the commands use the account, with no demo
// notice. It returns a German order that offers unexpectedProblem.
func syncAccount(t *testing.T, s *shop) string {
	t.Helper()
	r := s.must(exitOK, "sync")
	if r.errOut != "" || !strings.Contains(r.out, "Synced") {
		t.Errorf("sync with the account: stdout %q, stderr %q", r.out, r.errOut)
	}
	var orders []orderJSON
	if err := json.Unmarshal([]byte(s.must(exitOK, "orders", "--format", "json", "--status", "shipped", "--marketplace", "DE").out), &orders); err != nil {
		t.Fatal(err)
	}
	if len(orders) == 0 {
		t.Fatal("no shipped German orders after syncing the account")
	}
	// The demo's data stays apart from the account's.
	if r := s.must(exitOK, "orders", "--demo", "--format", "json"); strings.TrimSpace(r.out) != "[]" {
		t.Errorf("the demo shows the account's orders: %.200s", r.out)
	}

	order := ""
	for _, o := range orders {
		var a actionsJSON
		if err := json.Unmarshal([]byte(s.must(exitOK, "actions", o.OrderID, "--format", "json").out), &a); err != nil {
			t.Fatal(err)
		}
		for _, k := range a.Offered {
			if k == "unexpectedProblem" {
				order = o.OrderID
			}
		}
		if order != "" {
			break
		}
	}
	if order == "" {
		t.Fatal("no order offers unexpectedProblem")
	}
	return order
}

// sendToFailingAmazon: an answer lost after sending is exit 3, a refusal
// exit 1, and the history keeps both.
func sendToFailingAmazon(t *testing.T, s *shop, srv *sandbox.Server, order, text string) {
	t.Helper()
	prefix := "/messaging/v1/orders/" + order + "/messages/"
	srv.SetFaults(sandbox.Faults{DropAfterRead: true, PathPrefix: prefix, Count: 1})
	r := s.run("", "send", order, "--kind", "unexpectedProblem", "--text-file", text)
	if r.code != exitUnknown || !regexp.MustCompile(`(?m)^outcome unknown: `).MatchString(r.out) || !strings.Contains(r.errOut, "before sending again") {
		t.Errorf("lost answer: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	// Amazon fails: exit 1 with the reason, recorded as failed.
	srv.SetFaults(sandbox.Faults{Throttle: true, PathPrefix: prefix})
	r = s.run("", "send", order, "--kind", "unexpectedProblem", "--text-file", text)
	if r.code != exitFindings || !regexp.MustCompile(`(?m)^failed: Amazon is limiting`).MatchString(r.out) {
		t.Errorf("failing Amazon: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	srv.SetFaults(sandbox.Faults{})
	var msgs []messageJSON
	if err := json.Unmarshal([]byte(s.must(exitOK, "history", "--order", order, "--format", "json").out), &msgs); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[0].Status != "failed" || msgs[0].Error == "" || msgs[1].Status != "unknown" {
		t.Errorf("history = %+v, want the failed message over the unknown one", msgs)
	}
	if r := s.must(exitOK, "history", "--status", "unknown", "--format", "json"); !strings.Contains(r.out, order) {
		t.Errorf("history --status unknown lacks the message: %s", r.out)
	}
}

// TestEnvCredentials: credentials from the environment are used for
// automation and never stored.
func TestEnvCredentials(t *testing.T) {
	s := newShop(t)
	fakeAmazon(t, s)
	s.env[app.EnvClientID] = sellerCreds.ClientID
	s.env[app.EnvClientSecret] = sellerCreds.ClientSecret
	s.env[app.EnvRefreshToken] = sellerCreds.RefreshToken
	r := s.must(exitOK, "sync")
	if r.errOut != "" {
		t.Errorf("sync with env credentials printed %q", r.errOut)
	}
	if s.keyring.Len() != 0 {
		t.Error("env credentials were stored in the keyring")
	}

	delete(s.env, app.EnvRefreshToken)
	r = s.must(exitUsage, "orders")
	if !strings.Contains(r.errOut, "set all of") {
		t.Errorf("two of three variables: %s", r.errOut)
	}
	s.env[app.EnvRefreshToken] = sellerCreds.RefreshToken
	s.env[app.EnvSPAPIEndpoint] = "https://sellingpartner.example.com"
	r = s.must(exitUsage, "orders")
	if !strings.Contains(r.errOut, "loopback") {
		t.Errorf("non-loopback endpoint: %s", r.errOut)
	}
}

// TestKeyringUnavailable: a clear message and what to do instead.
func TestKeyringUnavailable(t *testing.T) {
	s := newShop(t)
	fakeAmazon(t, s)
	s.keyring.Fail(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))

	r := s.must(exitOK, "orders")
	for _, want := range []string{"demo mode: No keyring service is running", "--demo", app.EnvClientID} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("orders without a keyring: stderr lacks %q:\n%s", want, r.errOut)
		}
	}
	r = s.run(credLines(sellerCreds), "login")
	if r.code != exitFindings || !strings.Contains(r.errOut, "No keyring service is available") || !strings.Contains(r.errOut, app.EnvRefreshToken) {
		t.Errorf("login without a keyring: exit %d\n%s", r.code, r.errOut)
	}
	if strings.Contains(r.errOut, sellerCreds.RefreshToken) || strings.Contains(r.errOut, sellerCreds.ClientSecret) {
		t.Error("a secret reached the error output")
	}
}

func TestLoginRegion(t *testing.T) {
	for _, tc := range []struct {
		flag, envRegion, lang string
		want                  app.Region
		wantErr               bool
	}{
		{"na", "", "de_DE.UTF-8", app.RegionNA, false},
		{"FE", "", "", app.RegionFE, false},
		{"", "fe", "en_US.UTF-8", app.RegionFE, false},
		{"", "", "en_US.UTF-8", app.RegionNA, false},
		{"", "", "ja_JP", app.RegionFE, false},
		{"", "", "de_DE@euro", app.RegionEU, false},
		{"", "", "en_GB.UTF-8", app.RegionEU, false},
		{"", "", "pt-BR", app.RegionNA, false},
		{"", "", "C.UTF-8", app.RegionEU, false},
		{"", "", "", app.RegionEU, false},
		{"asia", "", "", "", true},
	} {
		e := &env{IO: IO{Getenv: func(k string) string {
			switch k {
			case "LANG":
				return tc.lang
			case app.EnvRegion:
				return tc.envRegion
			}
			return ""
		}}}
		got, err := parseRegion(tc.flag)
		if err == nil {
			got, err = e.loginRegion(got)
		}
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("flag %q, %s=%q, LANG=%q: got %q, %v; want %q", tc.flag, app.EnvRegion, tc.envRegion, tc.lang, got, err, tc.want)
		}
	}
}

func TestLoginRefusesDemo(t *testing.T) {
	s := newShop(t)
	r := s.run(credLines(sellerCreds), "login", "--demo")
	if r.code != exitUsage || !strings.Contains(r.errOut, "leave out --demo") || s.keyring.Len() != 0 {
		t.Errorf("login --demo: exit %d\n%s", r.code, r.errOut)
	}
}
