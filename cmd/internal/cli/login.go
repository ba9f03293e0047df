package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"sellermail/app"
	"sellermail/app/secrets"
	"sellermail/policy"
	"sellermail/spapi"
)

// runLogin asks for the three credentials, checks their format, tests them
// against Amazon and stores them in the keyring.
func runLogin(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "login", "[--region eu|na|fe]")
	region := fs.String("region", "", "region of the seller account: eu, na or fe (default: "+app.EnvRegion+", else from the locale, else eu)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(rest) > 0 {
		e.errorf("login: unexpected argument %q", rest[0])
		return exitUsage
	}
	ui := uiLang(e)
	if e.Demo {
		e.errorf("%s", tr(ui, "login stores your own Amazon credentials; the demo needs none (leave out --demo).",
			"login speichert Ihre eigenen Amazon-Zugangsdaten; die Demo braucht keine (lassen Sie --demo weg)."))
		return exitUsage
	}
	reg, err := e.loginRegion(*region)
	if err != nil {
		return e.fail(err)
	}

	opts, err := e.options(ctx)
	if err != nil {
		return e.fail(err)
	}
	// The demo service reads no keyring on opening; TestCredentials and
	// SaveCredentials work on the seller's account whatever the mode.
	opts.Demo = true
	opts.Env.Credentials = secrets.Credentials{}
	svc, err := app.Open(ctx, opts)
	if err != nil {
		return e.explain(err)
	}
	defer svc.Close()

	c, code := e.readCredentials(ui)
	if code != exitOK {
		return code
	}
	fmt.Fprintln(e.Stderr, tr(ui, "Checking the credentials with Amazon ("+string(reg)+")…",
		"Prüfe die Zugangsdaten bei Amazon ("+string(reg)+")…"))
	acct, err := svc.TestCredentials(ctx, c, reg)
	if err != nil {
		e.errorf("%s", app.Explain(err, ui))
		return exitFindings
	}
	if err := svc.SaveCredentials(ctx, c, acct); err != nil {
		e.errorf("%s", app.Explain(err, ui))
		if errors.Is(err, secrets.ErrUnavailable) || errors.Is(err, secrets.ErrLocked) {
			fmt.Fprintln(e.Stderr, keyringHint(ui))
		}
		return exitFindings
	}
	var markets []string
	for _, m := range acct.Marketplaces {
		markets = append(markets, marketName(m.MarketplaceID))
	}
	fmt.Fprintf(e.Stdout, tr(ui, "Logged in: %s (%s), marketplaces %s. The credentials are in the keyring.\n",
		"Angemeldet: %s (%s), Marktplätze %s. Die Zugangsdaten liegen im Schlüsselbund.\n"),
		acct.Profile.StoreName, reg, strings.Join(markets, ", "))
	return exitOK
}

// loginRegion picks the region: the flag, SELLERMAIL_REGION, the country of
// the locale (en_US → NA), else EU.
func (e *env) loginRegion(flagVal string) (spapi.Region, error) {
	if flagVal == "" {
		flagVal = e.getenv(app.EnvRegion)
	}
	if flagVal != "" {
		r := spapi.Region(strings.ToUpper(flagVal))
		if !r.Valid() {
			return "", usagef("--region %q: want eu, na or fe", flagVal)
		}
		return r, nil
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := e.getenv(k); v != "" {
			return regionOfLocale(v), nil
		}
	}
	return spapi.RegionEU, nil
}

// regionOfLocale maps a locale such as "en_US.UTF-8" to its country's region.
func regionOfLocale(locale string) spapi.Region {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	if _, country, ok := strings.Cut(strings.ReplaceAll(locale, "-", "_"), "_"); ok {
		if m, ok := spapi.MarketplaceByCountry(country); ok {
			return m.Region
		}
	}
	return spapi.RegionEU
}

// credentialField is one of the three values login asks for; name is the
// secrets.FieldError's Field.
type credentialField struct {
	name   string
	en, de string
	dst    func(*secrets.Credentials) *string
	prefix string
}

