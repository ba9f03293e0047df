// Package eval scores the compliance engine on labelled messages: the
// must-hold corpus and the blind sets (policy/testdata/blind), which were
// written by people who had not seen the engine. `make eval` prints its report.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"sellermail/policy"
)

// Record is one labelled message, in one common shape for every set.
type Record struct {
	ID          string      `json:"id"`
	Text        string      `json:"text"`
	Kind        policy.Kind `json:"kind"`
	BuyerLocale string      `json:"buyer_locale"`
	Marketplace string      `json:"marketplace"`
	OrderID     string      `json:"order_id"`
	Template    bool        `json:"template"`
	// Violations are what Amazon's rules forbid in the text.
	Violations []Violation `json:"violations"`
	// Traps name rules the message baits without violating them.
	Traps []string `json:"traps"`
	// Allowed names rules a checker may raise here without being wrong.
	Allowed []string `json:"allowed"`
	Note    string   `json:"note"`
	// Lang is the language of the file the record came from.
	Lang string `json:"-"`
}

// Violation is one labelled fault. Excerpt is an exact piece of the text,
// or empty for a fault of the whole message.
type Violation struct {
	Rule    string `json:"rule"`
	Excerpt string `json:"excerpt"`
}

// Compliant reports whether the record has no violation.
func (r *Record) Compliant() bool { return len(r.Violations) == 0 }

// Message is the record as the checker sees it.
func (r *Record) Message() policy.Message {
	m := policy.Message{Text: r.Text, Kind: r.Kind, BuyerLocale: r.BuyerLocale,
		Marketplace: r.Marketplace, Template: r.Template}
	if r.OrderID != "" {
		m.Order = &policy.OrderFacts{OrderID: r.OrderID}
	}
	return m
}

// span returns the rune span of v in the record's text: the first
// occurrence, or (0, 0, false) for a whole-message label.
func (r *Record) span(v Violation) (start, end int, ok bool) {
	if v.Excerpt == "" {
		return 0, 0, false
	}
	k := strings.Index(r.Text, v.Excerpt)
	if k < 0 {
		return 0, 0, false
	}
	start = utf8.RuneCountInString(r.Text[:k])
	return start, start + utf8.RuneCountInString(v.Excerpt), true
}

// LoadSet reads every *.json file of dir as one set. Each file holds a JSON
// array of records; the file name (de.json) is the language.
func LoadSet(dir string) ([]Record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.json files", dir)
	}
	sort.Strings(files)
	var all []Record
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var recs []Record
		if err := dec.Decode(&recs); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		lang := strings.TrimSuffix(filepath.Base(f), ".json")
		for i := range recs {
			r := &recs[i]
			r.Lang = lang
			if err := r.validate(); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", f, r.ID, err)
			}
			if seen[r.ID] {
				return nil, fmt.Errorf("%s: duplicate id %s", f, r.ID)
			}
			seen[r.ID] = true
		}
		all = append(all, recs...)
	}
	return all, nil
}

func (r *Record) validate() error {
	known := map[string]bool{}
	for _, ri := range policy.Rules() {
		known[ri.ID] = true
	}
	switch {
	case r.ID == "":
		return fmt.Errorf("no id")
	case !utf8.ValidString(r.Text):
		return fmt.Errorf("text is not valid UTF-8")
	case !slices.Contains(policy.Kinds(), r.Kind):
		return fmt.Errorf("unknown kind %q", r.Kind)
	}
	for _, v := range r.Violations {
		if !known[v.Rule] {
			return fmt.Errorf("unknown rule %q", v.Rule)
		}
		if !strings.Contains(r.Text, v.Excerpt) {
			return fmt.Errorf("excerpt %q is not in the text", v.Excerpt)
		}
	}
	for _, id := range append(slices.Clone(r.Traps), r.Allowed...) {
		if !known[id] {
			return fmt.Errorf("unknown rule %q", id)
		}
	}
	return nil
}

// corpusEntry is a record of the must-hold corpus (policy/testdata/corpus),
// labelled with what a finding must and must not be.
type corpusEntry struct {
	ID          string      `json:"id"`
	Text        string      `json:"text"`
	Kind        policy.Kind `json:"kind"`
	BuyerLocale string      `json:"buyer_locale"`
	Marketplace string      `json:"marketplace"`
	OrderID     string      `json:"order_id"`
	Template    bool        `json:"template"`
	Must        []struct {
		Rule     string `json:"rule"`
		Excerpt  string `json:"excerpt"`
		Severity string `json:"severity"`
	} `json:"must"`
	MustNot []string `json:"must_not"`
	Note    string   `json:"note"`
}

// LoadCorpus reads the must-hold corpus as records. Its labels are partial:
// what a message must not produce is named, the rest is allowed.
func LoadCorpus(dir string) ([]Record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no corpus files", dir)
	}
	sort.Strings(files)
	var all []Record
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var entries []corpusEntry
		if err := json.Unmarshal(data, &entries); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		lang := strings.TrimSuffix(filepath.Base(f), ".json")
		for _, e := range entries {
			r := Record{ID: e.ID, Text: e.Text, Kind: e.Kind, BuyerLocale: e.BuyerLocale,
				Marketplace: e.Marketplace, OrderID: e.OrderID, Template: e.Template, Note: e.Note, Lang: lang}
			for _, m := range e.Must {
				r.Violations = append(r.Violations, Violation{Rule: m.Rule, Excerpt: m.Excerpt})
			}
			for _, ri := range policy.Rules() {
				if !slices.Contains(e.MustNot, ri.ID) {
					r.Allowed = append(r.Allowed, ri.ID)
				}
			}
			all = append(all, r)
		}
	}
	return all, nil
}
