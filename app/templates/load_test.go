package templates

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sellermail/policy"
)

// requiredLangs are the languages every built-in template must exist in.
var requiredLangs = []string{"de", "en", "fr", "it", "es"}

func TestBuiltInLoads(t *testing.T) {
	ts, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]bool{}
	for _, tm := range ts {
		langs[tm.Lang] = true
		if !tm.BuiltIn {
			t.Errorf("%s/%s: BuiltIn is false", tm.Lang, tm.ID)
		}
		if !tm.Kind.TakesText() {
			t.Errorf("%s/%s: kind %s takes no text", tm.Lang, tm.ID, tm.Kind)
		}
	}
	for _, l := range requiredLangs {
		if !langs[l] {
			t.Errorf("no templates in required language %q", l)
		}
	}
}

// Every language offers the same purposes, each with the same kind.
func TestSameIDsInEveryLanguage(t *testing.T) {
	ts, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	byLang := map[string]map[string]policy.Kind{}
	for _, tm := range ts {
		if byLang[tm.Lang] == nil {
			byLang[tm.Lang] = map[string]policy.Kind{}
		}
		byLang[tm.Lang][tm.ID] = tm.Kind
	}
	ref := byLang["en"]
	if len(ref) == 0 {
		t.Fatal("no English templates")
	}
	for lang, ids := range byLang {
		for id, kind := range ref {
			got, ok := ids[id]
			if !ok {
				t.Errorf("%s: missing template %q", lang, id)
			} else if got != kind {
				t.Errorf("%s/%s: kind %s, English has %s", lang, id, got, kind)
			}
		}
		for id := range ids {
			if _, ok := ref[id]; !ok {
				t.Errorf("%s: template %q does not exist in English", lang, id)
			}
		}
	}
}

// The purposes the issue asks for are all there, each carried by the right kind.
func TestPurposesCovered(t *testing.T) {
	want := map[string]policy.Kind{
		"delivery-delay":              policy.KindUnexpectedProblem,
		"lost-in-transit":             policy.KindUnexpectedProblem,
		"damaged-in-transit":          policy.KindUnexpectedProblem,
		"address-problem":             policy.KindConfirmDeliveryDetails,
		"pre-shipping-question":       policy.KindConfirmOrderDetails,
		"bulky-delivery":              policy.KindConfirmDeliveryDetails,
		"customization-details":       policy.KindConfirmCustomizationDetails,
		"digital-access-key":          policy.KindDigitalAccessKey,
		"reply-product-question":      policy.KindReply,
		"reply-return-exchange":       policy.KindReply,
		"reply-refund":                policy.KindReply,
		"reply-missing-item":          policy.KindReply,
		"reply-cancellation":          policy.KindReply,
		"reply-cancellation-too-late": policy.KindReply,
		"reply-invoice":               policy.KindReply,
	}
	for id, kind := range want {
		for _, lang := range requiredLangs {
			tm, err := Find(id, lang)
			if err != nil {
				t.Errorf("Find(%q, %q): %v", id, lang, err)
				continue
			}
			if tm.Kind != kind {
				t.Errorf("%s/%s: kind %s, want %s", lang, id, tm.Kind, kind)
			}
		}
	}
}

func TestFind(t *testing.T) {
	tm, err := Find("delivery-delay", "de-DE")
	if err != nil {
		t.Fatal(err)
	}
	if tm.Lang != "de" || !strings.Contains(tm.Body, "{{fill:Grund der Verzögerung}}") {
		t.Errorf("Find(delivery-delay, de-DE) = %s %q", tm.Lang, tm.Body)
	}
	for _, c := range []struct{ id, lang string }{{"no-such-template", "de"}, {"delivery-delay", "ja"}, {"delivery-delay", ""}} {
		_, err := Find(c.id, c.lang)
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("Find(%q, %q) error = %v, want ErrNotFound", c.id, c.lang, err)
		}
		if err != nil && !strings.Contains(err.Error(), c.id) {
			t.Errorf("Find(%q, %q) error %q does not name the id", c.id, c.lang, err)
		}
	}
}

// A caller changing what it got must not change what the next caller gets.
func TestBuiltInReturnsCopies(t *testing.T) {
	a, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(a, func(tm Template) bool { return len(tm.Examples) > 0 })
	orig := a[i]
	a[i].Body = "changed"
	for k := range a[i].Examples {
		a[i].Examples[k] = "changed"
	}
	b, _ := BuiltIn()
	if b[i].Body != orig.Body {
		t.Error("BuiltIn shares the body with an earlier caller")
	}
	for k, v := range b[i].Examples {
		if v == "changed" {
			t.Errorf("BuiltIn shares the example map: %q", k)
		}
	}
}

