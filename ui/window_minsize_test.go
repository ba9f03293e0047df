package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"sellermail/app/i18n"
	"sellermail/policy"
)

// smallScreen is the smallest window the main screens must fit: a
// 1024×768 laptop less the window frame and panels.
var smallScreen = fyne.NewSize(1000, 640)

// The main screens fit a small laptop screen in English and in German:
// long texts such as the purpose of a message must not widen the window
// past the screen, or the hints and Send fall off it.
func TestMainScreensFitSmallScreen(t *testing.T) {
	for _, lang := range []i18n.Lang{LanguageEnglish, LanguageGerman} {
		t.Run(string(lang), func(t *testing.T) {
			e := newTestEnv(t)
			e.a.Preferences().SetString(PrefLanguage, string(lang))
			setTestLanguage(t, lang)
			ms := e.syncedDemo()
			e.openOrder(ms, offersTo(policy.KindUnexpectedProblem))
			c := ms.work.composer
			if err := c.SetKind(longestOffered(c)); err != nil {
				t.Fatal(err)
			}
			fits := func(screen string) {
				t.Helper()
				if got := e.w.Content().MinSize(); got.Width > smallScreen.Width || got.Height > smallScreen.Height {
					t.Errorf("%s needs %v, more than %v", screen, got, smallScreen)
				}
			}
			e.w.Resize(smallScreen)
			e.q.run()
			fits("the orders with a chosen purpose")
			ms.tabs.Select(ms.historyTab)
			e.q.run()
			fits("the history")
			ms.tabs.Select(ms.templatesTab)
			e.q.until(t, "the templates", func() bool { return len(ms.templates.listed) > 0 })
			ms.templates.list.Select(0)
			e.q.run()
			fits("the templates with one open")
			ms.tabs.Select(ms.settingsTab)
			e.q.run()
			fits("the settings")
		})
	}
}

// longestOffered is the offered kind with the longest description in the
// window's language, the widest the purpose button gets for the order.
func longestOffered(c *Composer) policy.Kind {
	var best policy.Kind
	for _, k := range c.offeredKinds() {
		if len(k.Description(PolicyLang())) > len(best.Description(PolicyLang())) {
			best = k
		}
	}
	return best
}
