package policy

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The labelled corpus: realistic seller messages in several languages, each
// with the findings a correct checker must and must not produce, labelled by
// Amazon's rules rather than by what is easy to detect.

// corpusLanguages are the corpus files; every one must exist and be non-empty.
var corpusLanguages = []string{"de", "en", "fr", "it", "es"}

// corpusRules are the rule IDs the checker reports; a label naming anything
// else is a typo.
var corpusRules = func() []string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}()

// corpusKinds are the message kinds a corpus entry may use.
var corpusKinds = []Kind{
	KindConfirmCustomizationDetails, KindConfirmDeliveryDetails, KindConfirmOrderDetails,
	KindConfirmServiceDetails, KindDigitalAccessKey, KindUnexpectedProblem, KindLegalDisclosure,
	KindWarranty, KindInvoice, KindReply,
}

// corpusEntry is one labelled message.
type corpusEntry struct {
	ID          string          `json:"id"`
	Text        string          `json:"text"`
	Kind        Kind            `json:"kind"`
	BuyerLocale string          `json:"buyer_locale"`
	Marketplace string          `json:"marketplace"`
	OrderID     string          `json:"order_id"`
	Template    bool            `json:"template"`
	Must        []corpusFinding `json:"must"`
	MustNot     []string        `json:"must_not"`
	Note        string          `json:"note"`
}

// corpusFinding is a finding the checker must produce. Excerpt, when set, is
// a piece of the text the finding must cover: the finding's span overlaps
// one of its occurrences, or the finding's excerpt contains it.
type corpusFinding struct {
	Rule     string `json:"rule"`
	Excerpt  string `json:"excerpt,omitempty"`
	Severity string `json:"severity,omitempty"`
}

func corpusDir() string { return filepath.Join("testdata", "corpus") }

