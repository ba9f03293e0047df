package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// reviewBait is the message a seller must never send: stars, a coupon, a shop link.
const reviewBait = "Hallo,\n\nbitte bewerten Sie uns mit 5 Sternen.\nAls Dankeschön erhalten Sie den Gutscheincode DANKE10.\nMehr unter www.meinshop.de\n"

// tempFile writes text to a new file called name and returns its path.
func tempFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	writeFile(t, p, text)
	return p
}

func TestLintTextPointsAtTheWords(t *testing.T) {
	s := newShop(t)
	f := tempFile(t, "bitte.txt", reviewBait)
	r := s.must(exitFindings, "lint", "--lang", "de-DE", f)
	for _, want := range []string{
		f + ":3:28: risk POSITIVE_REVIEW_REQUEST: ", // "5 Sternen", line 3, column 28
		"\t5 Sternen\n",
		"REVIEW_INCENTIVE",
		"\tGutscheincode\n",
		f + ":5:12: block EXTERNAL_LINK: ",
		"\twww.meinshop.de\n",
		"\tfix: ",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
	if r.errOut != "" {
		t.Errorf("stderr: %s", r.errOut)
	}
}

func TestLintGermanExplanations(t *testing.T) {
	s := newShop(t)
	r := s.run(reviewBait, "lint", "--ui-lang", "de", "-")
	if r.code != exitFindings || !strings.Contains(r.out, "<stdin>:") || !strings.Contains(r.out, "\tLösung: ") {
		t.Fatalf("exit %d, output:\n%s", r.code, r.out)
	}
}

func TestLintJSON(t *testing.T) {
	s := newShop(t)
	r := s.run(reviewBait, "lint", "--format", "json", "--lang", "de-DE", "--kind", "confirmCustomizationDetails", "-")
	if r.code != exitFindings {
		t.Fatalf("exit %d: %s", r.code, r.errOut)
	}
	var got struct {
		File     string
		Chars    int
		Limit    int
		Language struct {
			Code       string
			Confidence float64
		}
		Findings []struct {
			Rule, Severity, Excerpt, Message, Fix string
			Start, End                            int
		}
	}
	dec := json.NewDecoder(strings.NewReader(r.out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in %s", err, r.out)
	}
	text := strings.TrimSuffix(reviewBait, "\n")
	if got.File != "<stdin>" || got.Chars != utf8.RuneCountInString(text) || got.Limit != 800 {
		t.Errorf("file %q, chars %d, limit %d", got.File, got.Chars, got.Limit)
	}
	if got.Language.Code != "de" || got.Language.Confidence <= 0 {
		t.Errorf("language %+v, want de", got.Language)
	}
	runes := []rune(text)
	rules := map[string]bool{}
	for _, f := range got.Findings {
		rules[f.Rule] = true
		if f.Start < 0 || f.End > len(runes) || f.Start > f.End {
			t.Fatalf("%s: span %d-%d outside the text", f.Rule, f.Start, f.End)
		}
		if f.End > f.Start && string(runes[f.Start:f.End]) != f.Excerpt {
			t.Errorf("%s: span %d-%d is %q, excerpt %q", f.Rule, f.Start, f.End, string(runes[f.Start:f.End]), f.Excerpt)
		}
		if f.Message == "" || f.Severity == "" {
			t.Errorf("%s: no message or severity", f.Rule)
		}
	}
	for _, want := range []string{"POSITIVE_REVIEW_REQUEST", "REVIEW_INCENTIVE", "EXTERNAL_LINK"} {
		if !rules[want] {
			t.Errorf("no %s finding: %v", want, rules)
		}
	}
}

func TestLintExitStatus(t *testing.T) {
	s := newShop(t)
	clean := "Guten Tag,\n\nIhre Bestellung 302-1234567-1234567 verzögert sich leider um zwei Tage, weil der Paketdienst einen Engpass hat. Neues Lieferdatum: 14. Mai.\n\nViele Grüße\nMeyer Outdoor"
	if r := s.run(clean, "lint", "--lang", "de", "--order", "302-1234567-1234567", "-"); r.code != exitOK || r.out != "" {
		t.Errorf("compliant text: exit %d, output %q", r.code, r.out)
	}
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"missing file", []string{"lint", filepath.Join(t.TempDir(), "nope.txt")}, "nope.txt: no such file"},
		{"invalid UTF-8", []string{"lint", tempFile(t, "latin1.txt", "Gr\xfc\xdfe")}, "latin1.txt: not valid UTF-8 text (at byte 2)"},
		{"unknown kind", []string{"lint", "--kind", "negativeFeedbackRemoval", "-"}, "negativeFeedbackRemoval"},
		{"bad format", []string{"lint", "--format", "xml", "-"}, "--format must be text or json"},
		// One unreadable input among good ones: nothing is printed for any of them.
		{"good then bad", []string{"lint", tempFile(t, "good.txt", reviewBait), filepath.Join(t.TempDir(), "gone.txt")}, "gone.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.run("text", tt.args...)
			if r.code != exitUsage {
				t.Fatalf("exit %d, want %d", r.code, exitUsage)
			}
			if r.out != "" {
				t.Errorf("printed to stdout: %q", r.out)
			}
			if !strings.Contains(r.errOut, tt.msg) {
				t.Errorf("stderr %q lacks %q", r.errOut, tt.msg)
			}
		})
	}
}

