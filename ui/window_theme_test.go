package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The DEMO badge takes the new theme's colours when the seller switches the
// theme in the settings while the window is open.
func TestDemoBadgeFollowsThemeSwitch(t *testing.T) {
	e := newTestEnv(t)
	ms := e.startDemo()
	b := ms.badge
	if b == nil {
		t.Fatal("the demo shows no DEMO badge")
	}
	word := fyne.MeasureText("DEMO", theme.TextSize(), fyne.TextStyle{Bold: true})
	if b.text.Text != " DEMO " || b.MinSize().Width < word.Width || b.MinSize().Height < word.Height {
		t.Fatalf("the badge says %q in %v, too small for the word DEMO (%v)", b.text.Text, b.MinSize(), word)
	}
	// The light and dark choices draw their own variant whatever is asked.
	want := func(choice string) (bg, fg color.Color) {
		th := themeFor(choice)
		return th.Color(theme.ColorNameWarning, theme.VariantLight), th.Color(theme.ColorNameForegroundOnWarning, theme.VariantLight)
	}
	colours := map[string]color.Color{}
	for _, choice := range []struct{ option, theme string }{{"Light", ThemeLight}, {"Dark", ThemeDark}, {"Light", ThemeLight}} {
		selectOption(t, ms.settings.themeSelect, choice.option)
		if got := e.a.Preferences().String(PrefTheme); got != choice.theme {
			t.Fatalf("choosing %s saved theme %q", choice.option, got)
		}
		bg, fg := want(choice.theme)
		if b.bg.FillColor != bg || b.text.Color != fg {
			t.Errorf("in the %s theme the badge is %v on %v, want %v on %v", choice.option, b.text.Color, b.bg.FillColor, fg, bg)
		}
		colours[choice.theme] = b.text.Color
	}
	if colours[ThemeLight] == colours[ThemeDark] {
		t.Error("the badge's text has the same colour in the light and the dark theme")
	}
}
