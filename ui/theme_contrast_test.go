package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Every colour the theme draws text in reaches WCAG AA's 4.5:1 on every
// background that text can sit on, in both variants and every theme choice.
// Low importance labels (status, marketplace, counts, reasons, previews, the
// reason Send is off) draw in the disabled colour, so it counts as text.
func TestThemeTextContrast(t *testing.T) {
	texts := []fyne.ThemeColorName{
		theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
		theme.ColorNamePrimary, theme.ColorNameHyperlink,
		theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError,
	}
	grounds := []fyne.ThemeColorName{
		theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground, theme.ColorNameButton,
	}
	// Translucent colours are drawn over the background: a hovered or
	// selected list row.
	overlays := []fyne.ThemeColorName{theme.ColorNameHover, theme.ColorNameSelection}
	onColours := map[fyne.ThemeColorName]fyne.ThemeColorName{
		theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary,
		theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
		theme.ColorNameForegroundOnWarning: theme.ColorNameWarning,
		theme.ColorNameForegroundOnError:   theme.ColorNameError,
	}
	for _, choice := range themeChoices {
		th := themeFor(choice)
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			bg := th.Color(theme.ColorNameBackground, v)
			check := func(fgName, bgName fyne.ThemeColorName, fg, back color.Color) {
				if r := contrastRatio(fg, back); r < 4.5 {
					t.Errorf("theme %q variant %d: %s on %s is %.2f:1, want at least 4.5:1", choice, v, fgName, bgName, r)
				}
			}
			for _, fg := range texts {
				for _, g := range grounds {
					check(fg, g, th.Color(fg, v), th.Color(g, v))
				}
				for _, o := range overlays {
					check(fg, o, th.Color(fg, v), over(th.Color(o, v), bg))
				}
			}
			for fg, g := range onColours {
				check(fg, g, th.Color(fg, v), th.Color(g, v))
			}
		}
	}
}

// over composes a possibly translucent colour over an opaque one.
func over(top, under color.Color) color.Color {
	tc := color.NRGBAModel.Convert(top).(color.NRGBA)
	uc := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(tc.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(tc.R, uc.R), G: mix(tc.G, uc.G), B: mix(tc.B, uc.B), A: 0xff}
}

// contrastRatio is WCAG 2's contrast ratio of two opaque colours.
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// The light theme's green, the secondary text and the error red were below
// 4.5:1 on white with Fyne's default colours; they are the ones a seller
// reads most (sent, reasons, failures).
func TestThemeNamedColoursReadable(t *testing.T) {
	th := themeFor(ThemeLight)
	white := th.Color(theme.ColorNameBackground, theme.VariantLight)
	for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameDisabled, theme.ColorNameError, theme.ColorNameWarning} {
		if r := contrastRatio(th.Color(n, theme.VariantLight), white); r < 4.5 {
			t.Errorf("light %s on the background is %.2f:1", n, r)
		}
	}
}
