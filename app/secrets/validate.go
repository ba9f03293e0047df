package secrets

import (
	"errors"
	"fmt"
	"strings"
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

// FieldError says what is wrong with one credential field, in English
// (Error, Problem) and German (Text, ProblemText). It never contains the
// field's value.
type FieldError struct {
	Field   string // "LWA client ID", "LWA client secret" or "refresh token"
	Problem string // English
	german  string
}

func fieldError(field, en, de string) *FieldError {
	return &FieldError{Field: field, Problem: en, german: de}
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// ProblemText is the problem alone, in German when german is set.
func (e *FieldError) ProblemText(german bool) string {
	if german && e.german != "" {
		return e.german
	}
	return e.Problem
}

// Text is the field's name and its problem, in German when german is set.
func (e *FieldError) Text(german bool) string {
	if !german {
		return e.Error()
	}
	return germanFieldNames[e.Field] + ": " + e.ProblemText(true)
}

// germanFieldNames are the fields as the German texts name them.
var germanFieldNames = map[string]string{
	"LWA client ID":     "LWA-Client-ID",
	"LWA client secret": "LWA-Client-Secret",
	"refresh token":     "Refresh-Token",
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
		return fieldError(name, "is missing", "fehlt")
	case strings.TrimSpace(v) != v || strings.ContainsAny(v, " \t\r\n"):
		return fieldError(name, "contains spaces or line breaks; copy it again without them",
			"enthält Leerzeichen oder Zeilenumbrüche; kopieren Sie den Wert erneut ohne sie")
	case len(v) > maxLen:
		return fieldError(name, fmt.Sprintf("is %d characters long, more than the %d expected", len(v), maxLen),
			fmt.Sprintf("ist %d Zeichen lang, mehr als die erwarteten %d", len(v), maxLen))
	case !strings.HasPrefix(v, prefix):
		return fieldError(name, fmt.Sprintf("must start with %q", prefix), fmt.Sprintf("muss mit %q beginnen", prefix))
	case len(v) == len(prefix):
		return fieldError(name, fmt.Sprintf("has nothing after %q", prefix), fmt.Sprintf("enthält nichts nach %q", prefix))
	}
	return nil
}

func checkHexField(name, v, prefix string, maxLen int) error {
	if err := checkCommon(name, v, prefix, maxLen); err != nil {
		return err
	}
	for _, r := range v[len(prefix):] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return fieldError(name, fmt.Sprintf("the part after %q must be hexadecimal (0-9, a-f)", prefix),
				fmt.Sprintf("der Teil nach %q muss hexadezimal sein (0-9, a-f)", prefix))
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
			return fieldError(name, "contains characters a refresh token never has; copy it again from Seller Central",
				"enthält Zeichen, die ein Refresh-Token nie hat; kopieren Sie es erneut aus Seller Central")
		}
	}
	return nil
}
