package templates

import (
	"strings"
	"testing"
	"time"

	"sellermail/policy"
)

// findingsAtLeast returns the findings of res at sev or worse, for messages.
func findingsAtLeast(res policy.Result, sev policy.Severity) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Severity >= sev {
			out = append(out, f.Rule+" "+f.Severity.String()+" "+f.Excerpt+": "+f.Message)
		}
	}
	return out
}

// Every template, filled in with realistic values, passes the compliance
// engine without a warning and reads as its own language.
func TestTemplatesPassCompliance(t *testing.T) {
	c := policy.NewChecker()
	ts, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range ts {
		t.Run(tm.Lang+"/"+tm.ID, func(t *testing.T) {
			v := tm.Example()
			text := Render(tm.Body, v)
			res := c.Check(policy.Message{Text: text, Kind: tm.Kind, BuyerLocale: tm.Lang,
				Order: &policy.OrderFacts{OrderID: v.OrderID}}, policy.English)
			if bad := findingsAtLeast(res, policy.Warn); len(bad) > 0 {
				t.Errorf("rendered template has findings:\n  %s\n---\n%s", strings.Join(bad, "\n  "), text)
			}
			if res.Language.Code != tm.Lang {
				t.Errorf("engine detects language %q (confidence %.2f), want %q\n%s", res.Language.Code, res.Language.Confidence, tm.Lang, text)
			}
			if strings.Contains(text, "{{") {
				t.Errorf("example values leave a placeholder:\n%s", text)
			}
			lint := Lint(c, tm)
			if bad := findingsAtLeast(lint, policy.Warn); len(bad) > 0 {
				t.Errorf("template mode has findings:\n  %s", strings.Join(bad, "\n  "))
			}
		})
	}
}

// A template stays under its kind's length cap even with long values.
func TestTemplatesFitLimit(t *testing.T) {
	ts, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range ts {
		limit := tm.Kind.Limit()
		if limit == 0 {
			continue
		}
		v := Values{
			OrderID:        "302-4817265-3390517",
			Product:        strings.Repeat("Gartenbank Eiche ", 8)[:120],
			DeliveryWindow: "Montag, 12. Oktober – Mittwoch, 14. Oktober",
			NewDate:        "Donnerstag, 15. Oktober 2026",
			Store:          "Holzwerkstatt Bauer & Söhne Manufaktur GmbH",
			Fill:           map[string]string{},
		}
		fillLen := 200
		if tm.Kind == policy.KindDigitalAccessKey {
			// An access key is a short code; 64 characters holds two 25-character licence keys.
			fillLen = 64
		}
		for field := range tm.Examples {
			v.Fill[field] = strings.Repeat("x", fillLen)
		}
		text := Render(tm.Body, v)
		if strings.Contains(text, "{{") {
			t.Errorf("%s/%s: placeholder left after rendering", tm.Lang, tm.ID)
		}
		if n := len([]rune(text)); n > limit {
			t.Errorf("%s/%s: %d characters with long values, kind %s allows %d", tm.Lang, tm.ID, n, tm.Kind, limit)
		}
	}
}

func TestExampleValues(t *testing.T) {
	for _, c := range []struct {
		lang, newDate, window string
	}{
		{"de", "19. Mai 2026", "12.–14. Mai"},
		{"de-AT", "19. Mai 2026", "12.–14. Mai"},
		{"en", "19 May 2026", "12–14 May"},
		{"en-GB", "19 May 2026", "12–14 May"},
		{"en-US", "May 19, 2026", "May 12–14"},
		{"fr-FR", "19 mai 2026", "du 12 au 14 mai"},
		{"it", "19 maggio 2026", "dal 12 al 14 maggio"},
		{"es", "19 de mayo de 2026", "del 12 al 14 de mayo"},
		{"nl", "19 mei 2026", "12 t/m 14 mei"},
		{"pl", "19 maja 2026", "12–14 maja"},
		{"sv", "19 maj 2026", "12–14 maj"},
		{"ja", "19 May 2026", "12–14 May"},
	} {
		v := ExampleValues(c.lang)
		if v.NewDate != c.newDate || v.DeliveryWindow != c.window {
			t.Errorf("ExampleValues(%q) dates = %q, %q; want %q, %q", c.lang, v.NewDate, v.DeliveryWindow, c.newDate, c.window)
		}
		if v.OrderID == "" || v.Product == "" || v.Store == "" {
			t.Errorf("ExampleValues(%q) = %+v has empty fields", c.lang, v)
		}
	}
}

// Dates that cross a month, and the days that need special forms.
func TestExampleDateForms(t *testing.T) {
	d := func(month, day int) time.Time {
		return time.Date(2026, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	}
	for _, c := range []struct {
		lang     string
		from, to time.Time
		want     string
	}{
		{"de", d(4, 30), d(5, 2), "30. April – 2. Mai"},
		{"fr", d(5, 1), d(5, 3), "du 1er au 3 mai"},
		{"it", d(5, 8), d(5, 11), "dall'8 all'11 maggio"},
		{"it", d(4, 30), d(5, 1), "dal 30 aprile al 1º maggio"},
		{"es", d(4, 30), d(5, 2), "del 30 de abril al 2 de mayo"},
		{"pl", d(4, 30), d(5, 2), "30 kwietnia – 2 maja"},
	} {
		l := exampleLangs[c.lang]
		if got := l.window(l, c.from, c.to); got != c.want {
			t.Errorf("%s window = %q, want %q", c.lang, got, c.want)
		}
	}
	if got := usEnglish.window(usEnglish, d(4, 30), d(5, 2)); got != "April 30 – May 2" {
		t.Errorf("en-US window = %q", got)
	}
}
