package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sellermail/app"
	"sellermail/policy"
	"sellermail/spapi"
)

// exitUnknown: Amazon may or may not have received a message or review
// request (the connection broke after sending). Sending again could reach
// the buyer twice, so scripts must not simply retry on this status.
const exitUnknown = 3

// optionsKey carries a func that adjusts the service options, set with
// withOptions. Tests use it to inject an in-memory keyring and fast clocks.
type optionsKey struct{}

// withOptions returns ctx with fn applied to every service Options the
// commands build.
func withOptions(ctx context.Context, fn func(*app.Options)) context.Context {
	return context.WithValue(ctx, optionsKey{}, fn)
}

// options builds the service options from the global flags and the
// environment (read through e.getenv).
func (e *env) options(ctx context.Context) (app.Options, error) {
	base := app.Options{DataDir: e.DataDir, Demo: e.Demo, Lang: uiLang(e), Version: Version}
	opts, err := app.OptionsFromLookup(base, e.getenv)
	if err != nil {
		return opts, usageError{strings.TrimPrefix(err.Error(), "app: ")}
	}
	if fn, ok := ctx.Value(optionsKey{}).(func(*app.Options)); ok {
		fn(&opts)
	}
	return opts, nil
}

// open opens the service and prints the mode notice: one line on stderr in
// demo mode, so a seller never mistakes the demo for the real shop. On
// failure it has printed the reason and returns the exit status.
func (e *env) open(ctx context.Context) (*app.Service, int) {
	opts, err := e.options(ctx)
	if err != nil {
		return nil, e.fail(err)
	}
	svc, err := app.Open(ctx, opts)
	if err != nil {
		return nil, e.explain(err)
	}
	if svc.Mode() == app.ModeDemo {
		e.demoNotice(svc)
	}
	return svc, exitOK
}

func (e *env) demoNotice(svc *app.Service) {
	ui := uiLang(e)
	prefix := tr(ui, "demo mode", "Demo-Modus")
	n := svc.Notice(ui)
	if !strings.HasPrefix(strings.ToLower(n), strings.ToLower(prefix)) {
		n = prefix + ": " + n
	}
	fmt.Fprintln(e.Stderr, n)
	if !e.Demo {
		// The demo was not asked for: the keyring has no usable credentials.
		fmt.Fprintln(e.Stderr, keyringHint(ui))
	}
}

// keyringHint says what to do when the keyring cannot provide credentials.
func keyringHint(ui policy.UILang) string {
	return tr(ui,
		"hint: add --demo to try Sellermail with made-up orders, run 'sellermail login' to store your credentials, or set "+
			app.EnvClientID+", "+app.EnvClientSecret+" and "+app.EnvRefreshToken+" to use your account without the keyring.",
		"Hinweis: Mit --demo probieren Sie Sellermail mit erfundenen Bestellungen aus; 'sellermail login' speichert Ihre Zugangsdaten; oder setzen Sie "+
			app.EnvClientID+", "+app.EnvClientSecret+" und "+app.EnvRefreshToken+", um Ihr Konto ohne Schlüsselbund zu nutzen.")
}

// requireChosenMode refuses to act for the seller when the service fell back
// to the demo without --demo: a message "sent" to a made-up buyer must never
// look like one sent to a real one.
func (e *env) requireChosenMode(svc *app.Service) int {
	if svc.Mode() == app.ModeDemo && !e.Demo {
		ui := uiLang(e)
		e.errorf("%s", tr(ui, "nothing was sent: no Amazon account is available, and the demo runs only with --demo.",
			"Nichts wurde gesendet: Kein Amazon-Konto ist verfügbar, und die Demo läuft nur mit --demo."))
		return exitFindings
	}
	return exitOK
}

// explain prints err in the seller's language and returns its exit status:
// 2 for an unknown order or unreadable attachment (bad input), 3 when the
// outcome at Amazon is unknown, 1 otherwise.
func (e *env) explain(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return e.fail(err)
	}
	e.errorf("%s", app.Explain(err, uiLang(e)))
	return exitOf(err)
}

func exitOf(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, spapi.ErrOutcomeUnknown):
		return exitUnknown
	case errors.Is(err, app.ErrUnknownOrder), errors.Is(err, app.ErrAttachments):
		return exitUsage
	}
	return exitFindings
}
