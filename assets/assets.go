// Package assets holds Sellermail's embedded resources: the application
// icon. The built-in message templates live in the subpackage
// assets/templates; the texts of every language in app/i18n.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)
