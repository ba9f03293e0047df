package cli

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/policy"
)

// actionsOpts name the order and the output format.
type actionsOpts struct {
	orderID string
	format  string // text or json
}

func parseActions(args []string) (actionsOpts, error) {
	fs := newFlags("actions", "ORDER [--format text|json]")
	format := fs.String("format", "text", "output format: text or json")
	rest, err := parseFlags(fs, args)
	switch {
	case err != nil:
		return actionsOpts{}, err
	case len(rest) != 1:
		return actionsOpts{}, usagef("actions: name one order ID (see 'sellermail orders')")
	case *format != "text" && *format != "json":
		return actionsOpts{}, usagef("--format must be text or json, not %q", *format)
	}
	return actionsOpts{orderID: rest[0], format: *format}, nil
}

// runActions shows what can be done with one order now: the message kinds
// Amazon offers (and why the others are not), the buyer's language and the
// review request's eligibility.
func runActions(ctx context.Context, e *env, o actionsOpts) error {
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	d, err := svc.OrderDetail(ctx, o.orderID)
	if err != nil {
		return err
	}
	ui := e.lang
	if o.format == "json" {
		writeActionsJSON(e.Stdout, d, ui)
	} else {
		writeActionsText(e.Stdout, d, ui)
	}
	if d.FactsErr != nil {
		e.errorf("%s %s", i18n.T(ui, "cli.actions.amazon_could_not"), app.Explain(d.FactsErr, ui))
		return reported{orRefused(d.FactsErr)}
	}
	return nil
}

func writeActionsText(w io.Writer, d *app.OrderDetail, ui i18n.Lang) {
	o := d.Order
	fmt.Fprintf(w, "%s %s (%s, %s), %s %s\n", i18n.T(ui, "cli.actions.order"), o.OrderID, marketName(o.MarketplaceID), o.Status,
		i18n.T(ui, "cli.actions.bought"), dateOf(o.PurchaseDate))
	lang := d.BuyerLocale
	if lang == "" {
		lang = i18n.T(ui, "cli.actions.unknown")
	}
	fmt.Fprintf(w, "%s %s\n\n", i18n.T(ui, "cli.actions.buyer_language"), lang)

	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, i18n.T(ui, "cli.actions.message_types_amazon"))
	if len(d.Offered) == 0 {
		fmt.Fprintln(tw, "  "+i18n.T(ui, "cli.actions.none"))
	}
	for _, k := range d.Offered {
		fmt.Fprintf(tw, "  %s\t%s\n", k, k.Description(app.PolicyLang(ui)))
	}
	_ = tw.Flush()
	fmt.Fprintln(w, i18n.T(ui, "cli.actions.not_available"))
	for _, k := range policy.Kinds() {
		if note := d.KindNote(k, ui); note != "" {
			fmt.Fprintf(w, "  %s: %s\n", k, note)
		}
	}
	fmt.Fprintln(w)
	verdict := i18n.T(ui, "cli.actions.not_possible")
	if d.Eligibility.OK {
		verdict = i18n.T(ui, "cli.actions.possible")
	}
	fmt.Fprintf(w, "%s %s. %s\n", i18n.T(ui, "cli.actions.review_request"), verdict, d.Eligibility.Text(ui))
	if n := len(d.Messages); n > 0 {
		fmt.Fprintf(w, "%s %d (%s)\n", i18n.T(ui, "cli.actions.messages"), n,
			i18n.T(ui, "cli.actions.history", map[string]any{"Order": o.OrderID}))
	}
}

type actionsJSON struct {
	OrderID     string         `json:"order_id"`
	Country     string         `json:"country"`
	Status      string         `json:"status"`
	BuyerLocale string         `json:"buyer_locale"`
	Offered     []string       `json:"offered"`
	NotOffered  []kindNoteJSON `json:"not_offered"`
	AskedAt     *time.Time     `json:"asked_amazon_at,omitempty"`
	Review      reviewJSON     `json:"review_request"`
	Messages    int            `json:"messages"`
}

type kindNoteJSON struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

type reviewJSON struct {
	Eligible bool       `json:"eligible"`
	Reason   string     `json:"reason"`
	Opens    *time.Time `json:"opens,omitempty"`
	Closes   *time.Time `json:"closes,omitempty"`
}

func writeActionsJSON(w io.Writer, d *app.OrderDetail, ui i18n.Lang) {
	out := actionsJSON{OrderID: d.Order.OrderID, Country: marketName(d.Order.MarketplaceID), Status: d.Order.Status,
		BuyerLocale: d.BuyerLocale, Offered: []string{}, NotOffered: []kindNoteJSON{}, AskedAt: timePtr(d.KindsFetchedAt),
		Review: reviewJSON{Eligible: d.Eligibility.OK, Reason: d.Eligibility.Text(ui),
			Opens: timePtr(d.Eligibility.Opens), Closes: timePtr(d.Eligibility.Closes)},
		Messages: len(d.Messages)}
	for _, k := range d.Offered {
		out.Offered = append(out.Offered, string(k))
	}
	for _, k := range policy.Kinds() {
		if note := d.KindNote(k, ui); note != "" {
			out.NotOffered = append(out.NotOffered, kindNoteJSON{string(k), note})
		}
	}
	writeJSON(w, out)
}
