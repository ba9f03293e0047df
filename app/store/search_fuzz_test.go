package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch feeds arbitrary search text to both full-text searches: typed
// input must never cause an SQL error, and a word taken from a stored
// message must find it.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"", "refund", `"`, `a" OR "b`, "NEAR(a b)", "*", "-x", "^a", "a:b", "col:refund", "AND", "(", "302-1234567-1234567", "ÄÖÜ ß", "\x00"} {
		f.Add(seed)
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(f.TempDir(), FileName))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	if err := s.UpsertOrders(ctx, []Order{testOrder(1)}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.ListOrders(ctx, OrderFilter{Search: q, Limit: 1}); err != nil {
			t.Fatalf("order search %q: %v", q, err)
		}
		if _, err := s.ListHistory(ctx, HistoryFilter{Search: q, Limit: 1}); err != nil {
			t.Fatalf("history search %q: %v", q, err)
		}
		word := strings.Map(func(r rune) rune {
			if r < 'a' || r > 'z' {
				return -1
			}
			return r
		}, strings.ToLower(q))
		if !utf8.ValidString(q) || word == "" {
			return
		}
		m := testMessage("302-0000001-0000001")
		m.Text = "prefix " + word + " suffix"
		id, err := s.EnqueueMessage(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		found, err := s.ListHistory(ctx, HistoryFilter{Search: word, Limit: 1})
		if err != nil || len(found) == 0 || found[0].ID != id {
			t.Fatalf("search %q did not find the message just stored with it: %+v, %v", word, found, err)
		}
	})
}
