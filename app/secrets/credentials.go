package secrets

import (
	"fmt"
	"log/slog"
)

// Credentials are the LWA app credentials and the seller's refresh token.
// Printing them with fmt, slog or encoding/json shows only which fields are
// set, never their values.
type Credentials struct {
	ClientID     string // amzn1.application-oa2-client.<hex>
	ClientSecret string // amzn1.oa2-cs.v1.<hex>
	RefreshToken string // Atzr|...
}

func redacted(v string) string {
	if v == "" {
		return "<empty>"
	}
	return "<redacted>"
}

// String describes c without its values.
func (c Credentials) String() string {
	return fmt.Sprintf("Credentials{ClientID:%s ClientSecret:%s RefreshToken:%s}",
		redacted(c.ClientID), redacted(c.ClientSecret), redacted(c.RefreshToken))
}

// GoString is String, so %#v does not print the values either.
func (c Credentials) GoString() string { return "secrets." + c.String() }

// Format makes every fmt verb (%v, %+v, %#v, %s, %q, %x, ...) print the
// redacted form.
func (c Credentials) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, c.GoString())
		return
	}
	fmt.Fprint(f, c.String())
}

// LogValue keeps the values out of structured logs.
func (c Credentials) LogValue() slog.Value { return slog.StringValue(c.String()) }

// MarshalJSON keeps the values out of JSON, for example a debug dump.
func (c Credentials) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%q", c.String()), nil
}

// IsZero reports whether no field is set.
func (c Credentials) IsZero() bool { return c == Credentials{} }
