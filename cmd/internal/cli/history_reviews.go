package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"sellermail/app/store"
)

// reviewStatuses are the review request statuses --status accepts with --reviews.
var reviewStatuses = []store.ReviewStatus{store.ReviewSending, store.ReviewSent, store.ReviewFailed, store.ReviewUnknown}

// reviewHistoryArgs are the history flags that apply to review requests.
type reviewHistoryArgs struct {
	status, order, market, format string
	limit                         int
}

// runReviewHistory lists the review requests, newest first: history --reviews.
func runReviewHistory(ctx context.Context, e *env, fs *flag.FlagSet, a reviewHistoryArgs) int {
	for _, name := range []string{"search", "kind"} {
		if flagSet(fs, name) {
			return e.fail(usagef("history --reviews: --%s applies to messages only", name))
		}
	}
	f := store.ReviewFilter{OrderID: a.order, Limit: a.limit}
	if a.format == "csv" && !flagSet(fs, "limit") {
		f.Limit = 0 // an export is complete unless asked otherwise
	}
	if a.status != "" {
		f.Status = store.ReviewStatus(a.status)
		if !slices.Contains(reviewStatuses, f.Status) {
			return e.fail(usagef("--status %q: review requests are sending, sent, failed or unknown", a.status))
		}
	}
	var err error
	if f.Marketplace, err = marketplaceID(a.market); err != nil {
		return e.fail(err)
	}
	if a.limit < 0 || a.limit > store.MaxLimit || (a.limit == 0 && a.format != "csv") {
		return e.fail(usagef("--limit must be between 1 and %d", store.MaxLimit))
	}
	switch a.format {
	case "table", "csv", "json":
	default:
		return e.fail(usagef("--format must be table, csv or json, not %q", a.format))
	}

	svc, code := e.open(ctx)
	if svc == nil {
		return code
	}
	defer svc.Close()
	if a.format == "csv" {
		if err := svc.ExportReviewsCSV(ctx, e.Stdout, f); err != nil {
			return e.explain(err)
		}
		return exitOK
	}
	rs, err := svc.ReviewHistory(ctx, f)
	if err != nil {
		return e.explain(err)
	}
	if a.format == "json" {
		writeReviewsJSON(e.Stdout, rs)
		return exitOK
	}
	if len(rs) == 0 {
		fmt.Fprintln(e.Stderr, tr(uiLang(e), "No review requests match.", "Keine Bewertungsanfragen gefunden."))
		return exitOK
	}
	writeReviewsTable(e.Stdout, rs)
	return exitOK
}

func writeReviewsTable(w io.Writer, rs []store.ReviewRequest) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tORDER\tMARKET\tSTATUS\tAMAZON REQUEST\tERROR")
	for _, r := range rs {
		req := r.RequestID
		if req == "" {
			req = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.CreatedAt.Local().Format("2006-01-02 15:04"), r.OrderID,
			marketName(r.MarketplaceID), r.Status, req, shorten(r.Error, 60))
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

func writeReviewsJSON(w io.Writer, rs []store.ReviewRequest) {
	out := make([]reviewRequestJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, reviewRequestJSON{ID: r.ID, OrderID: r.OrderID, Country: marketName(r.MarketplaceID), Status: string(r.Status),
			RequestID: r.RequestID, Error: r.Error, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt})
	}
	writeJSON(w, out)
}
