package secrets

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sellermail/app/i18n"
)

// Prefixes of the LWA credential formats.
const (
	ClientIDPrefix     = "amzn1.application-oa2-client."
	ClientSecretPrefix = "amzn1.oa2-cs.v1."
	RefreshTokenPrefix = "Atzr|"
)

// Length limits keep the keyring entry small: macOS and Windows refuse
// entries of a few KB.
const (
	maxClientIDLen     = 200
	maxClientSecretLen = 200
	maxRefreshTokenLen = 1024
)

// ErrInvalid is wrapped by every error Validate returns.
var ErrInvalid = errors.New("invalid credentials")

// FieldError says what is wrong with one credential field: in English
// (Error, Problem), and as a catalogue text for the seller's language
// (Text, ProblemText). It never contains the field's value.
type FieldError struct {
	Field   string // "LWA client ID", "LWA client secret" or "refresh token"
	Problem string // English
	// Key is the problem's catalogue key; Args its arguments.
	Key  string
	Args []string
}

// fieldKeys name each field in the catalogue.
var fieldKeys = map[string]string{
	"LWA client ID":     "secrets.field.clientid",
	"LWA client secret": "secrets.field.clientsecret",
	"refresh token":     "secrets.field.refreshtoken",
}

func fieldError(field, key string, nameValues ...string) *FieldError {
	e := &FieldError{Field: field, Key: key, Args: nameValues}
	e.Problem = e.ProblemText(i18n.English)
	return e
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// ProblemText is the problem alone, in lang.
func (e *FieldError) ProblemText(lang i18n.Lang) string { return i18n.New(e.Key, e.Args...).In(lang) }

// Text is the field's name and its problem, in lang.
func (e *FieldError) Text(lang i18n.Lang) string {
	return i18n.T(lang, fieldKeys[e.Field]) + ": " + e.ProblemText(lang)
}

// Stored is the problem as a catalogue text, with the field's key as the
// argument FieldKey, for a text that is rendered later.
func (e *FieldError) Stored() i18n.Text {
	return i18n.New(e.Key, append([]string{"FieldKey", fieldKeys[e.Field]}, e.Args...)...)
}

// FieldErrors returns the field errors anywhere in err (as Validate joins
// them, possibly wrapped further), in the order of the fields; nil when
// there are none.
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case nil:
		case *FieldError:
			out = append(out, x)
		case interface{ Unwrap() []error }:
			for _, inner := range x.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

// Validate checks the format of each field and returns every problem found
// (joined with errors.Join), or nil.
func (c Credentials) Validate() error {
	return errors.Join(
		checkHexField("LWA client ID", c.ClientID, ClientIDPrefix, maxClientIDLen),
		checkHexField("LWA client secret", c.ClientSecret, ClientSecretPrefix, maxClientSecretLen),
		checkRefreshToken(c.RefreshToken),
	)
}

func checkCommon(name, v, prefix string, maxLen int) error {
	switch {
	case v == "":
		return fieldError(name, "secrets.problem.missing")
	case strings.TrimSpace(v) != v || strings.ContainsAny(v, " \t\r\n"):
		return fieldError(name, "secrets.problem.spaces")
	case len(v) > maxLen:
		return fieldError(name, "secrets.problem.toolong", "Len", strconv.Itoa(len(v)), "Max", strconv.Itoa(maxLen))
	case !strings.HasPrefix(v, prefix):
		return fieldError(name, "secrets.problem.prefix", "Prefix", fmt.Sprintf("%q", prefix))
	case len(v) == len(prefix):
		return fieldError(name, "secrets.problem.empty", "Prefix", fmt.Sprintf("%q", prefix))
	}
	return nil
}

func checkHexField(name, v, prefix string, maxLen int) error {
	if err := checkCommon(name, v, prefix, maxLen); err != nil {
		return err
	}
	for _, r := range v[len(prefix):] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return fieldError(name, "secrets.problem.hex", "Prefix", fmt.Sprintf("%q", prefix))
		}
	}
	return nil
}

func checkRefreshToken(v string) error {
	const name = "refresh token"
	if err := checkCommon(name, v, RefreshTokenPrefix, maxRefreshTokenLen); err != nil {
		return err
	}
	for _, r := range v {
		if r < 0x21 || r > 0x7e {
			return fieldError(name, "secrets.problem.chars")
		}
	}
	return nil
}
