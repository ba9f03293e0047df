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
		e.errorf("%s %s", tr(ui, "Amazon could not be asked about this order; what is shown may be out of date:",
			"Amazon konnte zu dieser Bestellung nicht befragt werden; die Angaben sind vielleicht veraltet:"), app.Explain(d.FactsErr, ui))
		return reported{orRefused(d.FactsErr)}
	}
	return nil
}

func writeActionsText(w io.Writer, d *app.OrderDetail, ui i18n.Lang) {
	o := d.Order
	fmt.Fprintf(w, "%s %s (%s, %s), %s %s\n", tr(ui, "Order", "Bestellung"), o.OrderID, marketName(o.MarketplaceID), o.Status,
		tr(ui, "bought", "gekauft am"), dateOf(o.PurchaseDate))
	lang := d.BuyerLocale
	if lang == "" {
		lang = tr(ui, "unknown", "unbekannt")
	}
	fmt.Fprintf(w, "%s %s\n\n", tr(ui, "Buyer's language:", "Sprache des Käufers:"), lang)

	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr(ui, "Message types Amazon offers now:", "Nachrichtenarten, die Amazon jetzt anbietet:"))
	if len(d.Offered) == 0 {
		fmt.Fprintln(tw, "  "+tr(ui, "none", "keine"))
	}
	for _, k := range d.Offered {
		fmt.Fprintf(tw, "  %s\t%s\n", k, k.Description(app.PolicyLang(ui)))
	}
	_ = tw.Flush()
	fmt.Fprintln(w, tr(ui, "Not available:", "Nicht verfügbar:"))
	for _, k := range policy.Kinds() {
		if note := d.KindNote(k, ui); note != "" {
			fmt.Fprintf(w, "  %s: %s\n", k, note)
		}
	}
	fmt.Fprintln(w)
	verdict := tr(ui, "not possible", "nicht möglich")
	if d.Eligibility.OK {
		verdict = tr(ui, "possible", "möglich")
	}
	fmt.Fprintf(w, "%s %s. %s\n", tr(ui, "Review request:", "Bewertungsanfrage:"), verdict, d.Eligibility.Text(ui))
	if n := len(d.Messages); n > 0 {
		fmt.Fprintf(w, "%s %d (%s)\n", tr(ui, "Messages:", "Nachrichten:"), n,
			tr(ui, "'sellermail history --order "+o.OrderID+"' lists them", "'sellermail history --order "+o.OrderID+"' zeigt sie"))
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
