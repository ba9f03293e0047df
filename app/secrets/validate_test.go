package secrets

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	mod := func(f func(*Credentials)) Credentials {
		c := good
		f(&c)
		return c
	}
	tests := []struct {
		name string
		c    Credentials
		want []string // substrings of the error; none means valid
	}{
		{"good", good, nil},
		{"all missing", Credentials{}, []string{"LWA client ID: is missing", "LWA client secret: is missing", "refresh token: is missing"}},
		{"client ID prefix", mod(func(c *Credentials) { c.ClientID = "amzn1.application-oa2-clint.abc" }), []string{`LWA client ID: must start with "amzn1.application-oa2-client."`}},
		{"client ID not hex", mod(func(c *Credentials) { c.ClientID = ClientIDPrefix + "xyz" }), []string{"LWA client ID: the part after", "hexadecimal"}},
		{"client ID only prefix", mod(func(c *Credentials) { c.ClientID = ClientIDPrefix }), []string{"LWA client ID: has nothing after"}},
		{"secret pasted with newline", mod(func(c *Credentials) { c.ClientSecret += "\n" }), []string{"LWA client secret: contains spaces or line breaks"}},
		{"secret is the client ID", mod(func(c *Credentials) { c.ClientSecret = good.ClientID }), []string{`LWA client secret: must start with "amzn1.oa2-cs.v1."`}},
		{"token prefix", mod(func(c *Credentials) { c.RefreshToken = "Atza|abc" }), []string{`refresh token: must start with "Atzr|"`}},
		{"token too long", mod(func(c *Credentials) { c.RefreshToken = "Atzr|" + strings.Repeat("a", 2000) }), []string{"refresh token: is 2005 characters long"}},
		{"token non-ASCII", mod(func(c *Credentials) { c.RefreshToken = "Atzr|abcä" }), []string{"refresh token: contains characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("valid credentials rejected: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("err %v has no *FieldError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// FuzzDecode: any keyring entry decodes or is rejected without panicking,
// and valid credentials survive encode/decode unchanged.
func FuzzDecode(f *testing.F) {
	f.Add(encode(good))
	f.Add("")
	f.Add(entryHeader)
	f.Add(entryHeader + "\n\n\n")
	f.Add("sellermail-lwa-v2\na\nb\nc")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decode(s)
		if err != nil {
			return
		}
		if c.Validate() == nil {
			if back, err := decode(encode(c)); err != nil || back != c {
				t.Fatalf("round trip of %q changed it: %v", s, err)
			}
		}
	})
}
