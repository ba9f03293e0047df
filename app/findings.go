package app

import (
	"encoding/json"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// storedFinding is what the history keeps of a finding: its rule, severity
// and span, never its explanation, which is policy's text in the language
// of the moment it is shown. The field names are those of policy.Finding,
// so rows written before explanations were dropped read the same way.
type storedFinding struct {
	Rule       string
	Severity   policy.Severity
	Start, End int
	Excerpt    string `json:",omitempty"`
}

// findingsJSON records the findings the message went out with.
func findingsJSON(r policy.Result) string {
	if len(r.Findings) == 0 {
		return ""
	}
	out := make([]storedFinding, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = storedFinding{Rule: f.Rule, Severity: f.Severity, Start: f.Start, End: f.End, Excerpt: f.Excerpt}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return ""
	}
	return string(b)
}

// SentFindings returns the findings m was sent with, explained in lang. The
// text is checked again in lang and each stored finding takes the words of
// the finding of the same rule at the same place; one the rules no longer
// make there gets its rule's general explanation. The error is set when the
// stored findings cannot be read.
func (s *Service) SentFindings(m store.Message, lang i18n.Lang) ([]policy.Finding, error) {
	if m.FindingsJSON == "" {
		return nil, nil
	}
	var stored []storedFinding
	if err := json.Unmarshal([]byte(m.FindingsJSON), &stored); err != nil {
		return nil, err
	}
	type place struct {
		rule       string
		start, end int
	}
	now := map[place]policy.Finding{}
	res := s.checker.Check(policy.Message{Text: m.Text, Kind: policy.Kind(m.Kind), Marketplace: m.MarketplaceID}, PolicyLang(lang))
	for _, f := range res.Findings {
		now[place{f.Rule, f.Start, f.End}] = f
	}
	out := make([]policy.Finding, len(stored))
	for i, sf := range stored {
		f := policy.Finding{Rule: sf.Rule, Severity: sf.Severity, Start: sf.Start, End: sf.End, Excerpt: sf.Excerpt}
		if again, ok := now[place{sf.Rule, sf.Start, sf.End}]; ok {
			f.Message, f.Fix = again.Message, again.Fix
		} else {
			f.Message = ruleExplanation(sf.Rule, lang)
		}
		out[i] = f
	}
	return out, nil
}
