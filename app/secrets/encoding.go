package secrets

import (
	"errors"
	"strings"
)

// entryHeader starts every keyring entry, so a future format can be told
// apart and an entry written by something else is not misread.
const entryHeader = "sellermail-lwa-v1"

// encode packs the three fields into one small keyring entry; one entry per
// profile means a save is all or nothing. Validated fields contain no line
// breaks.
func encode(c Credentials) string {
	return entryHeader + "\n" + c.ClientID + "\n" + c.ClientSecret + "\n" + c.RefreshToken
}

var errBadEntry = errors.New("unrecognised entry")

// decode reverses encode.
func decode(s string) (Credentials, error) {
	parts := strings.Split(s, "\n")
	if len(parts) != 4 || parts[0] != entryHeader {
		return Credentials{}, errBadEntry
	}
	return Credentials{ClientID: parts[1], ClientSecret: parts[2], RefreshToken: parts[3]}, nil
}
