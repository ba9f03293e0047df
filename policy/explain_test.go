package policy

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestExplain prints how the checker reads the records named in
// POLICY_EXPLAIN ("file.json:id,id"): hits, clauses and findings. It is a
// tool for finding classes of mistakes and skips itself otherwise.
func TestExplain(t *testing.T) {
	spec := os.Getenv("POLICY_EXPLAIN")
	if spec == "" {
		t.Skip("set POLICY_EXPLAIN=file.json:id,id")
	}
	file, ids, _ := strings.Cut(spec, ":")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		ID, Text string
		Kind     Kind
		Template bool
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	c := NewChecker()
	for _, r := range recs {
		if !strings.Contains(","+ids+",", ","+r.ID+",") {
			continue
		}
		m := Message{Text: r.Text, Kind: r.Kind, Template: r.Template}
		res := c.Check(m, English)
		d := &doc{m: &m, kind: func() kindInfo { k, _ := m.Kind.info(); return k }()}
		d.decode(m.Text)
		d.checkPlaceholders()
		d.findOrderIDs()
		d.checkEmails()
		d.checkLinks()
		d.unmaskEvasions()
		d.toks, d.folded = tokenize(d.runes, nil)
		d.applyMasks()
		d.buildClauses()
		d.hits = c.phrases.find(d.toks, d.folded, nil)
		d.cancelHits()
		fmt.Printf("### %s %s\n", r.ID, r.Kind)
		for _, cl := range d.clauses {
			fmt.Printf("  clause s%d %012b %q\n", cl.sent, cl.flags, d.text(d.toks[cl.from].start, d.toks[cl.to-1].end))
		}
		for _, h := range d.hits {
			fmt.Printf("  hit %d s%d %q\n", h.cat, d.sentOf(h), d.text(d.toks[h.from].start, d.toks[h.to-1].end))
		}
		for _, f := range res.Findings {
			fmt.Printf("  => %s/%s %q\n", f.Rule, f.Severity, f.Excerpt)
		}
	}
}
