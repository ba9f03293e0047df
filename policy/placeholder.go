package policy

import (
	"strings"
	"unicode"
)

// Placeholder is a {{...}} field in a template; see the package doc for the names.
type Placeholder struct {
	// Start and End are rune offsets of the whole field including the braces.
	Start, End int
	// Name is the trimmed text between the braces; for a free field it is the
	// description after "fill:".
	Name string
	// Free marks {{fill:...}}: text the seller writes in before sending.
	Free bool
}

// KnownPlaceholders are the names the template renderer fills in.
var KnownPlaceholders = []string{"order_id", "product", "delivery_window", "new_date", "store"}

// maxPlaceholder bounds how far a closing "}}" is looked for, so a stray
// "{{" does not swallow the rest of the text.
const maxPlaceholder = 120

// Placeholders lists the {{...}} fields of text in order. An opening "{{"
// without a closing "}}" on the same line is not a field.
func Placeholders(text string) []Placeholder {
	return placeholdersIn([]rune(text))
}

func placeholdersIn(rs []rune) []Placeholder {
	var out []Placeholder
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] != '{' || rs[i+1] != '{' {
			continue
		}
		end := -1
		for j := i + 2; j+1 < len(rs) && j < i+maxPlaceholder; j++ {
			if rs[j] == '\n' || (rs[j] == '{' && rs[j+1] == '{') {
				break
			}
			if rs[j] == '}' && rs[j+1] == '}' {
				end = j
				break
			}
		}
		if end < 0 {
			continue
		}
		name := strings.TrimSpace(string(rs[i+2 : end]))
		p := Placeholder{Start: i, End: end + 2, Name: name}
		if rest, ok := strings.CutPrefix(name, "fill:"); ok {
			p.Name, p.Free = strings.TrimSpace(rest), true
		}
		out = append(out, p)
		i = end + 1
	}
	return out
}

func knownPlaceholder(name string) bool {
	for _, k := range KnownPlaceholders {
		if k == name {
			return true
		}
	}
	return false
}

// checkPlaceholders reports {{...}} fields left in a finished message and
// unknown names in a template, and masks every placeholder so that no other
// rule fires on it. In template mode the other usual syntaxes are masked too.
func (d *doc) checkPlaceholders() {
	for _, p := range placeholdersIn(d.runes) {
		d.mask(p.Start, p.End)
		switch {
		case !d.m.Template:
			if p.Free {
				d.add("UNFILLED_FIELD", Block, p.Start, p.End, "free", p.Name)
			} else {
				d.add("UNFILLED_FIELD", Block, p.Start, p.End, "")
			}
		case !p.Free && !knownPlaceholder(p.Name):
			d.add("UNKNOWN_PLACEHOLDER", Warn, p.Start, p.End, "", strings.Join(KnownPlaceholders, ", "))
		}
	}
	d.maskOtherPlaceholders(!d.m.Template)
}

// maskOtherPlaceholders masks [Name], ${store} and {product}: short,
// single-line fields whose content looks like a name rather than a sentence.
// In a finished message only fields that are clearly placeholders ([Name],
// ${store}) are masked, and reported as unfilled.
func (d *doc) maskOtherPlaceholders(finished bool) {
	rs := d.runes
	for i := 0; i < len(rs); i++ {
		var close rune
		start := i
		switch {
		case rs[i] == '$' && i+1 < len(rs) && rs[i+1] == '{':
			close = '}'
			i++
		case rs[i] == '[':
			close = ']'
		case rs[i] == '{':
			close = '}'
		default:
			continue
		}
		end := -1
		for j := i + 1; j < len(rs) && j < i+60; j++ {
			if rs[j] == close {
				end = j
				break
			}
			if rs[j] == '\n' || rs[j] == '[' || rs[j] == '{' || rs[j] == '<' || !placeholderRune(rs[j]) {
				break
			}
		}
		if end <= i+1 {
			continue
		}
		if finished {
			inner := strings.ToLower(strings.TrimSpace(string(rs[i+1 : end])))
			if rs[start] != '$' && !placeholderWords[inner] {
				continue
			}
			d.add("UNFILLED_FIELD", Block, start, end+1, "")
		}
		d.mask(start, end+1)
		i = end
	}
}

func placeholderRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == ' ' || r == '-' || r == '.' || r == ':'
}

// placeholderWords are bracketed names that only a template leaves in a text.
var placeholderWords = map[string]bool{
	"name": true, "vorname": true, "nachname": true, "kundenname": true, "käufername": true, "ihr name": true,
	"buyer name": true, "buyer_name": true, "customer name": true, "customer_name": true, "first name": true,
	"your name": true, "bestellnummer": true, "order id": true, "order_id": true, "order number": true,
	"produkt": true, "product": true, "artikel": true, "datum": true, "date": true, "shop": true,
	"shopname": true, "store": true, "store name": true, "nom": true, "prénom": true, "nome": true,
	"nombre": true, "tracking": true, "sendungsnummer": true, "lieferdatum": true, "delivery date": true,
}
