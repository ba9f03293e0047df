package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"sellermail/app"
	"sellermail/app/templates"
)

// TestExitStatus: the one mapping from what went wrong to the exit status.
func TestExitStatus(t *testing.T) {
	refused := &url.Error{Op: "Get", URL: "https://sellingpartnerapi-eu.amazon.com/orders", Err: syscall.ECONNREFUSED}
	for _, tc := range []struct {
		name string
		err  error
		want int
	}{
		{"done", nil, exitOK},
		{"findings", errFindings, exitFindings},
		{"refused", errRefused, exitFindings},
		{"not eligible", fmt.Errorf("app: %w", app.ErrNotEligible), exitFindings},
		{"blocked", reported{app.ErrBlocked}, exitFindings},
		{"something else", errors.New("disk on fire"), exitFindings},
		{"bad usage", usagef("--limit must be between 1 and 1000"), exitUsage},
		{"unreadable input", inputError{errors.New("msg.txt: no such file")}, exitUsage},
		{"unknown order", fmt.Errorf("app: %w", app.ErrUnknownOrder), exitUsage},
		{"attachments", reported{app.ErrAttachments}, exitUsage},
		{"outcome unknown", fmt.Errorf("send: %w: %w", app.ErrOutcomeUnknown, refused), exitUnknown},
		{"no connection", fmt.Errorf("spapi: getOrders: %w", refused), exitNoAmazon},
		{"no network", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ENETUNREACH}, exitNoAmazon},
		{"not logged in", reported{app.ErrNotLoggedIn}, exitNoAmazon},
	} {
		if got := exitStatus(tc.err); got != tc.want {
			t.Errorf("%s: exit %d, want %d", tc.name, got, tc.want)
		}
	}
}

