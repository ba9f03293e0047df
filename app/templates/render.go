package templates

import (
	"strings"

	"sellermail/policy"
)

// The placeholder names a template may use besides free fields.
const (
	NameOrderID        = "order_id"
	NameProduct        = "product"
	NameDeliveryWindow = "delivery_window"
	NameNewDate        = "new_date"
	NameStore          = "store"
)

// knownName reports the placeholder names Render knows.
func knownName(name string) bool {
	switch name {
	case NameOrderID, NameProduct, NameDeliveryWindow, NameNewDate, NameStore:
		return true
	}
	return false
}

// Values are what Render puts into a template's placeholders. An empty value
// leaves its placeholder in place.
type Values struct {
	OrderID, Product, DeliveryWindow, NewDate, Store string
	// Fill holds the seller's texts for free fields, keyed by the field's
	// description: Fill["Grund der Verzögerung"] fills {{fill:Grund der Verzögerung}}.
	Fill map[string]string
}

// value returns the text for a placeholder, "" when there is none.
func (v Values) value(p policy.Placeholder) string {
	if p.Free {
		return v.Fill[p.Name]
	}
	switch p.Name {
	case NameOrderID:
		return v.OrderID
	case NameProduct:
		return v.Product
	case NameDeliveryWindow:
		return v.DeliveryWindow
	case NameNewDate:
		return v.NewDate
	case NameStore:
		return v.Store
	}
	return ""
}

// Render replaces the placeholders in body that have a value and leaves the
// others (unknown names, empty or blank values) exactly as written, so the
// compliance engine reports them as unfilled. Values are trimmed, invalid
// UTF-8 in them becomes U+FFFD, and curly braces become parentheses. Render never creates a placeholder the
// body did not have: should a value join a stray "{{" in the body with a
// later "}}", that placeholder is left unfilled instead.
func Render(body string, v Values) string {
	ps := policy.Placeholders(body)
	vals := make([]string, len(ps))
	filled := false
	for i, p := range ps {
		if val := strings.TrimSpace(v.value(p)); val != "" {
			vals[i] = braceFree.Replace(strings.ToValidUTF8(val, "\uFFFD"))
			filled = true
		}
	}
	if !filled {
		return body
	}
	runes := []rune(body)
	allowed := fieldCounts(runes, ps)
	out := assemble(runes, ps, vals)
	if !invents(out, allowed) {
		return out
	}
	// Rare: add the values one at a time and keep only those that invent nothing.
	kept := make([]string, len(ps))
	for i, val := range vals {
		if val == "" {
			continue
		}
		kept[i] = val
		if invents(assemble(runes, ps, kept), allowed) {
			kept[i] = ""
		}
	}
	return assemble(runes, ps, kept)
}

// braceFree turns the braces of a value into parentheses.
var braceFree = strings.NewReplacer("{", "(", "}", ")")

// assemble writes runes with each placeholder ps[i] replaced by vals[i],
// keeping those whose value is empty.
func assemble(runes []rune, ps []policy.Placeholder, vals []string) string {
	var b strings.Builder
	b.Grow(len(runes) + 64)
	last := 0
	for i, p := range ps {
		if vals[i] == "" {
			continue
		}
		b.WriteString(string(runes[last:p.Start]))
		b.WriteString(vals[i])
		last = p.End
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}

// fieldCounts counts the placeholders of a text as written.
func fieldCounts(runes []rune, ps []policy.Placeholder) map[string]int {
	counts := make(map[string]int, len(ps))
	for _, p := range ps {
		counts[string(runes[p.Start:p.End])]++
	}
	return counts
}

// invents reports whether text has a placeholder that allowed does not, or
// more of one than allowed has.
func invents(text string, allowed map[string]int) bool {
	runes := []rune(text)
	for raw, n := range fieldCounts(runes, policy.Placeholders(text)) {
		if n > allowed[raw] {
			return true
		}
	}
	return false
}
