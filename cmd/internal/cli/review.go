package cli

import (
	"context"
	"errors"
	"fmt"

	"sellermail/app"
	"sellermail/app/store"
)

// runRequestReview asks Amazon to send its review request for one order, or
// for every eligible one. Exit status: 0 done, 1 not eligible or failed,
// 2 bad usage or unknown order, 3 outcome unknown for at least one order.
func runRequestReview(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "request-review", "ORDER | --all-eligible [--dry-run]\n"+
		"exit status: 0 done, 1 not eligible or failed, 2 bad input or unknown order, 3 outcome unknown for an order")
	all := fs.Bool("all-eligible", false, "every order that can get a review request now")
	dry := fs.Bool("dry-run", false, "only say which orders are eligible; send nothing")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if *all == (len(rest) == 1) || len(rest) > 1 {
		return e.fail(usagef("request-review: name one order ID, or give --all-eligible"))
	}
	svc, code := e.open(ctx)
	if svc == nil {
		return code
	}
	defer svc.Close()
	if !*dry {
		if code := e.requireChosenMode(svc); code != exitOK {
			return code
		}
	}
	if *all {
		return e.reviewAll(ctx, svc, *dry)
	}
	return e.reviewOne(ctx, svc, rest[0], *dry)
}

func (e *env) reviewOne(ctx context.Context, svc *app.Service, orderID string, dry bool) int {
	ui := uiLang(e)
	if dry {
		d, err := svc.OrderDetail(ctx, orderID)
		if err != nil {
			return e.explain(err)
		}
		if !d.Eligibility.OK {
			fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "not eligible", "nicht möglich"), d.Eligibility.Text(ui))
			return exitFindings
		}
		fmt.Fprintf(e.Stdout, "%s %s\n", tr(ui, "dry run: eligible; nothing was sent.", "Probelauf: möglich; nichts wurde gesendet."), d.Eligibility.Text(ui))
		return exitOK
	}
	r, err := svc.RequestReview(ctx, orderID)
	switch {
	case err == nil:
		fmt.Fprintf(e.Stdout, "%s (%s %s)\n", tr(ui, "review requested", "Bewertung angefragt"), tr(ui, "Amazon request ID", "Amazon-Anfrage-ID"), r.RequestID)
		return exitOK
	case errors.Is(err, app.ErrNotEligible):
		fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "not eligible", "nicht möglich"), app.Explain(err, ui))
		return exitFindings
	case r.Status == store.ReviewUnknown:
		fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "outcome unknown", "Ergebnis unbekannt"), app.Explain(err, ui))
		return exitUnknown
	case r.Status == store.ReviewFailed:
		fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "failed", "fehlgeschlagen"), app.Explain(err, ui))
		return exitFindings
	}
	return e.explain(err)
}

func (e *env) reviewAll(ctx context.Context, svc *app.Service, dry bool) int {
	ui := uiLang(e)
	p := newProgress(e)
	sum, err := svc.RequestReviewsAll(ctx, dry, func(rp app.ReviewProgress) {
		p.show(tr(ui, "Review requests: %d of %d", "Bewertungsanfragen: %d von %d"), rp.Done, rp.Total)
	})
	p.clear()
	if dry {
		if err != nil {
			return e.explain(err)
		}
		fmt.Fprintf(e.Stdout, tr(ui, "dry run: %d orders are eligible for a review request; nothing was sent.\n",
			"Probelauf: %d Bestellungen können um eine Bewertung gebeten werden; nichts wurde gesendet.\n"), sum.Eligible)
		return exitOK
	}
	for _, r := range sum.Results {
		if r.Err == nil || errors.Is(r.Err, app.ErrNotEligible) {
			continue
		}
		label := tr(ui, "failed", "fehlgeschlagen")
		if r.Status == store.ReviewUnknown {
			label = tr(ui, "outcome unknown", "Ergebnis unbekannt")
		}
		fmt.Fprintf(e.Stdout, "%s %s: %s\n", r.OrderID, label, app.Explain(r.Err, ui))
	}
	fmt.Fprintf(e.Stdout, tr(ui, "Review requests: %d sent, %d skipped (not eligible), %d failed, %d outcome unknown (of %d orders).\n",
		"Bewertungsanfragen: %d gesendet, %d übersprungen (nicht möglich), %d fehlgeschlagen, %d Ergebnis unbekannt (von %d Bestellungen).\n"),
		sum.Sent, sum.Skipped, sum.Failed, sum.Unknown, sum.Total)
	switch {
	case err != nil:
		return e.explain(err)
	case sum.Unknown > 0:
		return exitUnknown
	case sum.Failed > 0:
		return exitFindings
	}
	return exitOK
}
