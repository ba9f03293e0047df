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

// paletteTheme is the default theme with text colours that reach WCAG AA
// (4.5:1) on every background they are drawn on. Fyne's defaults draw
// secondary text (low importance labels use the disabled colour), success,
// warning and error text at 1.3–3.7:1 in the light variant.
type paletteTheme struct {
	fyne.Theme
	// variant, when set, forces one variant whatever the system prefers.
	variant *fyne.ThemeVariant
}

// palettes are the colours that replace the default theme's, per variant.
var palettes = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:          color.NRGBA{R: 0x21, G: 0x21, B: 0x21, A: 0xff},
		theme.ColorNameDisabled:            color.NRGBA{R: 0x5c, G: 0x5c, B: 0x5c, A: 0xff},
		theme.ColorNamePlaceHolder:         color.NRGBA{R: 0x5c, G: 0x5c, B: 0x5c, A: 0xff},
		theme.ColorNameSelection:           color.NRGBA{R: 0x15, G: 0x5b, B: 0xc8, A: 0x1f},
		theme.ColorNamePrimary:             color.NRGBA{R: 0x13, G: 0x55, B: 0xbd, A: 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{R: 0x13, G: 0x55, B: 0xbd, A: 0xff},
		theme.ColorNameForegroundOnPrimary: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
		theme.ColorNameSuccess:             color.NRGBA{R: 0x1a, G: 0x69, B: 0x1e, A: 0xff},
		theme.ColorNameForegroundOnSuccess: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
		theme.ColorNameWarning:             color.NRGBA{R: 0x95, G: 0x4a, B: 0x00, A: 0xff},
		theme.ColorNameForegroundOnWarning: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
		theme.ColorNameError:               color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff},
		theme.ColorNameForegroundOnError:   color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameForeground:          color.NRGBA{R: 0xf3, G: 0xf3, B: 0xf3, A: 0xff},
		theme.ColorNameDisabled:            color.NRGBA{R: 0xa6, G: 0xa6, B: 0xa6, A: 0xff},
		theme.ColorNamePlaceHolder:         color.NRGBA{R: 0xa6, G: 0xa6, B: 0xa6, A: 0xff},
		theme.ColorNamePrimary:             color.NRGBA{R: 0x7c, G: 0xb3, B: 0xff, A: 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{R: 0x7c, G: 0xb3, B: 0xff, A: 0xff},
		theme.ColorNameForegroundOnPrimary: color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff},
		theme.ColorNameSuccess:             color.NRGBA{R: 0x5c, G: 0xd6, B: 0x5c, A: 0xff},
		theme.ColorNameForegroundOnSuccess: color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff},
		theme.ColorNameWarning:             color.NRGBA{R: 0xff, G: 0xa7, B: 0x26, A: 0xff},
		theme.ColorNameForegroundOnWarning: color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff},
		theme.ColorNameError:               color.NRGBA{R: 0xff, G: 0x7a, B: 0x70, A: 0xff},
		theme.ColorNameForegroundOnError:   color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff},
	},
}

// Color draws the palette's colour, in the forced variant if there is one.
func (t paletteTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if c, ok := palettes[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// themeFor returns the theme for a choice; unknown choices follow the system.
func themeFor(choice string) fyne.Theme {
	th := paletteTheme{Theme: theme.DefaultTheme()}
	switch choice {
	case ThemeLight:
		v := theme.VariantLight
		th.variant = &v
	case ThemeDark:
		v := theme.VariantDark
		th.variant = &v
	}
	return th
}

// ApplyTheme draws the app in the chosen variant: ThemeSystem, ThemeLight or ThemeDark.
func ApplyTheme(a fyne.App, choice string) {
	a.Settings().SetTheme(themeFor(choice))
}