// loadCorpus reads and validates every corpus file; malformed labels fail
// the test here, before the checker is involved.
func loadCorpus(t *testing.T) []corpusEntry {
	t.Helper()
	var all []corpusEntry
	seen := map[string]bool{}
	for _, lang := range corpusLanguages {
		path := filepath.Join(corpusDir(), lang+".json")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("corpus for %s: %v", lang, err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var entries []corpusEntry
		if err := dec.Decode(&entries); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(entries) == 0 {
			t.Fatalf("%s: no messages", path)
		}
		for _, e := range entries {
			if problem := e.validate(lang); problem != "" {
				t.Errorf("%s %s: %s", path, e.ID, problem)
			}
			if seen[e.ID] {
				t.Errorf("%s: duplicate id %s", path, e.ID)
			}
			seen[e.ID] = true
		}
		all = append(all, entries...)
	}
	return all
}

// validate reports the first thing wrong with an entry's labels, or "".
func (e corpusEntry) validate(lang string) string {
	switch {
	case !strings.HasPrefix(e.ID, lang+"-"):
		return "id must start with " + lang + "-"
	case !utf8.ValidString(e.Text):
		return "text is not valid UTF-8"
	case !slices.Contains(corpusKinds, e.Kind):
		return "unknown kind " + string(e.Kind)
	case len(e.Must) == 0 && len(e.MustNot) == 0:
		return "no expectations"
	case strings.TrimSpace(e.Note) == "":
		return "no note saying why"
	}
	for _, f := range e.Must {
		switch {
		case !slices.Contains(corpusRules, f.Rule):
			return "unknown rule " + f.Rule
		case f.Excerpt != "" && !strings.Contains(e.Text, f.Excerpt):
			return "excerpt " + f.Excerpt + " is not in the text"
		case f.Severity != "" && !slices.Contains([]string{"block", "risk", "warn", "style"}, f.Severity):
			return "unknown severity " + f.Severity
		}
	}
	for _, r := range e.MustNot {
		if !slices.Contains(corpusRules, r) {
			return "unknown rule " + r
		}
		if slices.ContainsFunc(e.Must, func(f corpusFinding) bool { return f.Rule == r }) {
			return r + " is both required and forbidden"
		}
	}
	return ""
}

func (e corpusEntry) message() Message {
	m := Message{
		Text:        e.Text,
		Kind:        e.Kind,
		BuyerLocale: e.BuyerLocale,
		Marketplace: e.Marketplace,
		Template:    e.Template,
	}
	if e.OrderID != "" {
		m.Order = &OrderFacts{OrderID: e.OrderID}
	}
	return m
}

func TestCorpusIsWellFormed(t *testing.T) {
	entries := loadCorpus(t)
	if len(entries) < 200 {
		t.Errorf("corpus has %d messages, want at least 200", len(entries))
	}
	compliant := 0
	for _, e := range entries {
		if len(e.Must) == 0 {
			compliant++
		}
	}
	if compliant < len(entries)/5 {
		t.Errorf("only %d of %d messages are compliant; the corpus needs false-positive traps", compliant, len(entries))
	}
}

// TestCorpusLanguages checks DetectLanguage on every corpus message: it
// names the buyer's language or says unknown, and it names another language
// exactly where the message is labelled as written in the wrong one.
func TestCorpusLanguages(t *testing.T) {
	for _, e := range loadCorpus(t) {
		buyer, _, _ := strings.Cut(e.BuyerLocale, "-")
		got := DetectLanguage(e.Text)
		wrongLanguage := slices.ContainsFunc(e.Must, func(f corpusFinding) bool { return f.Rule == "BUYER_LANGUAGE" })
		switch {
		case wrongLanguage && (got.Code == "" || got.Code == buyer):
			t.Errorf("%s: detected %q (%.2f), want a language other than %q", e.ID, got.Code, got.Confidence, buyer)
		case !wrongLanguage && got.Code != "" && got.Code != buyer:
			t.Errorf("%s: detected %q (%.2f) for a message in %q", e.ID, got.Code, got.Confidence, buyer)
		}
	}
}

func TestCorpus(t *testing.T) {
	entries := loadCorpus(t)
	c := NewChecker()
	for _, e := range entries {
		t.Run(e.ID, func(t *testing.T) {
			res := c.Check(e.message(), English)
			for _, want := range e.Must {
				if !corpusSatisfied(e.Text, res.Findings, want) {
					t.Errorf("missing %s%s (%s)\ntext: %q\ngot: %s", want.Rule, want.describe(), e.Note, e.Text, corpusSummary(res.Findings))
				}
			}
			for _, f := range res.Findings {
				if slices.Contains(e.MustNot, f.Rule) {
					t.Errorf("unexpected %s on %q (%s)", f.Rule, f.Excerpt, e.Note)
				}
			}
		})
	}
}

func (f corpusFinding) describe() string {
	var b strings.Builder
	if f.Excerpt != "" {
		b.WriteString(" covering " + strconv.Quote(f.Excerpt))
	}
	if f.Severity != "" {
		b.WriteString(" at severity " + f.Severity)
	}
	return b.String()
}

// corpusSatisfied reports whether a finding matches the expectation.
func corpusSatisfied(text string, findings []Finding, want corpusFinding) bool {
	for _, f := range findings {
		if f.Rule != want.Rule {
			continue
		}
		if want.Severity != "" && f.Severity.String() != want.Severity {
			continue
		}
		if want.Excerpt == "" || corpusCovers(text, f, want.Excerpt) {
			return true
		}
	}
	return false
}

// corpusCovers reports whether finding f covers excerpt: its rune span
// overlaps an occurrence of excerpt in text, or its own excerpt contains it.
func corpusCovers(text string, f Finding, excerpt string) bool {
	if f.Excerpt != "" && strings.Contains(strings.ToLower(f.Excerpt), strings.ToLower(excerpt)) {
		return true
	}
	if f.Start == f.End {
		return false
	}
	for from := 0; ; {
		k := strings.Index(text[from:], excerpt)
		if k < 0 {
			return false
		}
		start := utf8.RuneCountInString(text[:from+k])
		end := start + utf8.RuneCountInString(excerpt)
		if f.Start < end && start < f.End {
			return true
		}
		from += k + len(excerpt)
	}
}

// corpusSummary lists findings compactly for a failure message.
func corpusSummary(fs []Finding) string {
	if len(fs) == 0 {
		return "no findings"
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Rule + "/" + f.Severity.String() + " " + strconv.Quote(f.Excerpt)
	}
	return strings.Join(parts, ", ")
}
