package eval

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"sellermail/policy"
)

// Summary is a set's figures, overall, per rule and per language.
type Summary struct {
	Name   string
	Total  Counts
	ByRule map[string]*Counts
	ByLang map[string]*Counts
	// ByRuleLang holds the counts of each rule in each language: "TONE/de".
	ByRuleLang map[string]*Counts
	Results    []Outcome
}

// Run scores every record of a set, leaving out findings of the rules in
// ignore.
func Run(c *policy.Checker, name string, recs []Record, ignore map[string]bool) Summary {
	s := Summary{Name: name, ByRule: map[string]*Counts{}, ByLang: map[string]*Counts{}, ByRuleLang: map[string]*Counts{}}
	for i := range recs {
		o := Score(c, &recs[i], ignore)
		s.Results = append(s.Results, o)
		s.Total.Add(o.Total)
		if s.ByLang[recs[i].Lang] == nil {
			s.ByLang[recs[i].Lang] = &Counts{}
		}
		s.ByLang[recs[i].Lang].Add(o.Total)
		for id, rc := range o.ByRule {
			for _, key := range []string{id, id + "/" + recs[i].Lang} {
				m := s.ByRule
				if key != id {
					m = s.ByRuleLang
				}
				if m[key] == nil {
					m[key] = &Counts{}
				}
				m[key].Add(*rc)
			}
		}
	}
	return s
}

func ratio(a, b int) string {
	if b == 0 {
		return "   —"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// Headline figures, as the acceptance criteria name them.
func (c Counts) RecallWarn() string { return ratio(c.FoundWarn, c.Labels) }

// RecallRisk is recall at risk or above over labels of risk and block rules.
func (c Counts) RecallRisk() string { return ratio(c.FoundRiskRule, c.LabelsRiskRule) }

// Precision is the share of counting findings that mark a label.
func (c Counts) Precision() string { return ratio(c.TrueFindings, c.Findings) }

// CleanShare is the share of compliant messages without a false hint at warn or above.
func (c Counts) CleanShare() string { return ratio(c.CompliantClean, c.Compliant) }

// FalseRiskShare is the share of compliant messages with a finding at risk or above.
func (c Counts) FalseRiskShare() string { return ratio(c.CompliantRisk, c.Compliant) }

// SpansMarked is the share of labelled spans marked by a finding of the right rule.
func (c Counts) SpansMarked() string { return ratio(c.Marked, c.Spans) }

// Write prints the summary as Markdown tables; verbose adds every miss and
// false finding, for finding classes of mistakes.
func (s Summary) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "## %s: %d messages, %d compliant, %d labelled violations\n\n", s.Name, s.Total.Messages, s.Total.Compliant, s.Total.Labels)
	fmt.Fprintln(w, "| | recall warn+ | recall risk+ (risk/block rules) | precision | compliant clean | compliant at risk+ | spans marked |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	row := func(label string, c Counts) {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", label, c.RecallWarn(), c.RecallRisk(),
			c.Precision(), c.CleanShare(), c.FalseRiskShare(), c.SpansMarked())
	}
	row("all", s.Total)
	langs := make([]string, 0, len(s.ByLang))
	for l := range s.ByLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		row(l, *s.ByLang[l])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| rule | labels | recall warn+ | recall risk+ | findings | precision | spans marked |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	ids := make([]string, 0, len(s.ByRule))
	for id := range s.ByRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		c := s.ByRule[id]
		risk := c.RecallRisk()
		if c.LabelsRiskRule == 0 {
			risk = "   ·"
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %d | %s | %s |\n", id, c.Labels, c.RecallWarn(), risk, c.Findings, c.Precision(), c.SpansMarked())
	}
	fmt.Fprintln(w)
	if len(langs) > 1 {
		s.writeRuleLang(w, ids, langs)
	}
	if !verbose {
		return
	}
	for _, o := range s.Results {
		if len(o.Missed) == 0 && len(o.False) == 0 {
			continue
		}
		fmt.Fprintf(w, "### %s (%s, %s)\n%s\n", o.Record.ID, o.Record.Kind, o.Record.BuyerLocale, indent(o.Record.Text))
		for _, v := range o.Missed {
			fmt.Fprintf(w, "- MISSED %s %q\n", v.Rule, v.Excerpt)
		}
		for _, f := range o.False {
			fmt.Fprintf(w, "- FALSE %s/%s %q\n", f.Rule, f.Severity, f.Excerpt)
		}
		var got []string
		for _, f := range o.Findings {
			got = append(got, f.Rule+"/"+f.Severity.String())
		}
		slices.Sort(got)
		fmt.Fprintf(w, "- got: %s; note: %s\n\n", strings.Join(got, ", "), o.Record.Note)
	}
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

// writeRuleLang prints recall at warn or above of each rule in each
// language, with the number of labels: "0.80 (5)".
func (s Summary) writeRuleLang(w io.Writer, ids, langs []string) {
	fmt.Fprintf(w, "| rule: recall warn+ (labels) | %s |\n", strings.Join(langs, " | "))
	fmt.Fprintf(w, "|---|%s\n", strings.Repeat("---|", len(langs)))
	for _, id := range ids {
		cells := make([]string, len(langs))
		for i, l := range langs {
			if c := s.ByRuleLang[id+"/"+l]; c != nil && c.Labels > 0 {
				cells[i] = fmt.Sprintf("%s (%d)", c.RecallWarn(), c.Labels)
			} else {
				cells[i] = "·"
			}
		}
		fmt.Fprintf(w, "| %s | %s |\n", id, strings.Join(cells, " | "))
	}
	fmt.Fprintln(w)
}
