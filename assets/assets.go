// Package assets holds Sellermail's embedded resources: the application icon
// and the translations of the window's texts. The built-in message templates
// live in the subpackage assets/templates.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)

// I18n holds the translations of the window's texts as go-i18n JSON files,
// i18n/en.json and i18n/de.json, in the form fyne's lang package reads:
// lang.AddTranslationsFS(assets.I18n, "i18n").
//
//go:embed i18n
var I18n embed.FS
