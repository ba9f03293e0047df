package secrets

import (
	"sellermail/app/i18n"

	"errors"
	"fmt"
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
		de   []string // substrings of the German texts, one per field error
	}{
		{"good", good, nil, nil},
		{"all missing", Credentials{}, []string{"LWA client ID: is missing", "LWA client secret: is missing", "refresh token: is missing"},
			[]string{"LWA-Client-ID: fehlt", "LWA-Client-Secret: fehlt", "Refresh-Token: fehlt"}},
		{"client ID prefix", mod(func(c *Credentials) { c.ClientID = "amzn1.application-oa2-clint.abc" }), []string{`LWA client ID: must start with "amzn1.application-oa2-client."`}, []string{`LWA-Client-ID: muss mit "amzn1.application-oa2-client." beginnen`}},
		{"client ID not hex", mod(func(c *Credentials) { c.ClientID = ClientIDPrefix + "xyz" }), []string{"LWA client ID: the part after", "hexadecimal"}, []string{`LWA-Client-ID: der Teil nach "amzn1.application-oa2-client." muss hexadezimal sein`}},
		{"client ID only prefix", mod(func(c *Credentials) { c.ClientID = ClientIDPrefix }), []string{"LWA client ID: has nothing after"}, []string{"LWA-Client-ID: enthält nichts nach"}},
		{"secret pasted with newline", mod(func(c *Credentials) { c.ClientSecret += "\n" }), []string{"LWA client secret: contains spaces or line breaks"}, []string{"LWA-Client-Secret: enthält Leerzeichen oder Zeilenumbrüche"}},
		{"secret is the client ID", mod(func(c *Credentials) { c.ClientSecret = good.ClientID }), []string{`LWA client secret: must start with "amzn1.oa2-cs.v1."`}, []string{`LWA-Client-Secret: muss mit "amzn1.oa2-cs.v1." beginnen`}},
		{"token prefix", mod(func(c *Credentials) { c.RefreshToken = "Atza|abc" }), []string{`refresh token: must start with "Atzr|"`}, []string{`Refresh-Token: muss mit "Atzr|" beginnen`}},
		{"token too long", mod(func(c *Credentials) { c.RefreshToken = "Atzr|" + strings.Repeat("a", 2000) }), []string{"refresh token: is 2005 characters long"}, []string{"Refresh-Token: ist 2005 Zeichen lang, mehr als die erwarteten 1024"}},
		{"token non-ASCII", mod(func(c *Credentials) { c.RefreshToken = "Atzr|abcä" }), []string{"refresh token: contains characters"}, []string{"Refresh-Token: enthält Zeichen, die ein Refresh-Token nie hat"}},
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
			fes := FieldErrors(err)
			var en, de []string
			for _, fe := range fes {
				en = append(en, fe.Text(i18n.English))
				de = append(de, fe.Text(i18n.German))
				if fe.ProblemText(i18n.German) == fe.Problem || fe.ProblemText(i18n.English) != fe.Problem {
					t.Errorf("%s: problem texts en %q, de %q", fe.Field, fe.ProblemText(i18n.English), fe.ProblemText(i18n.German))
				}
			}
			if len(fes) != len(tt.de) {
				t.Errorf("FieldErrors found %d, want %d", len(fes), len(tt.de))
			}
			for _, w := range tt.want {
				if !strings.Contains(strings.Join(en, "\n"), w) {
					t.Errorf("English texts %q lack %q", en, w)
				}
			}
			for _, w := range tt.de {
				if !strings.Contains(strings.Join(de, "\n"), w) {
					t.Errorf("German texts %q lack %q", de, w)
				}
			}
		})
	}
}

func TestFieldErrorsOfOtherErrors(t *testing.T) {
	if fes := FieldErrors(nil); fes != nil {
		t.Errorf("FieldErrors(nil) = %v", fes)
	}
	if fes := FieldErrors(errors.Join(ErrLocked, errors.New("dbus"))); fes != nil {
		t.Errorf("FieldErrors of keyring errors = %v", fes)
	}
	wrapped := fmt.Errorf("login: %w", Credentials{ClientID: "x"}.Validate())
	if fes := FieldErrors(wrapped); len(fes) != 3 || fes[0].Field != "LWA client ID" || fes[2].Field != "refresh token" {
		t.Errorf("FieldErrors of a wrapped error, in field order: %v", fes)
	}
	single := Credentials{ClientID: "x"}.Validate()
	if fes := FieldErrors(single); len(fes) != 3 || fes[0].Field != "LWA client ID" || fes[2].Field != "refresh token" {
		t.Errorf("FieldErrors in field order: %v", fes)
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
