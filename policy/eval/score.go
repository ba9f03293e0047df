package eval

import (
	"slices"

	"sellermail/policy"
)

// Counts are the tallies behind every figure of the report.
type Counts struct {
	// Violations labelled, and of them found by a finding of the same rule
	// at warn or above, and at risk or above.
	Labels, FoundWarn, FoundRisk int
	// LabelsRiskRule counts the labels of rules whose catalogue severity is
	// risk or block, and FoundRiskRule those of them found at risk or above.
	LabelsRiskRule, FoundRiskRule int
	// Spans are labels with an excerpt, Marked those overlapped by a finding
	// of the same rule (any severity).
	Spans, Marked int
	// Findings at warn or above that count (not allowed on the message), and
	// of them those that mark a labelled violation of their rule.
	Findings, TrueFindings int
	// Compliant messages, those without any counting finding at warn or
	// above, and those with one at risk or above.
	Compliant, CompliantClean, CompliantRisk int
	Messages                                 int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Labels += o.Labels
	c.FoundWarn += o.FoundWarn
	c.FoundRisk += o.FoundRisk
	c.LabelsRiskRule += o.LabelsRiskRule
	c.FoundRiskRule += o.FoundRiskRule
	c.Spans += o.Spans
	c.Marked += o.Marked
	c.Findings += o.Findings
	c.TrueFindings += o.TrueFindings
	c.Compliant += o.Compliant
	c.CompliantClean += o.CompliantClean
	c.CompliantRisk += o.CompliantRisk
	c.Messages += o.Messages
}

// Outcome is one record checked: the counts per rule and for the whole message.
type Outcome struct {
	Record   *Record
	Findings []policy.Finding
	// Missed are the labels no finding of their rule marks at warn or above.
	Missed []Violation
	// False are the counting findings at warn or above that mark no label.
	False  []policy.Finding
	ByRule map[string]*Counts
	Total  Counts
}

// Score checks r with c and compares the findings with the labels. Findings
// of the rules in ignore are left out, as if the engine had not made them.
func Score(c *policy.Checker, r *Record, ignore map[string]bool) Outcome {
	res := c.Check(r.Message(), policy.English)
	fs := res.Findings
	if len(ignore) > 0 {
		fs = slices.DeleteFunc(slices.Clone(fs), func(f policy.Finding) bool { return ignore[f.Rule] })
	}
	o := Outcome{Record: r, Findings: fs, ByRule: map[string]*Counts{}}
	rule := func(id string) *Counts {
		if o.ByRule[id] == nil {
			o.ByRule[id] = &Counts{}
		}
		return o.ByRule[id]
	}
	severe := map[string]bool{}
	// A style rule is found at its own severity; every other at warn or above.
	floor := map[string]policy.Severity{}
	for _, ri := range policy.Rules() {
		severe[ri.ID] = ri.Severity >= policy.Risk
		floor[ri.ID] = min(ri.Severity, policy.Warn)
	}
	for _, v := range r.Violations {
		rc := rule(v.Rule)
		rc.Labels++
		warn, risk, any := false, false, false
		for _, f := range fs {
			if f.Rule != v.Rule || !r.marks(f, v) {
				continue
			}
			any = true
			warn = warn || f.Severity >= floor[v.Rule]
			risk = risk || f.Severity >= policy.Risk
		}
		if _, _, ok := r.span(v); ok {
			rc.Spans++
			if any {
				rc.Marked++
			}
		}
		if warn {
			rc.FoundWarn++
		} else {
			o.Missed = append(o.Missed, v)
		}
		if risk {
			rc.FoundRisk++
		}
		if severe[v.Rule] {
			rc.LabelsRiskRule++
			if risk {
				rc.FoundRiskRule++
			}
		}
	}
	worst := policy.Severity(0)
	for _, f := range fs {
		if f.Severity < policy.Warn || slices.Contains(r.Allowed, f.Rule) || f.Rule == notScored {
			continue
		}
		rc := rule(f.Rule)
		rc.Findings++
		// A finding is true when the message has a violation of its rule: a
		// second emoji or tag of a labelled one is no false hint. Where it
		// lies is measured by the spans.
		if slices.ContainsFunc(r.Violations, func(v Violation) bool { return v.Rule == f.Rule }) {
			rc.TrueFindings++
		} else {
			o.False = append(o.False, f)
		}
		worst = max(worst, f.Severity)
	}
	for _, rc := range o.ByRule {
		o.Total.Add(*rc)
	}
	o.Total.Messages = 1
	if r.Compliant() {
		o.Total.Compliant = 1
		if worst < policy.Warn {
			o.Total.CompliantClean = 1
		}
		if worst >= policy.Risk {
			o.Total.CompliantRisk = 1
		}
	}
	return o
}

// notScored is the one rule about Sellermail itself rather than Amazon's:
// a template field Sellermail's renderer cannot fill ({{buyer_name}}). It is
// right in the app and says nothing about compliance, so the sets do not
// label it.
const notScored = "UNKNOWN_PLACEHOLDER"

// marks reports whether finding f marks violation v (same rule assumed): a
// whole-message label or finding marks any of the rule; otherwise the spans
// overlap.
func (r *Record) marks(f policy.Finding, v Violation) bool {
	s, e, ok := r.span(v)
	if !ok || f.Start == f.End {
		return true
	}
	return f.Start < e && s < f.End
}
