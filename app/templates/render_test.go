package templates

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"sellermail/policy"
)

func TestRender(t *testing.T) {
	full := Values{
		OrderID: "302-4817265-3390517", Product: "Gartenbank", DeliveryWindow: "12.–14. Mai",
		NewDate: "19. Mai 2026", Store: "Holzwerkstatt Bauer",
		Fill: map[string]string{"Grund der Verzögerung": "ein Unwetter"},
	}
	for _, c := range []struct {
		name, body string
		v          Values
		want       string
	}{
		{"all known names", "{{order_id}} {{product}} {{delivery_window}} {{new_date}} {{store}}", full,
			"302-4817265-3390517 Gartenbank 12.–14. Mai 19. Mai 2026 Holzwerkstatt Bauer"},
		{"free field", "Grund: {{fill:Grund der Verzögerung}}.", full, "Grund: ein Unwetter."},
		{"empty value stays", "Bestellung {{order_id}} von {{store}}", Values{Store: "Bauer"},
			"Bestellung {{order_id}} von Bauer"},
		{"blank value stays", "Bis zum {{new_date}}.", Values{NewDate: "  \n"}, "Bis zum {{new_date}}."},
		{"unfilled free field stays", "Grund: {{fill:Grund der Verzögerung}}.", Values{Fill: map[string]string{"anderes": "x"}},
			"Grund: {{fill:Grund der Verzögerung}}."},
		{"unknown name stays", "Hallo {{kunde}}, {{store}}", full, "Hallo {{kunde}}, Holzwerkstatt Bauer"},
		{"values are trimmed", "[{{product}}]", Values{Product: "  Bank \n"}, "[Bank]"},
		{"braces in values are neutralised", "{{product}}", Values{Product: "Bank {{store}}"}, "Bank ((store))"},
		{"repeated placeholder", "{{store}} / {{store}}", full, "Holzwerkstatt Bauer / Holzwerkstatt Bauer"},
		{"no placeholders", "Guten Tag", full, "Guten Tag"},
		{"multi-byte text around placeholders", "Grüße „{{product}}“ – {{store}}", full,
			"Grüße „Gartenbank“ – Holzwerkstatt Bauer"},
		{"multi-line fill", "Gravur:\n{{fill:Text}}\nEnde", Values{Fill: map[string]string{"Text": "Anna\nTom"}},
			"Gravur:\nAnna\nTom\nEnde"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Render(c.body, c.v); got != c.want {
				t.Errorf("Render(%q) = %q, want %q", c.body, got, c.want)
			}
		})
	}
}

// Render leaves unfilled placeholders for the engine, which blocks sending.
func TestRenderUnfilledIsBlocked(t *testing.T) {
	c := policy.NewChecker()
	ts, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range ts {
		// Order facts known, free fields left empty.
		v := ExampleValues(tm.Lang)
		text := Render(tm.Body, v)
		hasFree := strings.Contains(tm.Body, "{{fill:")
		res := c.Check(policy.Message{Text: text, Kind: tm.Kind, BuyerLocale: tm.Lang,
			Order: &policy.OrderFacts{OrderID: v.OrderID}}, policy.English)
		if got := hasFinding(res, "UNFILLED_FIELD", policy.Block); got != hasFree {
			t.Errorf("%s/%s with free fields empty: UNFILLED_FIELD block = %v, want %v\n%s", tm.Lang, tm.ID, got, hasFree, text)
		}
		// Nothing known at all: every template has at least the signature to fill.
		res = c.Check(policy.Message{Text: Render(tm.Body, Values{}), Kind: tm.Kind, BuyerLocale: tm.Lang}, policy.English)
		if !hasFinding(res, "UNFILLED_FIELD", policy.Block) {
			t.Errorf("%s/%s rendered with no values: no UNFILLED_FIELD block", tm.Lang, tm.ID)
		}
	}
}

