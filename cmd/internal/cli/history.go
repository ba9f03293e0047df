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
	"sellermail/policy"
)

// historyStatuses are the message statuses --status accepts.
var historyStatuses = []store.MessageStatus{store.StatusQueued, store.StatusSending, store.StatusSent, store.StatusFailed, store.StatusUnknown}

// historyOpts select and format the messages, or with reviews the review
// requests, to list.
type historyOpts struct {
	reviews  bool
	messages store.HistoryFilter
	requests store.ReviewFilter
	format   string // table, csv or json
}

func parseHistory(args []string) (historyOpts, error) {
	fs := newFlags("history", "[--reviews] [--search WORDS] [--kind K] [--status S] [--order ID] [--marketplace M] [--limit N] [--format table|csv|json]")
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
		return historyOpts{}, err
	}
	o := historyOpts{reviews: *reviews, format: *format}
	if len(rest) > 0 {
		return o, usagef("history: unexpected argument %q", rest[0])
	}
	marketID, err := marketplaceID(*market)
	if err != nil {
		return o, err
	}
	if *limit < 0 || *limit > store.MaxLimit || (*limit == 0 && *format != "csv") {
		return o, usagef("--limit must be between 1 and %d", store.MaxLimit)
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return o, usagef("--format must be table, csv or json, not %q", *format)
	}
	if *format == "csv" && !flagSet(fs, "limit") {
		*limit = 0 // an export is complete unless asked otherwise
	}
	if *reviews {
		o.requests, err = reviewFilter(fs, *status, *order, marketID, *limit)
		return o, err
	}
	o.messages = store.HistoryFilter{Search: *search, OrderID: *order, Marketplace: marketID, Limit: *limit}
	if *kind != "" {
		k, err := policy.ParseKind(*kind)
		if err != nil {
			return o, usagef("%v", err)
		}
		o.messages.Kind = string(k)
	}
	if *status != "" {
		o.messages.Status = store.MessageStatus(*status)
		if !slices.Contains(historyStatuses, o.messages.Status) {
			return o, usagef("--status %q: want queued, sending, sent, failed or unknown", *status)
		}
	}
	return o, nil
}

// runHistory lists the messages sent or tried, or the review requests,
// newest first.
func runHistory(ctx context.Context, e *env, o historyOpts) error {
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	if o.reviews {
		return e.reviewHistory(ctx, svc, o)
	}
	if o.format == "csv" {
		return svc.ExportHistoryCSV(ctx, e.Stdout, o.messages, e.lang)
	}
	msgs, err := svc.History(ctx, o.messages)
	if err != nil {
		return err
	}
	if o.format == "json" {
		writeHistoryJSON(e.Stdout, msgs, e.lang)
		return nil
	}
	if len(msgs) == 0 {
		fmt.Fprintln(e.Stderr, i18n.T(e.lang, "cli.history.no_messages_match"))
		return nil
	}
	writeHistoryTable(e.Stdout, msgs)
	return nil
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

func writeHistoryJSON(w io.Writer, msgs []store.Message, lang i18n.Lang) {
	out := make([]messageJSON, 0, len(msgs))
	for _, m := range msgs {
		j := messageJSON{ID: m.ID, OrderID: m.OrderID, Country: marketName(m.MarketplaceID), Kind: m.Kind, Lang: m.Lang,
			Status: string(m.Status), Text: m.Text, Attachments: []string{}, RequestID: m.RequestID, Error: app.StoredReason(m.Error, lang),
			CreatedAt: m.CreatedAt, SentAt: timePtr(m.SentAt)}
		for _, a := range m.Attachments {
			j.Attachments = append(j.Attachments, a.Name)
		}
		out = append(out, j)
	}
	writeJSON(w, out)
}
