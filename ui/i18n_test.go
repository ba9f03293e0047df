package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"sellermail/app/i18n"
	"sellermail/policy"
)

func TestSwitchingLanguageRelabels(t *testing.T) {
	c, _ := newTestComposer(t)
	c.SetContext(germanOrder)
	if err := c.SetKind(policy.KindUnexpectedProblem); err != nil {
		t.Fatal(err)
	}
	c.SetText(couponReviewRequest)
	english := rowFor(c, "REVIEW_INCENTIVE").why.Text
	if c.sendButton.Text != "Send…" || c.kindLabel.Text != "Purpose" {
		t.Fatalf("English labels: %q, %q", c.sendButton.Text, c.kindLabel.Text)
	}

	if err := SetLanguage(LanguageGerman); err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"send", c.sendButton.Text, "Senden …"},
		{"kind label", c.kindLabel.Text, "Zweck"},
		{"kind", c.kindButton.text(), policy.KindUnexpectedProblem.Description(policy.German)},
		{"template option", c.templateSelect.Options[0], "Frei schreiben"},
		{"findings header", c.findings.header.Text, "Hinweise (" + strconv.Itoa(len(c.Result().Findings)) + ")"},
		{"severity", rowFor(c, "REVIEW_INCENTIVE").head.Text, "Blockiert das Senden · REVIEW_INCENTIVE"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("German %s = %q, want %q", ch.name, ch.got, ch.want)
		}
	}
	german := rowFor(c, "REVIEW_INCENTIVE").why.Text
	if german == english || !strings.Contains(german, "Bewertung") {
		t.Errorf("the finding is not explained in German: %q", german)
	}
	if PolicyLang() != policy.German {
		t.Error("PolicyLang does not follow the choice")
	}
	if !strings.Contains(c.language.Text, "Käufer: Deutsch") {
		t.Errorf("language line %q", c.language.Text)
	}

	if err := SetLanguage(LanguageEnglish); err != nil {
		t.Fatal(err)
	}
	if c.sendButton.Text != "Send…" || rowFor(c, "REVIEW_INCENTIVE").why.Text != english {
		t.Error("switching back to English did not relabel")
	}
}

func TestSystemLanguageFollowsTheSystem(t *testing.T) {
	setTestLanguage(t, LanguageSystem)
	want := i18n.FromLocale(lang.SystemLocale().String())
	if Lang() != want {
		t.Errorf("Lang() = %q for the system locale %q", Lang(), lang.SystemLocale())
	}
	if got := tr("composer.send"); got != i18n.T(want, "composer.send") {
		t.Errorf("tr = %q", got)
	}
	if got := tr("composer.chars.limit", map[string]any{"N": 812, "Limit": 800}); !strings.HasPrefix(got, "812 / 800 ") {
		t.Errorf("templated text: %q", got)
	}
}

func TestSetLanguageRejectsUnknown(t *testing.T) {
	setTestLanguage(t, LanguageGerman)
	if err := SetLanguage("fr"); err == nil {
		t.Error("SetLanguage accepted fr")
	}
	if Language() != LanguageGerman {
		t.Error("a rejected choice changed the language")
	}
}

func TestLanguageSelect(t *testing.T) {
	c, _ := newTestComposer(t)
	var chosen []string
	ls := NewLanguageSelect(func(tag i18n.Lang) { chosen = append(chosen, string(tag)) })
	t.Cleanup(ls.Close)
	if ls.Widget().Selected != "English" {
		t.Errorf("selected %q, want the current choice", ls.Widget().Selected)
	}
	ls.Widget().SetSelectedIndex(1)
	if Language() != LanguageGerman || c.sendButton.Text != "Senden …" {
		t.Errorf("choosing Deutsch: language %q, send %q", Language(), c.sendButton.Text)
	}
	if ls.Widget().Options[0] != "Systemsprache" {
		t.Errorf("options not relabelled: %q", ls.Widget().Options)
	}
	ls.Widget().SetSelectedIndex(0)
	if Language() != LanguageSystem {
		t.Error("choosing the system language did not switch")
	}
	if strings.Join(chosen, ",") != "de," {
		t.Errorf("OnChanged calls %q", chosen)
	}
}

// Every key the composer's files use is translated (app/i18n's tests check
// that every language has every key).
func TestTranslationsComplete(t *testing.T) {
	en := catalogue(i18n.English)
	files, _ := filepath.Glob("*.go")
	key := regexp.MustCompile(`"((?:composer|findings|severity|result|language|dialog)\.[a-z.]+)"`)
	used := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			used++
			k := strings.TrimSuffix(m[1], ".") // "language.name." + code
			if strings.HasSuffix(m[1], ".") {
				for _, code := range knownLanguages {
					if en[k+"."+code] == "" {
						t.Errorf("%s: %s.%s is not translated", f, k, code)
					}
				}
				continue
			}
			if en[k] == "" {
				t.Errorf("%s: %q is not translated", f, k)
			}
		}
	}
	if used < 30 {
		t.Errorf("found only %d keys in the code; is the pattern right?", used)
	}
}
