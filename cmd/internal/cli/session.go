package cli

import (
	"context"
	"fmt"
	"strings"

	"sellermail/app"
	"sellermail/app/i18n"
)

// options builds the service options from the global flags and the
// environment (read through e.getenv).
func (e *env) options() (app.Options, error) {
	base := app.Options{DataDir: e.DataDir, Demo: e.Demo, Version: Version}
	opts, err := app.OptionsFromLookup(base, e.getenv)
	if err != nil {
		return opts, usageError{msg: strings.TrimPrefix(err.Error(), "app: ")}
	}
	return opts, nil
}

// openService opens the service and prints the mode notice: one line on
// stderr in demo mode, so a seller never mistakes the demo for the real shop.
func (e *env) openService(ctx context.Context) (*app.Service, error) {
	opts, err := e.options()
	if err != nil {
		return nil, err
	}
	svc, err := e.open(ctx, opts)
	if err != nil {
		return nil, err
	}
	if svc.Mode() == app.ModeDemo {
		e.demoNotice(svc)
	}
	return svc, nil
}

func (e *env) demoNotice(svc *app.Service) {
	prefix := i18n.T(e.lang, "cli.session.demo_mode")
	n := svc.Notice(e.lang)
	if !strings.HasPrefix(strings.ToLower(n), strings.ToLower(prefix)) {
		n = prefix + ": " + n
	}
	fmt.Fprintln(e.Stderr, n)
	if !e.Demo {
		// The demo was not asked for: the keyring has no usable credentials.
		fmt.Fprintln(e.Stderr, keyringHint(e.lang))
	}
}

// keyringHint says what to do when the keyring cannot provide credentials.
func keyringHint(ui i18n.Lang) string {
	return i18n.T(ui, "cli.session.keyringhint", map[string]any{"ClientID": app.EnvClientID, "ClientSecret": app.EnvClientSecret, "RefreshToken": app.EnvRefreshToken})
}

// requireChosenMode refuses to act for the seller when the service fell back
// to the demo without --demo: a message "sent" to a made-up buyer must never
// look like one sent to a real one.
func (e *env) requireChosenMode(svc *app.Service) error {
	if svc.Mode() == app.ModeDemo && !e.Demo {
		e.errorf("%s", i18n.T(e.lang, "cli.session.nothing_was_sent"))
		return reported{app.ErrNotLoggedIn}
	}
	return nil
}
