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
	"sellermail/app/i18n"
	"sellermail/app/secrets"
)

// loginOpts hold the region asked for; empty: from the environment.
type loginOpts struct {
	region app.Region
}

func parseLogin(args []string) (loginOpts, error) {
	fs := newFlags("login", "[--region eu|na|fe]")
	region := fs.String("region", "", "region of the seller account: eu, na or fe (default: "+app.EnvRegion+", else from the locale, else eu)")
	rest, err := parseFlags(fs, args)
	switch {
	case err != nil:
		return loginOpts{}, err
	case len(rest) > 0:
		return loginOpts{}, usagef("login: unexpected argument %q", rest[0])
	}
	r, err := parseRegion(*region)
	return loginOpts{region: r}, err
}

// parseRegion reads eu, na or fe in any case; "" stays "".
func parseRegion(v string) (app.Region, error) {
	r := app.Region(strings.ToUpper(v))
	if v != "" && !r.Valid() {
		return "", usagef("--region %q: want eu, na or fe", v)
	}
	return r, nil
}

// runLogin asks for the three credentials, checks their format, tests them
// against Amazon and stores them in the keyring.
func runLogin(ctx context.Context, e *env, o loginOpts) error {
	ui := e.lang
	if e.Demo {
		return usagef("%s", i18n.T(ui, "cli.login.login_stores_your"))
	}
	reg, err := e.loginRegion(o.region)
	if err != nil {
		return err
	}
	opts, err := e.options()
	if err != nil {
		return err
	}
	// The demo service reads no keyring on opening; TestCredentials and
	// SaveCredentials work on the seller's account whatever the mode.
	opts.Demo = true
	opts.Env.Credentials = secrets.Credentials{}
	svc, err := e.open(ctx, opts)
	if err != nil {
		return err
	}
	defer svc.Close()

	c, err := e.readCredentials()
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stderr, i18n.T(ui, "cli.login.checking", map[string]any{"Region": reg}))
	acct, err := svc.TestCredentials(ctx, c, reg)
	if err != nil {
		return err
	}
	if err := svc.SaveCredentials(ctx, c, acct); err != nil {
		err = e.report(err)
		if errors.Is(err, secrets.ErrUnavailable) || errors.Is(err, secrets.ErrLocked) {
			fmt.Fprintln(e.Stderr, keyringHint(ui))
		}
		return err
	}
	var markets []string
	for _, m := range acct.Marketplaces {
		markets = append(markets, marketName(m.MarketplaceID))
	}
	fmt.Fprintln(e.Stdout, i18n.T(ui, "cli.login.done",
		map[string]any{"Store": acct.Profile.StoreName, "Region": reg, "Marketplaces": strings.Join(markets, ", ")}))
	return nil
}

// loginRegion picks the region: the flag, SELLERMAIL_REGION, the country of
// the locale (en_US → NA), else EU.
func (e *env) loginRegion(r app.Region) (app.Region, error) {
	if r != "" {
		return r, nil
	}
	if v := e.getenv(app.EnvRegion); v != "" {
		return parseRegion(v)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := e.getenv(k); v != "" {
			return regionOfLocale(v), nil
		}
	}
	return app.RegionEU, nil
}

// regionOfLocale maps a locale such as "en_US.UTF-8" to its country's region.
func regionOfLocale(locale string) app.Region {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	if _, country, ok := strings.Cut(strings.ReplaceAll(locale, "-", "_"), "_"); ok {
		if m, ok := app.MarketplaceByCountry(country); ok {
			return m.Region
		}
	}
	return app.RegionEU
}

// credentialField is one of the three values login asks for; name is the
// secrets.FieldError's Field.
type credentialField struct {
	name   string
	key    string // the catalogue key of the field's name
	dst    func(*secrets.Credentials) *string
	prefix string
}

var credentialFields = []credentialField{
	{"LWA client ID", "cli.login.field.clientid", func(c *secrets.Credentials) *string { return &c.ClientID }, secrets.ClientIDPrefix},
	{"LWA client secret", "cli.login.field.clientsecret", func(c *secrets.Credentials) *string { return &c.ClientSecret }, secrets.ClientSecretPrefix},
	{"refresh token", "cli.login.field.refreshtoken", func(c *secrets.Credentials) *string { return &c.RefreshToken }, secrets.RefreshTokenPrefix},
}

// readCredentials prompts on stderr and reads each value: hidden on a
// terminal, one line each when piped. Each value's format is checked as
// soon as it is read, so a wrong paste is reported before the next prompt.
func (e *env) readCredentials() (secrets.Credentials, error) {
	ui := e.lang
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
		fmt.Fprintf(e.Stderr, "%s (%s…): ", i18n.T(ui, fld.key), fld.prefix)
		v, err := read()
		if err != nil && !(errors.Is(err, io.EOF) && v != "") {
			fmt.Fprintln(e.Stderr)
			if errors.Is(err, io.EOF) {
				return c, inputError{errors.New(i18n.T(ui, "cli.login.inputended", map[string]any{"Field": i18n.T(ui, fld.key)}))}
			}
			return c, inputError{fmt.Errorf("login: %w", err)}
		}
		v = strings.TrimSpace(v)
		*fld.dst(&c) = v
		if ferr := fieldError(c, fld.name); ferr != nil {
			fmt.Fprintln(e.Stderr)
			return c, inputError{errors.New(i18n.T(ui, "cli.login.not_amazon_format") + ferr.Text(ui))}
		}
	}
	return c, nil
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

func parseLogout(args []string) (struct{}, error) { return parseNone("logout")(args) }

// runLogout removes the credentials from the keyring.
func runLogout(ctx context.Context, e *env, _ struct{}) error {
	opts, err := e.options()
	if err != nil {
		return err
	}
	opts.Demo = true // Logout needs only the keyring and the seller's database
	svc, err := e.open(ctx, opts)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Logout(ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, i18n.T(e.lang, "cli.login.logged_out_credentials"))
	return nil
}

// marketName is a marketplace's country code, or its ID when unknown.
func marketName(id string) string {
	if m, ok := app.MarketplaceByID(id); ok {
		return m.CountryCode
	}
	return id
}