func TestLintRulesCatalogue(t *testing.T) {
	s := newShop(t)
	r := s.must(exitOK, "lint", "--rules")
	for _, want := range []string{"EXTERNAL_LINK", "REVIEW_INCENTIVE", "block", "Amazon Communication Guidelines"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("catalogue lacks %q", want)
		}
	}
	if de := s.must(exitOK, "lint", "--rules", "--ui-lang", "de"); !strings.Contains(de.out, "Quelle:") {
		t.Error("German catalogue has no German labels")
	}
}

func TestLineIndex(t *testing.T) {
	li := newLineIndex("ab\ncd\n\nä")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {1, 1, 2}, {3, 2, 1}, {6, 3, 1}, {7, 4, 1}} {
		if l, c := li.at(tt.off); l != tt.line || c != tt.col {
			t.Errorf("offset %d: %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestTemplatesCommand(t *testing.T) {
	s := newShop(t)
	r := s.must(exitOK, "templates", "--lang", "de", "--format", "json")
	var list []struct{ ID, Kind, Lang, Title string }
	if err := json.Unmarshal([]byte(r.out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 10 {
		t.Fatalf("%d German templates", len(list))
	}
	for _, tpl := range list {
		if tpl.Lang != "de" || tpl.ID == "" || tpl.Kind == "" || tpl.Title == "" {
			t.Errorf("incomplete entry %+v", tpl)
		}
	}
	text := s.must(exitOK, "templates", "--kind", "unexpectedProblem")
	if !strings.Contains(text.out, "delivery-delay") || strings.Contains(text.out, "digital-access-key") {
		t.Errorf("kind filter:\n%s", text.out)
	}
	show := s.must(exitOK, "templates", "show", "delivery-delay", "--lang", "de")
	if strings.Contains(show.out, "{{") || !strings.Contains(show.out, "302-4817265-3390517") {
		t.Errorf("rendered template still has placeholders or lacks the example order:\n%s", show.out)
	}
	raw := s.must(exitOK, "templates", "show", "delivery-delay", "--lang", "de", "--raw")
	if !strings.Contains(raw.out, "{{order_id}}") {
		t.Errorf("--raw lost the placeholders:\n%s", raw.out)
	}
	if r := s.run("", "templates", "show", "no-such-template", "--lang", "de"); r.code != exitUsage || !strings.Contains(r.errOut, "no template") {
		t.Errorf("unknown id: exit %d, %q", r.code, r.errOut)
	}
}
