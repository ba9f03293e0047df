package app

import (
	"testing"
	"time"
)

func TestCursorRoundTrip(t *testing.T) {
	c := cursor{before: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC), token: "abc|def"}
	got, ok := decodeCursor(c.encode())
	if !ok || !got.before.Equal(c.before) || got.token != c.token {
		t.Fatalf("decode(encode(%+v)) = %+v, %v", c, got, ok)
	}
	for _, bad := range []string{"", "123", "123|", "x|tok", "|tok"} {
		if _, ok := decodeCursor(bad); ok {
			t.Errorf("decodeCursor(%q) accepted", bad)
		}
	}
}

// FuzzDecodeCursor: a damaged stored cursor is refused (the window then
// starts over) and never panics; an accepted one encodes back unchanged.
func FuzzDecodeCursor(f *testing.F) {
	f.Add("1777629600|abc")
	f.Add("|")
	f.Add("-1|x|y")
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := decodeCursor(s)
		if !ok {
			return
		}
		again, ok := decodeCursor(c.encode())
		if !ok || !again.before.Equal(c.before) || again.token != c.token {
			t.Fatalf("%q: round trip %+v -> %+v", s, c, again)
		}
	})
}