func TestFilter(t *testing.T) {
	ts, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind     policy.Kind
		lang     string
		wantLang string
	}{
		{policy.KindUnexpectedProblem, "de", "de"},
		{policy.KindUnexpectedProblem, "de-DE", "de"},
		{policy.KindUnexpectedProblem, "de_AT", "de"},
		{policy.KindReply, "FR", "fr"},
		{policy.KindConfirmCustomizationDetails, "es-US", "es"},
		{"", "it-IT", "it"},
	} {
		got := Filter(ts, c.kind, c.lang)
		if len(got) == 0 {
			t.Errorf("Filter(%s, %s) is empty", c.kind, c.lang)
		}
		for _, tm := range got {
			if tm.Lang != c.wantLang || (c.kind != "" && tm.Kind != c.kind) {
				t.Errorf("Filter(%s, %s) returned %s/%s (%s)", c.kind, c.lang, tm.Lang, tm.ID, tm.Kind)
			}
		}
	}
	if got := Filter(ts, policy.KindUnexpectedProblem, "ja-JP"); len(got) != 0 {
		t.Errorf("Filter for a language without templates fell back to %s", got[0].Lang)
	}
	if got := Filter(ts, policy.KindInvoice, ""); len(got) != 0 {
		t.Errorf("Filter(invoice) = %d templates; invoice takes no text", len(got))
	}
	if got := Filter(ts, "", ""); len(got) != len(ts) {
		t.Errorf("Filter with no kind and no language = %d, want all %d", len(got), len(ts))
	}
	de := Filter(ts, "", "de")
	if want := Filter(ts, policy.KindUnexpectedProblem, "de"); !slices.ContainsFunc(de, func(tm Template) bool { return tm.ID == want[0].ID }) {
		t.Error("Filter by language lost a template")
	}
}

// Broken data files fail with an error that names the file and the template.
func TestLoadRejects(t *testing.T) {
	good := `{"id":"x","kind":"unexpectedProblem","title":"T","description":"D","body":"Hello {{order_id}}"}`
	for _, c := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"unknown kind", mapFS("de.json", `[{"id":"x","kind":"shipNotice","title":"T","description":"D","body":"B"}]`),
			[]string{"de.json", `"x"`, "unknown kind", "shipNotice"}},
		{"kind without text", mapFS("de.json", `[{"id":"x","kind":"invoice","title":"T","description":"D","body":"B"}]`),
			[]string{"de.json", `"x"`, "invoice"}},
		{"missing title", mapFS("en.json", `[{"id":"x","kind":"reply","description":"D","body":"B"}]`),
			[]string{"en.json", `"x"`, `missing field "title"`}},
		{"missing id", mapFS("en.json", `[{"kind":"reply","title":"T","description":"D","body":"B"}]`),
			[]string{"en.json", `"#1"`, `missing field "id"`}},
		{"blank body", mapFS("en.json", `[{"id":"x","kind":"reply","title":"T","description":"D","body":"  "}]`),
			[]string{"en.json", `missing field "body"`}},
		{"unknown placeholder", mapFS("fr.json", `[{"id":"x","kind":"reply","title":"T","description":"D","body":"Bonjour {{customer_name}}"}]`),
			[]string{"fr.json", `"x"`, "unknown placeholder", "customer_name"}},
		{"duplicate id", mapFS("it.json", "["+good+","+good+"]"),
			[]string{"it.json", `"x"`, "duplicate"}},
		{"free field without example", mapFS("es.json", `[{"id":"x","kind":"reply","title":"T","description":"D","body":"Hola {{fill:motivo}}"}]`),
			[]string{"es.json", `"x"`, "motivo", "no example"}},
		{"example for no field", mapFS("es.json", `[{"id":"x","kind":"reply","title":"T","description":"D","body":"Hola","examples":{"motivo":"m"}}]`),
			[]string{"es.json", `"x"`, "motivo"}},
		{"two-line description", mapFS("en.json", `[{"id":"x","kind":"reply","title":"T","description":"D\nE","body":"B"}]`),
			[]string{"en.json", `"x"`, "one line"}},
		{"unknown field", mapFS("en.json", `[{"id":"x","kind":"reply","title":"T","description":"D","body":"B","subject":"S"}]`),
			[]string{"en.json", "subject"}},
		{"not JSON", mapFS("en.json", `[{"id":`), []string{"en.json"}},
		{"trailing data", mapFS("en.json", "["+good+"] []"), []string{"en.json", "after"}},
		{"bad file name", mapFS("german.json", "["+good+"]"), []string{"german.json", "language code"}},
		{"no files", fstest.MapFS{}, []string{"no template files"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := load(c.files)
			if err == nil {
				t.Fatal("load succeeded")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %s", err, w)
				}
			}
		})
	}
	ts, err := load(mapFS("de.json", "["+good+"]"))
	if err != nil || len(ts) != 1 || ts[0].Lang != "de" || ts[0].Kind != policy.KindUnexpectedProblem {
		t.Errorf("load(good) = %+v, %v", ts, err)
	}
}

func mapFS(name, data string) fstest.MapFS {
	return fstest.MapFS{name: {Data: []byte(data)}}
}
