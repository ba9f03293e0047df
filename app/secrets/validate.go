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

// FieldError says what is wrong with one credential field. It never contains
// the field's value.
type FieldError struct {
	Field   string // "LWA client ID", "LWA client secret" or "refresh token"
	Problem string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *FieldError) Unwrap() error { return ErrInvalid }

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
		return &FieldError{name, "is missing"}
	case strings.TrimSpace(v) != v || strings.ContainsAny(v, " \t\r\n"):
		return &FieldError{name, "contains spaces or line breaks; copy it again without them"}
	case len(v) > maxLen:
		return &FieldError{name, fmt.Sprintf("is %d characters long, more than the %d expected", len(v), maxLen)}
	case !strings.HasPrefix(v, prefix):
		return &FieldError{name, fmt.Sprintf("must start with %q", prefix)}
	case len(v) == len(prefix):
		return &FieldError{name, fmt.Sprintf("has nothing after %q", prefix)}
	}
	return nil
}

func checkHexField(name, v, prefix string, maxLen int) error {
	if err := checkCommon(name, v, prefix, maxLen); err != nil {
		return err
	}
	for _, r := range v[len(prefix):] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return &FieldError{name, fmt.Sprintf("the part after %q must be hexadecimal (0-9, a-f)", prefix)}
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
			return &FieldError{name, "contains characters a refresh token never has; copy it again from Seller Central"}
		}
	}
	return nil
}
