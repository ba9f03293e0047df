package cli

import (
	"context"
	"errors"
	"fmt"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
)

// reviewOpts name one order, or all eligible ones.
type reviewOpts struct {
	orderID string // empty with all
	all     bool
	dry     bool
}

func parseRequestReview(args []string) (reviewOpts, error) {
	fs := newFlags("request-review", "ORDER | --all-eligible [--dry-run]\n"+
		"exit status: 0 done, 1 not eligible or failed, 2 bad input or unknown order, 3 outcome unknown for an order,\n"+
		"             4 Amazon could not be reached, or not logged in")
	all := fs.Bool("all-eligible", false, "every order that can get a review request now")
	dry := fs.Bool("dry-run", false, "only say which orders are eligible; send nothing")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return reviewOpts{}, err
	}
	if *all == (len(rest) == 1) || len(rest) > 1 {
		return reviewOpts{}, usagef("request-review: name one order ID, or give --all-eligible")
	}
	o := reviewOpts{all: *all, dry: *dry}
	if !*all {
		o.orderID = rest[0]
	}
	return o, nil
}

// runRequestReview asks Amazon to send its review request for one order, or
// for every eligible one.
func runRequestReview(ctx context.Context, e *env, o reviewOpts) error {
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	if !o.dry {
		if err := e.requireChosenMode(svc); err != nil {
			return err
		}
	}
	if o.all {
		return e.reviewAll(ctx, svc, o.dry)
	}
	return e.reviewOne(ctx, svc, o.orderID, o.dry)
}

func (e *env) reviewOne(ctx context.Context, svc *app.Service, orderID string, dry bool) error {
	ui := e.lang
	if dry {
		d, err := svc.OrderDetail(ctx, orderID)
		if err != nil {
			return err
		}
		if !d.Eligibility.OK {
			fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.review.not_eligible"), d.Eligibility.Text(ui))
			return errRefused
		}
		fmt.Fprintf(e.Stdout, "%s %s\n", i18n.T(ui, "cli.review.dry_run_eligible"), d.Eligibility.Text(ui))
		return nil
	}
	r, err := svc.RequestReview(ctx, orderID)
	switch {
	case err == nil:
		fmt.Fprintf(e.Stdout, "%s (%s %s)\n", i18n.T(ui, "cli.review.review_requested"), i18n.T(ui, "cli.review.amazon_request_id"), r.RequestID)
		return nil
	case errors.Is(err, app.ErrNotEligible):
		fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.review.not_eligible"), app.Explain(err, ui))
		return reported{err}
	case r.Status == store.ReviewUnknown:
		fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.review.outcome_unknown"), app.Explain(err, ui))
		return reported{app.ErrOutcomeUnknown}
	case r.Status == store.ReviewFailed:
		fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.review.failed"), app.Explain(err, ui))
		return reported{err}
	}
	return err
}

func (e *env) reviewAll(ctx context.Context, svc *app.Service, dry bool) error {
	ui := e.lang
	p := newProgress(e.Stderr)
	sum, err := svc.RequestReviewsAll(ctx, dry, func(rp app.ReviewProgress) {
		p.show("%s", i18n.T(ui, "cli.review.progress", map[string]any{"Done": rp.Done, "Total": rp.Total}))
	})
	p.clear()
	if dry {
		if err != nil {
			return err
		}
		fmt.Fprintln(e.Stdout, i18n.T(ui, "cli.review.dryrun.all", map[string]any{"N": sum.Eligible}))
		return nil
	}
	for _, r := range sum.Results {
		if r.Err == nil || errors.Is(r.Err, app.ErrNotEligible) {
			continue
		}
		label := i18n.T(ui, "cli.review.failed")
		if r.Status == store.ReviewUnknown {
			label = i18n.T(ui, "cli.review.outcome_unknown")
		}
		fmt.Fprintf(e.Stdout, "%s %s: %s\n", r.OrderID, label, app.Explain(r.Err, ui))
	}
	fmt.Fprintln(e.Stdout, i18n.T(ui, "cli.review.summary", map[string]any{
		"Sent": sum.Sent, "Skipped": sum.Skipped, "Failed": sum.Failed, "Unknown": sum.Unknown, "Total": sum.Total}))
	switch {
	case err != nil:
		return err
	case sum.Unknown > 0:
		return reported{app.ErrOutcomeUnknown}
	case sum.Failed > 0:
		return errRefused
	}
	return nil
}
