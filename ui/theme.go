package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The theme choices ApplyTheme accepts.
const (
	// ThemeSystem follows the operating system's light or dark setting.
	ThemeSystem = ""
	// ThemeLight always draws light.
	ThemeLight = "light"
	// ThemeDark always draws dark.
	ThemeDark = "dark"
)

// themeChoices are the choices of the settings' theme select, in order.
var themeChoices = []string{ThemeSystem, ThemeLight, ThemeDark}

// variantTheme is the default theme drawn in one variant, whatever the
// system prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color draws every colour in the forced variant.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// themeFor returns the theme for a choice; unknown choices follow the system.
func themeFor(choice string) fyne.Theme {
	switch choice {
	case ThemeLight:
		return variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight}
	case ThemeDark:
		return variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// ApplyTheme draws the app in the chosen variant: ThemeSystem, ThemeLight or ThemeDark.
func ApplyTheme(a fyne.App, choice string) {
	a.Settings().SetTheme(themeFor(choice))
}