var credentialFields = []credentialField{
	{"LWA client ID", "LWA client ID", "LWA-Client-ID", func(c *secrets.Credentials) *string { return &c.ClientID }, secrets.ClientIDPrefix},
	{"LWA client secret", "LWA client secret", "LWA-Client-Secret", func(c *secrets.Credentials) *string { return &c.ClientSecret }, secrets.ClientSecretPrefix},
	{"refresh token", "Refresh token", "Refresh-Token", func(c *secrets.Credentials) *string { return &c.RefreshToken }, secrets.RefreshTokenPrefix},
}

// readCredentials prompts on stderr and reads each value: hidden on a
// terminal, one line each when piped. Each value's format is checked as
// soon as it is read, so a wrong paste is reported before the next prompt.
func (e *env) readCredentials(ui policy.UILang) (secrets.Credentials, int) {
	var c secrets.Credentials
	read := lineReader(e.Stdin)
	if f, ok := e.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		read = func() (string, error) {
			b, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(e.Stderr)
			return string(b), err
		}
	}
	for _, fld := range credentialFields {
		fmt.Fprintf(e.Stderr, "%s (%s…): ", tr(ui, fld.en, fld.de), fld.prefix)
		v, err := read()
		if err != nil && !(errors.Is(err, io.EOF) && v != "") {
			fmt.Fprintln(e.Stderr)
			if errors.Is(err, io.EOF) {
				e.errorf("%s", tr(ui, "login: input ended before the "+fld.en+" was given",
					"login: Die Eingabe endete vor dem Wert für "+fld.de))
			} else {
				e.errorf("login: %v", err)
			}
			return c, exitUsage
		}
		v = strings.TrimSpace(v)
		*fld.dst(&c) = v
		if ferr := fieldError(c, fld.name); ferr != nil {
			fmt.Fprintln(e.Stderr)
			e.errorf("%s", tr(ui, "not in Amazon's format, nothing was stored: ", "nicht im Format von Amazon, nichts wurde gespeichert: ")+ferr.Text(ui == policy.German))
			return c, exitUsage
		}
	}
	return c, exitOK
}

// fieldError is c's format error for one field, nil if that field is fine.
func fieldError(c secrets.Credentials, field string) *secrets.FieldError {
	for _, fe := range secrets.FieldErrors(c.Validate()) {
		if fe.Field == field {
			return fe
		}
	}
	return nil
}

// lineReader returns a func reading one line at a time from r, without the
// line ending. At the end of input it returns the last partial line with io.EOF.
func lineReader(r io.Reader) func() (string, error) {
	br := bufio.NewReader(r)
	return func() (string, error) {
		line, err := br.ReadString('\n')
		return strings.TrimRight(line, "\r\n"), err
	}
}

// runLogout removes the credentials from the keyring.
func runLogout(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "logout", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(rest) > 0 {
		e.errorf("logout: unexpected argument %q", rest[0])
		return exitUsage
	}
	opts, err := e.options(ctx)
	if err != nil {
		return e.fail(err)
	}
	opts.Demo = true // Logout needs only the keyring and the seller's database
	svc, err := app.Open(ctx, opts)
	if err != nil {
		return e.explain(err)
	}
	defer svc.Close()
	ui := uiLang(e)
	if err := svc.Logout(ctx); err != nil {
		e.errorf("%s", app.Explain(err, ui))
		return exitFindings
	}
	fmt.Fprintln(e.Stdout, tr(ui, "Logged out: the credentials are removed from the keyring; orders and history stay.",
		"Abgemeldet: Die Zugangsdaten sind aus dem Schlüsselbund entfernt; Bestellungen und Verlauf bleiben."))
	return exitOK
}

// marketName is a marketplace's country code, or its ID when unknown.
func marketName(id string) string {
	if m, ok := spapi.MarketplaceByID(id); ok {
		return m.CountryCode
	}
	return id
}
