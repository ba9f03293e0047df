package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

func TestSaveTemplateRefusesBlockFindings(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	bad := store.Template{Kind: "unexpectedProblem", Lang: "de-DE", Title: "Mit Mail",
		Body: "Guten Tag, zu Ihrer Bestellung {{order_id}} schreiben Sie uns an shop@example.com. Viele Grüße, {{store}}"}
	id, res, err := s.SaveTemplate(ctx, bad, i18n.German)
	r := wantRefusal(t, err, ErrTemplateBlocked)
	if id != 0 || !res.Blocked() || !hasRule(res, "EMAIL_ADDRESS") || r.Check == nil {
		t.Fatalf("id %d, result %+v", id, res.Findings)
	}
	if own, _ := s.store.ListTemplates(ctx, "", ""); len(own) != 0 {
		t.Fatalf("a blocked template was saved: %+v", own)
	}

	good := store.Template{Kind: "unexpectedProblem", Lang: "de-DE", Title: "Verzögerung",
		Body: "Guten Tag, Ihre Bestellung {{order_id}} ({{product}}) verzögert sich leider, weil {{fill:Grund}}. Sie kommt voraussichtlich am {{delivery_window}} an. Viele Grüße, {{store}}"}
	id, res, err = s.SaveTemplate(ctx, good, i18n.German)
	if err != nil || id == 0 || res.Blocked() {
		t.Fatalf("SaveTemplate: %d, %+v, %v", id, res.Findings, err)
	}
	list, err := s.TemplatesFor(ctx, policy.KindUnexpectedProblem, "de-DE")
	if err != nil {
		t.Fatal(err)
	}
	var mine, builtIn int
	for _, tp := range list {
		if tp.Lang != "de" || tp.Kind != policy.KindUnexpectedProblem {
			t.Errorf("TemplatesFor returned %s/%s", tp.Kind, tp.Lang)
		}
		if got, ok := UserTemplateID(tp); ok {
			mine++
			if got != id {
				t.Errorf("user template ID %d, want %d", got, id)
			}
		} else if tp.BuiltIn {
			builtIn++
		}
	}
	if mine != 1 || builtIn == 0 {
		t.Fatalf("TemplatesFor: %d own, %d built-in", mine, builtIn)
	}
	if fr, _ := s.TemplatesFor(ctx, policy.KindUnexpectedProblem, "fr-FR"); len(fr) > 0 {
		for _, tp := range fr {
			if _, ok := UserTemplateID(tp); ok {
				t.Fatal("a German template was offered for a French buyer")
			}
		}
	}
}

func TestRenderTemplateFillsOrderFacts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	if _, err := s.Profile(ctx); err != nil {
		t.Fatal(err)
	}
	d := &OrderDetail{Order: store.Order{OrderID: "302-1234567-1234567",
		EarliestDelivery: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC), LatestDelivery: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC),
		Items: []store.OrderItem{{Title: "Eichenbank"}}}}
	list, _ := s.TemplatesFor(ctx, policy.KindUnexpectedProblem, "de")
	if len(list) == 0 {
		t.Fatal("no German built-in template")
	}
	tp := list[0]
	tp.Body = "Bestellung {{order_id}}: {{product}}, Lieferung {{delivery_window}}. {{fill:Grund}} {{store}}"
	out := s.RenderTemplate(tp, d, map[string]string{"Grund": "Sturm"})
	want := "Bestellung 302-1234567-1234567: Eichenbank, Lieferung 12.–14. Mai. Sturm Sellermail Demo Store"
	if out != want {
		t.Fatalf("RenderTemplate = %q\nwant %q", out, want)
	}
	// Without a value the placeholder stays, and the check blocks it.
	out = s.RenderTemplate(tp, d, nil)
	if !strings.Contains(out, "{{fill:Grund}}") || !s.Check(out, policy.KindUnexpectedProblem, d, i18n.English).Blocked() {
		t.Fatalf("unfilled field not kept or not blocked: %q", out)
	}
}

func TestDeliveryWindow(t *testing.T) {
	may12 := time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)
	may14 := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	jun2 := time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		from, to time.Time
		lang     string
		want     string
	}{
		{may12, may14, "en-GB", "12–14 May"},
		{may12, may14, "de", "12.–14. Mai"},
		{may12, jun2, "de_DE", "12. Mai – 2. Juni"},
		{may12, may14, "es-ES", "12–14 de mayo"},
		{may12, may14, "fr", "12–14 mai"},
		{may12, may12, "it", "12 maggio"},
		{may12, may14, "pl-PL", "12.05.–14.05.2026"},
		{time.Time{}, may14, "en", "14 May"},
		{time.Time{}, time.Time{}, "en", ""},
	}
	for _, tc := range tests {
		if got := deliveryWindow(tc.from, tc.to, tc.lang); got != tc.want {
			t.Errorf("deliveryWindow(%s, %s, %s) = %q, want %q", tc.from.Format("01-02"), tc.to.Format("01-02"), tc.lang, got, tc.want)
		}
	}
}
