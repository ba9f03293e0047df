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
	"sellermail/policy"
)

// historyStatuses are the message statuses --status accepts.
var historyStatuses = []store.MessageStatus{store.StatusQueued, store.StatusSending, store.StatusSent, store.StatusFailed, store.StatusUnknown}

// runHistory lists the messages sent or tried, or with --reviews the
// review requests, newest first.
func runHistory(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "history", "[--reviews] [--search WORDS] [--kind K] [--status S] [--order ID] [--marketplace M] [--limit N] [--format table|csv|json]")
	reviews := fs.Bool("reviews", false, "list the review requests instead of the messages (--search and --kind do not apply)")
	search := fs.String("search", "", "words in the message text or order ID")
	kind := fs.String("kind", "", "message kind: "+kindList())
	status := fs.String("status", "", "status: queued, sending, sent, failed or unknown (review requests: sending, sent, failed or unknown)")
	order := fs.String("order", "", "messages of this order only")
	market := fs.String("marketplace", "", "marketplace ID or country code, such as DE")
	limit := fs.Int("limit", store.DefaultLimit, fmt.Sprintf("at most this many messages (up to %d; csv: 0 means all)", store.MaxLimit))
	format := fs.String("format", "table", "output format: table, csv or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(rest) > 0 {
		return e.fail(usagef("history: unexpected argument %q", rest[0]))
	}
	if *reviews {
		return runReviewHistory(ctx, e, fs, reviewHistoryArgs{status: *status, order: *order, market: *market, limit: *limit, format: *format})
	}
	f := store.HistoryFilter{Search: *search, OrderID: *order, Limit: *limit}
	if *format == "csv" && !flagSet(fs, "limit") {
		f.Limit = 0 // an export is complete unless asked otherwise
	}
	if *kind != "" {
		k, err := policy.ParseKind(*kind)
		if err != nil {
			return e.fail(usagef("%v", err))
		}
		f.Kind = string(k)
	}
	if *status != "" {
		f.Status = store.MessageStatus(*status)
		if !slices.Contains(historyStatuses, f.Status) {
			return e.fail(usagef("--status %q: want queued, sending, sent, failed or unknown", *status))
		}
	}
	if f.Marketplace, err = marketplaceID(*market); err != nil {
		return e.fail(err)
	}
	if *limit < 0 || *limit > store.MaxLimit || (*limit == 0 && *format != "csv") {
		return e.fail(usagef("--limit must be between 1 and %d", store.MaxLimit))
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return e.fail(usagef("--format must be table, csv or json, not %q", *format))
	}

	svc, code := e.open(ctx)
	if svc == nil {
		return code
	}
	defer svc.Close()
	if *format == "csv" {
		if err := svc.ExportHistoryCSV(ctx, e.Stdout, f); err != nil {
			return e.explain(err)
		}
		return exitOK
	}
	msgs, err := svc.History(ctx, f)
	if err != nil {
		return e.explain(err)
	}
	if *format == "json" {
		writeHistoryJSON(e.Stdout, msgs)
		return exitOK
	}
	if len(msgs) == 0 {
		fmt.Fprintln(e.Stderr, tr(uiLang(e), "No messages match.", "Keine Nachrichten gefunden."))
		return exitOK
	}
	writeHistoryTable(e.Stdout, msgs)
	return exitOK
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func writeHistoryTable(w io.Writer, msgs []store.Message) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tORDER\tKIND\tSTATUS\tTEXT")
	for _, m := range msgs {
		at := m.SentAt
		if at.IsZero() {
			at = m.CreatedAt
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", m.ID, at.Local().Format("2006-01-02 15:04"), m.OrderID, m.Kind, m.Status, shorten(m.Text, 50))
	}
	_ = tw.Flush()
}

type messageJSON struct {
	ID          int64      `json:"id"`
	OrderID     string     `json:"order_id"`
	Country     string     `json:"country"`
	Kind        string     `json:"kind"`
	Lang        string     `json:"lang,omitempty"`
	Status      string     `json:"status"`
	Text        string     `json:"text"`
	Attachments []string   `json:"attachments"`
	RequestID   string     `json:"request_id,omitempty"`
	Error       string     `json:"error,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	SentAt      *time.Time `json:"sent_at,omitempty"`
}

func writeHistoryJSON(w io.Writer, msgs []store.Message) {
	out := make([]messageJSON, 0, len(msgs))
	for _, m := range msgs {
		j := messageJSON{ID: m.ID, OrderID: m.OrderID, Country: marketName(m.MarketplaceID), Kind: m.Kind, Lang: m.Lang,
			Status: string(m.Status), Text: m.Text, Attachments: []string{}, RequestID: m.RequestID, Error: m.Error,
			CreatedAt: m.CreatedAt, SentAt: timePtr(m.SentAt)}
		for _, a := range m.Attachments {
			j.Attachments = append(j.Attachments, a.Name)
		}
		out = append(out, j)
	}
	writeJSON(w, out)
}
