package app

import (
	"context"
	"strconv"
	"strings"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/app/templates"
	"sellermail/policy"
)

// userTemplatePrefix marks the IDs of the seller's own templates in
// TemplatesFor's answer ("user:12"); built-in IDs never contain a colon.
const userTemplatePrefix = "user:"

// TemplatesFor returns the built-in templates and the seller's own for a
// kind in the buyer's language (lang may be a locale such as "de-DE"; ""
// matches every language), built-in ones first.
func (s *Service) TemplatesFor(ctx context.Context, kind policy.Kind, lang string) ([]templates.Template, error) {
	all, err := templates.BuiltIn()
	if err != nil {
		return nil, err
	}
	out := templates.Filter(all, kind, lang)
	base := baseLang(lang)
	own, err := s.store.ListTemplates(ctx, string(kind), base)
	if err != nil {
		return nil, err
	}
	for _, t := range own {
		out = append(out, templates.Template{ID: userTemplatePrefix + strconv.FormatInt(t.ID, 10), Kind: policy.Kind(t.Kind),
			Lang: t.Lang, Title: t.Title, Description: t.Description, Body: t.Body})
	}
	return out, nil
}

// UserTemplateID returns the store ID of a template TemplatesFor returned
// from the seller's own; ok is false for built-in templates.
func UserTemplateID(t templates.Template) (id int64, ok bool) {
	rest, found := strings.CutPrefix(t.ID, userTemplatePrefix)
	if !found || t.BuiltIn {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}

// RenderTemplate fills t's placeholders from the order in d (order ID,
// first product, delivery window in the template's language), the store
// name from the profile, and fill for free fields. What has no value stays
// a placeholder, which the check reports until the seller fills it in.
func (s *Service) RenderTemplate(t templates.Template, d *OrderDetail, fill map[string]string) string {
	v := templates.Values{Store: s.storeName(), Fill: fill}
	if d != nil {
		v.OrderID = d.Order.OrderID
		if len(d.Order.Items) > 0 {
			v.Product = d.Order.Items[0].Title
		}
		v.DeliveryWindow = deliveryWindow(d.Order.EarliestDelivery, d.Order.LatestDelivery, t.Lang)
	}
	return templates.Render(t.Body, v)
}

// LintTemplate checks a template's body in template mode, explained in lang.
func (s *Service) LintTemplate(t store.Template, lang i18n.Lang) policy.Result {
	return s.checker.Check(policy.Message{Text: t.Body, Kind: policy.Kind(t.Kind), BuyerLocale: t.Lang, Template: true}, PolicyLang(lang))
}

// SaveTemplate lints the seller's template and stores it (new when t.ID is
// 0). A template with a block finding is not saved: the error wraps
// ErrTemplateBlocked and the result shows why.
func (s *Service) SaveTemplate(ctx context.Context, t store.Template, lang i18n.Lang) (int64, policy.Result, error) {
	res := s.LintTemplate(t, lang)
	if _, err := policy.ParseKind(t.Kind); err != nil {
		return 0, res, refusal(ErrKindNotSendable, "refusal.template.kind")
	}
	if res.Blocked() {
		r := refusal(ErrTemplateBlocked, "refusal.template.blocked", "Rule", firstBlock(res))
		r.Check = &res
		return 0, res, r
	}
	t.Lang = baseLang(t.Lang)
	id, err := s.store.SaveTemplate(ctx, t)
	return id, res, err
}

// DeleteTemplate removes one of the seller's templates.
func (s *Service) DeleteTemplate(ctx context.Context, id int64) error {
	return s.store.DeleteTemplate(ctx, id)
}

// baseLang reduces a locale such as "de-DE" to "de".
func baseLang(locale string) string {
	locale = strings.TrimSpace(locale)
	if i := strings.IndexAny(locale, "-_"); i >= 0 {
		locale = locale[:i]
	}
	return strings.ToLower(locale)
}
