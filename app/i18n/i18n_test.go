package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// Every key has a text in every language, with the same {{.Field}} parts,
// and every text is a valid template.
func TestEveryKeyInEveryLanguage(t *testing.T) {
	field := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	fields := func(s string) []string {
		var out []string
		for _, m := range field.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	en := Keys(English)
	if len(en) < 300 {
		t.Fatalf("the English catalogue has %d keys; is it loaded?", len(en))
	}
	for _, l := range Langs() {
		if got := Keys(l); !slices.Equal(got, en) {
			for _, k := range got {
				if !Has(English, k) {
					t.Errorf("%s: %q is not in English", l, k)
				}
			}
			for _, k := range en {
				if !Has(l, k) {
					t.Errorf("%s: %q has no text", l, k)
				}
			}
		}
		for _, k := range en {
			text := cat().texts[l][k]
			if text == "" {
				t.Errorf("%s: %q is empty", l, k)
			}
			if got, want := fields(text), fields(cat().texts[English][k]); !slices.Equal(got, want) {
				t.Errorf("%s: %q fills %v, English fills %v", l, k, got, want)
			}
		}
	}
}

func TestTextRendersInTheLanguageOfTheMoment(t *testing.T) {
	stored := New("reason.discarded").Encode()
	got, ok := Decode(stored)
	if !ok {
		t.Fatalf("Decode(%q) failed", stored)
	}
	if en, de := got.In(English), got.In(German); en != "Discarded by the seller." || de != "Vom Verkäufer verworfen." {
		t.Errorf("en %q, de %q", en, de)
	}
	if _, ok := Decode("Vom Verkäufer verworfen."); ok {
		t.Error("older prose decoded as a Text")
	}
	if Render("Vom Verkäufer verworfen.", English) != "Vom Verkäufer verworfen." {
		t.Error("older prose is not shown as written")
	}
	day := New("eligibility.tooearly", "OpensDate", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	if de, en := day.In(German), day.In(English); !regexp.MustCompile(`ab 30\.11\.2026 `).MatchString(de) ||
		!regexp.MustCompile(`from 2026-11-30 `).MatchString(en) {
		t.Errorf("days: de %q, en %q", de, en)
	}
	if day.Args["OpensDate"] != "2026-11-30" {
		t.Error("rendering changed the stored arguments")
	}
}

func TestMissingKeyShowsItself(t *testing.T) {
	if got := T(German, "no.such.key"); got != "no.such.key" {
		t.Errorf("missing key = %q", got)
	}
	if got := T(Lang("fr"), "reason.discarded"); got != "Discarded by the seller." {
		t.Errorf("a language outside the catalogue falls back to English: %q", got)
	}
}

func TestLanguageFromLocale(t *testing.T) {
	for in, want := range map[string]Lang{"de_DE.UTF-8": German, "de-AT": German, "DE": German, "C": English, "": English, "fr_FR": English, "en_GB": English} {
		if got := FromLocale(in); got != want {
			t.Errorf("FromLocale(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse accepted fr")
	}
	if l, err := Parse(" DE "); err != nil || l != German {
		t.Errorf("Parse(DE) = %q, %v", l, err)
	}
}

// Every key the module's code names literally (tr("…") in the window,
// i18n.T, i18n.New and refusals elsewhere) has a text in every language.
func TestEveryKeyTheCodeUsesHasATextInEveryLanguage(t *testing.T) {
	use := regexp.MustCompile(`(?:\btr\(|i18n\.T\([^,()]+, |i18n\.New\(|\brefusal\(\w+, |fieldError\(name, )"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"[,)]`)
	found := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "policy" || d.Name() == "spapi" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			found++
			for _, l := range Langs() {
				if !Has(l, m[1]) {
					t.Errorf("%s: %q has no %s text", path, m[1], l)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 300 {
		t.Errorf("found only %d uses of keys; is the pattern right?", found)
	}
}
