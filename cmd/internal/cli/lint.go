package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/policy"
)

// lintInput is one text to check, read before anything is printed so that
// unreadable input fails without partial output.
type lintInput struct {
	name string
	text string
}

// lintOpts are lint's options: how to check, and the files to check.
type lintOpts struct {
	msg    policy.Message // Kind, BuyerLocale, Marketplace, Order and Template; Text per file
	format string         // text or json
	rules  bool           // print the rule catalogue instead
	files  []string       // "-" is standard input; none means standard input
}

func parseLint(args []string) (lintOpts, error) {
	fs := newFlags("lint", "[--kind K] [--lang L] [--marketplace M] [--order ID] [--template] [--format text|json] [--rules] [FILE...|-]")
	kind := fs.String("kind", string(policy.KindUnexpectedProblem), "message kind: "+kindList())
	lang := fs.String("lang", "", "the buyer's language, such as de or de-DE (empty: unknown)")
	market := fs.String("marketplace", "", "marketplace ID or country code, such as DE")
	order := fs.String("order", "", "the order ID the message belongs to")
	tmpl := fs.Bool("template", false, "the text is a template: unfilled placeholders are expected")
	format := fs.String("format", "text", "output format: text or json")
	rules := fs.Bool("rules", false, "print the rule catalogue and exit")
	files, err := parseFlags(fs, args)
	if err != nil {
		return lintOpts{}, err
	}
	o := lintOpts{format: *format, rules: *rules, files: files,
		msg: policy.Message{BuyerLocale: *lang, Marketplace: *market, Template: *tmpl}}
	if *rules {
		return o, nil
	}
	if o.msg.Kind, err = policy.ParseKind(*kind); err != nil {
		return o, usagef("%v", err)
	}
	if *format != "text" && *format != "json" {
		return o, usagef("--format must be text or json, not %q", *format)
	}
	if *order != "" {
		o.msg.Order = &policy.OrderFacts{OrderID: *order}
	}
	return o, nil
}

// runLint checks every input and prints the findings; it fails with
// errFindings when one is at risk or block.
func runLint(_ context.Context, e *env, o lintOpts) error {
	if o.rules {
		printRules(e.Stdout, e.lang)
		return nil
	}
	inputs, err := readInputs(e.Stdin, o.files)
	if err != nil {
		return err
	}
	checker := policy.NewChecker()
	failed, onlyFields := false, true
	for _, in := range inputs {
		m := o.msg
		m.Text = in.text
		res := checker.Check(m, app.PolicyLang(e.lang))
		if res.Worst() >= policy.Risk {
			failed = true
			onlyFields = onlyFields && onlyUnfilledFields(res)
		}
		if o.format == "json" {
			writeLintJSON(e.Stdout, in, res)
		} else {
			writeLintText(e.Stdout, in, res, e.lang)
		}
	}
	if !failed {
		return nil
	}
	if onlyFields && !o.msg.Template {
		fmt.Fprintln(e.Stderr, i18n.T(e.lang, "cli.lint.hint_text_fails"))
	}
	return errFindings
}

// unfilledField is the rule of a {{...}} or [Name] field left in a finished
// message: expected in a template, which lint checks with --template.
const unfilledField = "UNFILLED_FIELD"

// onlyUnfilledFields reports whether every finding at risk or block in res
// is an unfilled field.
func onlyUnfilledFields(res policy.Result) bool {
	for _, f := range res.Findings {
		if f.Severity >= policy.Risk && f.Rule != unfilledField {
			return false
		}
	}
	return true
}

func kindList() string {
	var names []string
	for _, k := range policy.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// readInputs reads every named file, or standard input for "-" or no names.
// Invalid UTF-8 is refused: a checker that silently replaced bytes would
// report offsets into a text the seller never wrote.
func readInputs(stdin io.Reader, files []string) ([]lintInput, error) {
	if len(files) == 0 {
		files = []string{"-"}
	}
	inputs := make([]lintInput, 0, len(files))
	for _, name := range files {
		var b []byte
		var err error
		if name == "-" {
			name = "<stdin>"
			b, err = io.ReadAll(io.LimitReader(stdin, maxInput+1))
		} else {
			b, err = readLimited(name)
		}
		if err != nil {
			return nil, inputError{fmt.Errorf("%s: %w", name, unwrapPathError(err))}
		}
		if len(b) > maxInput {
			return nil, inputError{fmt.Errorf("%s: larger than %d bytes; a buyer message is at most a few thousand characters", name, maxInput)}
		}
		if !utf8.Valid(b) {
			return nil, inputError{fmt.Errorf("%s: not valid UTF-8 text (at byte %d); save it as UTF-8 and try again", name, firstInvalid(b))}
		}
		inputs = append(inputs, lintInput{name: name, text: strings.TrimSuffix(string(b), "\n")})
	}
	return inputs, nil
}

// maxInput bounds what lint reads: far above any message kind's limit.
const maxInput = 1 << 20

func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxInput+1))
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// writeLintText prints findings the way a compiler prints errors, so editors
// and CI logs can jump to them.
func writeLintText(w io.Writer, in lintInput, res policy.Result, ui i18n.Lang) {
	pos := newLineIndex(in.text)
	for _, f := range res.Findings {
		line, col := pos.at(f.Start)
		fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", in.name, line, col, f.Severity, f.Rule, f.Message)
		if f.Excerpt != "" {
			fmt.Fprintf(w, "\t%s\n", strings.ReplaceAll(f.Excerpt, "\n", " "))
		}
		if f.Fix != "" {
			fmt.Fprintf(w, "\t%s %s\n", i18n.T(ui, "cli.lint.fix"), f.Fix)
		}
	}
}

type lintJSON struct {
	File     string         `json:"file"`
	Chars    int            `json:"chars"`
	Limit    int            `json:"limit"`
	Language lintLangJSON   `json:"language"`
	Findings []lintFindJSON `json:"findings"`
}

type lintLangJSON struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

type lintFindJSON struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Excerpt  string `json:"excerpt"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

func writeLintJSON(w io.Writer, in lintInput, res policy.Result) {
	out := lintJSON{
		File: in.name, Chars: res.Chars, Limit: res.Limit,
		Language: lintLangJSON{Code: res.Language.Code, Confidence: res.Language.Confidence},
		Findings: make([]lintFindJSON, 0, len(res.Findings)),
	}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, lintFindJSON{
			Rule: f.Rule, Severity: f.Severity.String(), Start: f.Start, End: f.End,
			Excerpt: f.Excerpt, Message: f.Message, Fix: f.Fix,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(out)
}

func printRules(w io.Writer, ui i18n.Lang) {
	for _, r := range policy.Rules() {
		fmt.Fprintf(w, "%-30s %-5s %s\n", r.ID, r.Severity, r.Title(app.PolicyLang(ui)))
		fmt.Fprintf(w, "%30s       %s\n", "", r.Explanation(app.PolicyLang(ui)))
		if r.Source != "" {
			fmt.Fprintf(w, "%30s       %s %s\n", "", i18n.T(ui, "cli.lint.source"), r.Source)
		}
	}
}

// lineIndex turns rune offsets into 1-based line and column numbers.
type lineIndex struct {
	starts []int // rune offset at which each line starts
}

func newLineIndex(text string) lineIndex {
	li := lineIndex{starts: []int{0}}
	i := 0
	for _, r := range text {
		i++
		if r == '\n' {
			li.starts = append(li.starts, i)
		}
	}
	return li
}

func (li lineIndex) at(offset int) (line, col int) {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, offset - li.starts[lo] + 1
}