func hasFinding(res policy.Result, rule string, sev policy.Severity) bool {
	for _, f := range res.Findings {
		if f.Rule == rule && f.Severity == sev {
			return true
		}
	}
	return false
}

// placeholderTexts returns the placeholders of s as written, with their counts.
func placeholderTexts(s string) map[string]int {
	runes := []rune(s)
	out := map[string]int{}
	for _, p := range policy.Placeholders(s) {
		out[string(runes[p.Start:p.End])]++
	}
	return out
}

func FuzzRender(f *testing.F) {
	ts, err := BuiltIn()
	if err != nil {
		f.Fatal(err)
	}
	for _, tm := range ts[:min(len(ts), 20)] {
		f.Add(tm.Body, "302-4817265-3390517", "Gartenbank", "{{store}}", "x")
	}
	f.Add("{{{product}}}", "}", "{", "{{", "}}")
	f.Add("{{fill:{{store}}}}", "a", "b", "c", "d")
	f.Add("\xff{{store}}\xfe", "a", "b", "c", "d")
	f.Add("{{product}}{x}}", "", "{", "", "")
	f.Fuzz(func(t *testing.T, body, orderID, product, store, fill string) {
		v := Values{OrderID: orderID, Product: product, Store: store, NewDate: fill, DeliveryWindow: fill}
		for _, p := range policy.Placeholders(body) {
			if p.Free {
				v.Fill = map[string]string{p.Name: fill}
			}
		}
		out := Render(body, v)
		if utf8.ValidString(body) && !utf8.ValidString(out) {
			t.Fatalf("Render made valid UTF-8 invalid: %q -> %q", body, out)
		}
		// Every placeholder in the result was written in the body: Render
		// never invents one, whatever the values contain.
		in := placeholderTexts(body)
		for ph, n := range placeholderTexts(out) {
			if n > in[ph] {
				t.Fatalf("Render(%q) invented placeholder %q:\n%q", body, ph, out)
			}
		}
		// With no values at all the body comes back unchanged.
		if got := Render(body, Values{}); got != body {
			t.Fatalf("Render with no values changed %q to %q", body, got)
		}
	})
}

// Render knows exactly the names the engine accepts in templates.
func TestKnownNamesMatchEngine(t *testing.T) {
	for _, n := range policy.KnownPlaceholders {
		if !knownName(n) {
			t.Errorf("engine name %q is unknown to Render", n)
		}
		if Render("{{"+n+"}}", fullValues()) == "{{"+n+"}}" {
			t.Errorf("Render does not fill {{%s}}", n)
		}
	}
	for _, n := range []string{NameOrderID, NameProduct, NameDeliveryWindow, NameNewDate, NameStore} {
		if !slices.Contains(policy.KnownPlaceholders, n) {
			t.Errorf("Render fills %q, which the engine does not know", n)
		}
	}
}

func fullValues() Values {
	return Values{OrderID: "1", Product: "2", DeliveryWindow: "3", NewDate: "4", Store: "5"}
}

// A value must not close a stray "{{" in the body into a new placeholder.
func TestRenderInventsNoPlaceholder(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"{{fill:{{store}}}}", "{{fill:{{store}}}}"},
		{"{{x {{store}} y}} {{product}}", "{{x {{store}} y}} 2"},
		{"{{x\n{{store}} y}}", "{{x\n5 y}}"},
	} {
		if got := Render(c.body, fullValues()); got != c.want {
			t.Errorf("Render(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	tm, err := Find("delivery-delay", "de")
	if err != nil {
		b.Fatal(err)
	}
	v := tm.Example()
	for b.Loop() {
		Render(tm.Body, v)
	}
}

// The slow path (a stray "{{" before many placeholders) stays usable.
func BenchmarkRenderStrayBraces(b *testing.B) {
	body := strings.Repeat("{{x {{store}} y}} ", 200)
	v := fullValues()
	for b.Loop() {
		Render(body, v)
	}
}
