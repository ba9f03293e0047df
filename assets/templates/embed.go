// Package templates holds Sellermail's built-in message templates as data:
// one JSON file per buyer language (de.json, en.json, ...), each an array of
// templates with the same ids. The code that reads them is app/templates.
package templates

import "embed"

// Files are the embedded template files, one per language, named <lang>.json.
//
//go:embed *.json
var Files embed.FS
