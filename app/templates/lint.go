package templates

import "sellermail/policy"

// Lint checks a template's body in template mode: placeholders are expected
// and not reported, everything else is checked as for a real message to a
// buyer in the template's language. Explanations are in English.
func Lint(c *policy.Checker, t Template) policy.Result {
	return c.Check(policy.Message{
		Text:        t.Body,
		Kind:        t.Kind,
		BuyerLocale: t.Lang,
		Template:    true,
	}, policy.English)
}