// closedEndpoint is a loopback URL where nothing listens.
func closedEndpoint(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// TestAmazonUnreachable: with credentials but no answer from Amazon, a
// command says so and exits 4, which a script can tell from a refusal.
func TestAmazonUnreachable(t *testing.T) {
	s := newShop(t)
	end := closedEndpoint(t)
	s.env[app.EnvSPAPIEndpoint] = end
	s.env[app.EnvLWAEndpoint] = end + "/auth/o2/token"
	s.env[app.EnvClientID] = sellerCreds.ClientID
	s.env[app.EnvClientSecret] = sellerCreds.ClientSecret
	s.env[app.EnvRefreshToken] = sellerCreds.RefreshToken
	r := s.run("", "sync")
	if r.code != exitNoAmazon || !strings.Contains(r.errOut, "sellermail: ") {
		t.Errorf("sync without Amazon: exit %d, want %d\nstdout: %s\nstderr: %s", r.code, exitNoAmazon, r.out, r.errOut)
	}
}

// TestNotLoggedInExits4: without credentials and without --demo, sending
// is refused as "not logged in", not as a failed send.
func TestNotLoggedInExits4(t *testing.T) {
	s := newShop(t)
	r := s.run("Guten Tag, eine Frage zu Ihrer Bestellung.", "send", "302-1234567-1234567", "--kind", "unexpectedProblem", "-")
	if r.code != exitNoAmazon || !strings.Contains(r.errOut, "nothing was sent") {
		t.Errorf("send without an account: exit %d, want %d\n%s", r.code, exitNoAmazon, r.errOut)
	}
	if r := s.run("", "request-review", "--all-eligible"); r.code != exitNoAmazon {
		t.Errorf("request-review without an account: exit %d, want %d\n%s", r.code, exitNoAmazon, r.errOut)
	}
}

// demoOrderOffering returns a demo order of the country for which Amazon
// offers the message kind now.
func demoOrderOffering(t *testing.T, s *shop, country, kind string) string {
	t.Helper()
	var orders []orderJSON
	if err := json.Unmarshal([]byte(s.must(exitOK, "orders", "--marketplace", country, "--format", "json", "--demo").out), &orders); err != nil {
		t.Fatal(err)
	}
	for _, o := range orders {
		if o.Country != country {
			t.Fatalf("--marketplace %s listed %s from %s", country, o.OrderID, o.Country)
		}
		var a actionsJSON
		if err := json.Unmarshal([]byte(s.must(exitOK, "actions", o.OrderID, "--format", "json", "--demo").out), &a); err != nil {
			t.Fatal(err)
		}
		for _, k := range a.Offered {
			if k == kind {
				return o.OrderID
			}
		}
	}
	t.Fatalf("no %s demo order offers %s", country, kind)
	return ""
}

// TestTemplateShowPipesIntoSend: "templates show" prints the message alone
// on stdout, so "templates show … | sellermail send … -" sends exactly it.
func TestTemplateShowPipesIntoSend(t *testing.T) {
	s := newShop(t)
	s.must(exitOK, "sync", "--demo")
	order := demoOrderOffering(t, s, "DE", "unexpectedProblem")

	show := s.must(exitOK, "templates", "show", "delivery-delay", "--lang", "de")
	tmpl, err := templates.Find("delivery-delay", "de")
	if err != nil {
		t.Fatal(err)
	}
	body := templates.Render(tmpl.Body, tmpl.Example())
	if show.out != body+"\n" {
		t.Fatalf("templates show printed on stdout:\n%s\nwant the message alone:\n%s", show.out, body)
	}
	if !strings.Contains(show.errOut, tmpl.Title) {
		t.Errorf("the title is not on stderr: %q", show.errOut)
	}
	raw := s.must(exitOK, "templates", "show", "delivery-delay", "--lang", "de", "--raw")
	if raw.out != tmpl.Body+"\n" {
		t.Errorf("templates show --raw printed %q, want the template alone", raw.out)
	}

	r := s.run(show.out, "--demo", "send", order, "--kind", "unexpectedProblem", "-")
	if r.code != exitOK {
		t.Fatalf("send of the piped template: exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
	var msgs []messageJSON
	if err := json.Unmarshal([]byte(s.must(exitOK, "history", "--demo", "--format", "json").out), &msgs); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].Text != body {
		t.Errorf("history = %+v, want the one message with the template's text", msgs)
	}
}

// TestLintPointsAtTemplateMode: a text that fails only because of unfilled
// fields is probably a template, and lint says that --template exists.
func TestLintPointsAtTemplateMode(t *testing.T) {
	s := newShop(t)
	tmpl, err := templates.Find("delivery-delay", "de")
	if err != nil {
		t.Fatal(err)
	}
	const hint = "--template"
	r := s.run(tmpl.Body, "lint", "--lang", "de", "-")
	if r.code != exitFindings || !strings.Contains(r.out, "UNFILLED_FIELD") || !strings.Contains(r.errOut, hint) {
		t.Errorf("lint of a template without --template: exit %d, stderr %q; want %d and a hint at %s\n%s", r.code, r.errOut, exitFindings, hint, r.out)
	}
	if r := s.run(tmpl.Body, "lint", "--lang", "de", "--ui-lang", "de", "-"); !strings.Contains(r.errOut, "Hinweis: ") || !strings.Contains(r.errOut, hint) {
		t.Errorf("German hint = %q", r.errOut)
	}
	if r := s.run(tmpl.Body, "lint", "--lang", "de", "--template", "-"); r.code != exitOK || r.errOut != "" {
		t.Errorf("lint --template of the template: exit %d, stderr %q", r.code, r.errOut)
	}
	// Other findings at risk or block: no hint, the fields are not the only problem.
	if r := s.run(tmpl.Body+"\nMehr unter www.meinshop.de", "lint", "--lang", "de", "-"); r.code != exitFindings || strings.Contains(r.errOut, hint) {
		t.Errorf("lint of a template with a link: exit %d, stderr %q; want %d and no hint", r.code, r.errOut, exitFindings)
	}
	// A finished message with nothing at risk: no hint.
	if r := s.run(reviewBait, "lint", "--lang", "de", "-"); strings.Contains(r.errOut, hint) {
		t.Errorf("lint of review bait hints at templates: %q", r.errOut)
	}
}
