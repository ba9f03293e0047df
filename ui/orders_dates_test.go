package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"sellermail/app/i18n"
	"sellermail/app/store"
)

// A custom date range lists exactly the orders bought on its days, From
// and To included; German dates work in the German window, and a
// malformed or reversed range says what is wrong.
func TestOrdersCustomDateRange(t *testing.T) {
	e := newTestEnv(t)
	ms := e.syncedDemo()
	all, err := e.m.svc.Orders(context.Background(), store.OrderFilter{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var days []time.Time
	for _, o := range all {
		if d := localDay(o.PurchaseDate); !slices.ContainsFunc(days, d.Equal) {
			days = append(days, d)
		}
	}
	if len(days) < 4 {
		t.Fatalf("the demo's orders fall on %d days, too few to test a range", len(days))
	}
	slices.SortFunc(days, time.Time.Compare)
	from, to := days[len(days)/3], days[2*len(days)/3]
	var want []string
	for _, o := range all {
		if d := localDay(o.PurchaseDate); !d.Before(from) && !d.After(to) {
			want = append(want, o.OrderID)
		}
	}
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("the range holds %d of %d orders; the test needs some in and some out", len(want), len(all))
	}

	os := ms.work.orders
	if os.dateRange.root.Visible() {
		t.Fatal("the From and To dates show before the custom range is chosen")
	}
	selectOption(t, os.dateSelect, "Custom range…")
	if !os.dateRange.root.Visible() {
		t.Fatal("choosing the custom range shows no From and To dates")
	}
	test.Type(os.dateRange.from, from.Format("2006-01-02"))
	test.Type(os.dateRange.to, to.Format("2006-01-02"))
	listed := func() []string {
		e.q.until(t, "the list to load", func() bool { return !os.loading && os.total >= 0 })
		var ids []string
		for _, o := range os.orders {
			ids = append(ids, o.OrderID)
		}
		return ids
	}
	if got := listed(); !slices.Equal(got, want) || os.total != len(want) {
		t.Fatalf("%s to %s lists %d orders (count %d), want the %d bought on those days",
			from.Format(time.DateOnly), to.Format(time.DateOnly), len(got), os.total, len(want))
	}

	// A reversed range is explained, and does not leave the list empty without a word.
	os.dateRange.from.SetText(to.AddDate(0, 0, 1).Format("2006-01-02"))
	if !os.dateRange.hint.Visible() || os.dateRange.hint.Text != "The From date is after the To date: no order can lie between them." {
		t.Errorf("a reversed range says %q", os.dateRange.hint.Text)
	}

	// German dates in the German window.
	setTestLanguage(t, LanguageGerman)
	os.dateRange.from.SetText(from.Format("02.01.2006"))
	os.dateRange.to.SetText(to.Format("2.1.2006"))
	if os.dateRange.hint.Visible() {
		t.Fatalf("German dates are refused: %q", os.dateRange.hint.Text)
	}
	if got := listed(); !slices.Equal(got, want) {
		t.Errorf("the German range lists %d orders, want %d", len(got), len(want))
	}
	os.dateRange.to.SetText("31.02.2026")
	if want := "Bis: Schreiben Sie das Datum als TT.MM.JJJJ, etwa 19.05.2026, oder als JJJJ-MM-TT."; os.dateRange.hint.Text != want {
		t.Errorf("an impossible date says %q, want %q", os.dateRange.hint.Text, want)
	}
	if os.dateRange.to.Validate() == nil {
		t.Error("the To entry accepts an impossible date")
	}

	// Back to any date: every order again, and the dates hide.
	selectOption(t, os.dateSelect, "Jedes Datum")
	if os.dateRange.root.Visible() {
		t.Error("the From and To dates stay after leaving the custom range")
	}
	if got := listed(); len(got) != len(all) {
		t.Errorf("any date lists %d of %d orders", len(got), len(all))
	}
}

// localDay is the start of t's day in the local time zone.
func localDay(t time.Time) time.Time {
	y, m, d := t.Local().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

func TestParseOrderDate(t *testing.T) {
	day := time.Date(2026, 5, 19, 0, 0, 0, 0, time.Local)
	for _, c := range []struct {
		text string
		lang i18n.Lang
		want time.Time
		ok   bool
	}{
		{"", LanguageEnglish, time.Time{}, true},
		{"  ", LanguageGerman, time.Time{}, true},
		{"2026-05-19", LanguageEnglish, day, true},
		{" 2026-05-19 ", LanguageGerman, day, true},
		{"19.05.2026", LanguageGerman, day, true},
		{"19.5.2026", LanguageGerman, day, true},
		{"19.05.2026", LanguageEnglish, time.Time{}, false},
		{"2026-5-19", LanguageEnglish, time.Time{}, false},
		{"2026-02-30", LanguageEnglish, time.Time{}, false},
		{"30.02.2026", LanguageGerman, time.Time{}, false},
		{"19.05.26", LanguageGerman, time.Time{}, false},
		{"05/19/2026", LanguageEnglish, time.Time{}, false},
		{"2026-05-19x", LanguageEnglish, time.Time{}, false},
	} {
		got, ok := parseOrderDate(c.text, c.lang)
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("parseOrderDate(%q, %s) = %v, %v; want %v, %v", c.text, c.lang, got, ok, c.want, c.ok)
		}
	}
}

// FuzzParseOrderDate: any text is read without panicking, and a date read
// reads back the same in both layouts.
func FuzzParseOrderDate(f *testing.F) {
	for _, s := range []string{"", "2026-05-19", "19.05.2026", "1.1.2000", "31.02.2026", "\xff", "2026-05-19\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []i18n.Lang{LanguageEnglish, LanguageGerman} {
			d, ok := parseOrderDate(text, lang)
			if !ok || d.IsZero() {
				continue
			}
			if again, ok := parseOrderDate(d.Format("2006-01-02"), LanguageEnglish); !ok || !again.Equal(d) {
				t.Fatalf("%q reads as %v, which does not read back", text, d)
			}
			if again, ok := parseOrderDate(d.Format("02.01.2006"), LanguageGerman); !ok || !again.Equal(d) {
				t.Fatalf("%q reads as %v, which does not read back in German", text, d)
			}
		}
	})
}
