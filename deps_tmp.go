//go:build tools

package tools
import (
 _ "modernc.org/sqlite"
 _ "github.com/zalando/go-keyring"
 _ "fyne.io/fyne/v2"
 _ "fyne.io/fyne/v2/app"
 _ "golang.org/x/term"
)
