package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
)

// reviewStatuses are the review request statuses --status accepts with --reviews.
var reviewStatuses = []store.ReviewStatus{store.ReviewSending, store.ReviewSent, store.ReviewFailed, store.ReviewUnknown}

// reviewFilter is the filter of history --reviews; the message-only
// options are refused.
func reviewFilter(fs *flag.FlagSet, status, order, market string, limit int) (store.ReviewFilter, error) {
	for _, name := range []string{"search", "kind"} {
		if flagSet(fs, name) {
			return store.ReviewFilter{}, usagef("history --reviews: --%s applies to messages only", name)
		}
	}
	f := store.ReviewFilter{OrderID: order, Marketplace: market, Limit: limit}
	if status != "" {
		f.Status = store.ReviewStatus(status)
		if !slices.Contains(reviewStatuses, f.Status) {
			return f, usagef("--status %q: review requests are sending, sent, failed or unknown", status)
		}
	}
	return f, nil
}

// reviewHistory lists the review requests, newest first: history --reviews.
func (e *env) reviewHistory(ctx context.Context, svc *app.Service, o historyOpts) error {
	if o.format == "csv" {
		return svc.ExportReviewsCSV(ctx, e.Stdout, o.requests, e.lang)
	}
	rs, err := svc.ReviewHistory(ctx, o.requests)
	if err != nil {
		return err
	}
	if o.format == "json" {
		writeReviewsJSON(e.Stdout, rs, e.lang)
		return nil
	}
	if len(rs) == 0 {
		fmt.Fprintln(e.Stderr, i18n.T(e.lang, "cli.history_reviews.no_review_requests"))
		return nil
	}
	writeReviewsTable(e.Stdout, rs, e.lang)
	return nil
}

func writeReviewsTable(w io.Writer, rs []store.ReviewRequest, lang i18n.Lang) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tORDER\tMARKET\tSTATUS\tAMAZON REQUEST\tERROR")
	for _, r := range rs {
		req := r.RequestID
		if req == "" {
			req = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.CreatedAt.Local().Format("2006-01-02 15:04"), r.OrderID,
			marketName(r.MarketplaceID), r.Status, req, shorten(app.StoredReason(r.Error, lang), 60))
	}
	_ = tw.Flush()
}

type reviewRequestJSON struct {
	ID        int64     `json:"id"`
	OrderID   string    `json:"order_id"`
	Country   string    `json:"country"`
	Status    string    `json:"status"`
	RequestID string    `json:"request_id,omitempty"`
	Error     string    `json:"error,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func writeReviewsJSON(w io.Writer, rs []store.ReviewRequest, lang i18n.Lang) {
	out := make([]reviewRequestJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, reviewRequestJSON{ID: r.ID, OrderID: r.OrderID, Country: marketName(r.MarketplaceID), Status: string(r.Status),
			RequestID: r.RequestID, Error: app.StoredReason(r.Error, lang), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt})
	}
	writeJSON(w, out)
}
