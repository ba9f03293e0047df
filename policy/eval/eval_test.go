package eval

import (
	"os"
	"path/filepath"
	"testing"

	"sellermail/policy"
)

// TestScore checks the counting on messages whose findings are known: a
// link the engine blocks, a compliant message it leaves alone, a labelled
// violation it cannot see, and a false hint on a compliant message.
func TestScore(t *testing.T) {
	c := policy.NewChecker()
	recs := []Record{
		{ID: "link", Kind: policy.KindReply, Text: "Details: https://example-shop.de/info",
			Violations: []Violation{{Rule: "EXTERNAL_LINK", Excerpt: "https://example-shop.de/info"}}},
		{ID: "clean", Kind: policy.KindReply, Text: "Das Paket kommt morgen mit DHL."},
		{ID: "missed", Kind: policy.KindReply, Text: "Das Paket kommt morgen.",
			Violations: []Violation{{Rule: "TONE", Excerpt: "kommt"}}},
		{ID: "false", Kind: policy.KindReply, Text: "Schreiben Sie uns an info@example-shop.de."},
	}
	s := Run(c, "test", recs, nil)
	got := s.Total
	if got.Labels != 2 || got.FoundWarn != 1 || got.Compliant != 2 || got.CompliantClean != 1 || got.CompliantRisk != 1 {
		t.Errorf("counts = %+v", got)
	}
	if got.Spans != 2 || got.Marked != 1 {
		t.Errorf("spans %d marked %d, want 2 and 1", got.Spans, got.Marked)
	}
	if r := s.ByRule["EMAIL_ADDRESS"]; r == nil || r.Findings != 1 || r.TrueFindings != 0 {
		t.Errorf("EMAIL_ADDRESS on a compliant message must count as a false finding: %+v", r)
	}
	if r := s.ByRule["EXTERNAL_LINK"]; r == nil || r.TrueFindings != 1 || r.FoundRiskRule != 1 {
		t.Errorf("EXTERNAL_LINK found at block: %+v", r)
	}
	falseEmail := false
	for _, f := range s.Results[3].False {
		falseEmail = falseEmail || f.Rule == "EMAIL_ADDRESS"
	}
	if len(s.Results[2].Missed) != 1 || !falseEmail {
		t.Errorf("misses %v, false %v", s.Results[2].Missed, s.Results[3].False)
	}
}

// TestAllowedIsNotFalse: a rule named as allowed on a message is no false hint.
func TestAllowedIsNotFalse(t *testing.T) {
	c := policy.NewChecker()
	recs := []Record{{ID: "a", Kind: policy.KindReply, Text: "Schreiben Sie uns an info@example-shop.de.",
		Allowed: []string{"EMAIL_ADDRESS", "OFF_AMAZON_CONTACT"}}}
	if s := Run(c, "test", recs, nil); s.Total.CompliantClean != 1 {
		t.Errorf("allowed finding counted: %+v", s.Results[0].False)
	}
}

// TestIgnoreLeavesRuleOut: an ignored rule's findings are neither false hints
// nor found labels; the other rules are scored as before.
func TestIgnoreLeavesRuleOut(t *testing.T) {
	c := policy.NewChecker()
	recs := []Record{{ID: "a", Kind: policy.KindInvoice, Lang: "de", Text: "Anbei Ihre Rechnung zur Bestellung 302-1111111-2222222."}}
	if s := Run(c, "test", recs, nil); s.Total.CompliantClean != 0 {
		t.Fatalf("an invoice with text is not clean without ignore: %+v", s.Results[0].Findings)
	}
	if s := Run(c, "test", recs, map[string]bool{"TEXT_NOT_ALLOWED": true}); s.Total.CompliantClean != 1 {
		t.Errorf("ignored rule still counted: %+v", s.Results[0].False)
	}
}

// TestSetsLoad checks every stored set: valid JSON in the record shape,
// known rules and kinds, excerpts that are in their texts, unique IDs.
func TestSetsLoad(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "blind", "set*"))
	if len(dirs) == 0 {
		t.Fatal("no blind sets under policy/testdata/blind")
	}
	for _, dir := range dirs {
		recs, err := LoadSet(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) < 100 {
			t.Errorf("%s: %d records, want a set of at least 100", dir, len(recs))
		}
	}
	if _, err := LoadCorpus(filepath.Join("..", "testdata", "corpus")); err != nil {
		t.Fatal(err)
	}
}

func TestLoadSetRejectsBadExcerpt(t *testing.T) {
	dir := t.TempDir()
	bad := `[{"id":"x","text":"Hallo","kind":"reply","violations":[{"rule":"TONE","excerpt":"nicht da"}]}]`
	if err := os.WriteFile(filepath.Join(dir, "de.json"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSet(dir); err == nil {
		t.Fatal("an excerpt that is not in the text was accepted")
	}
}
