package store

import (
	"context"
	"strings"
	"time"
)

// HistoryFilter selects messages for ListHistory and ExportHistoryCSV. Zero
// fields do not filter. Results are sorted newest first.
type HistoryFilter struct {
	From, To    time.Time // creation time: From inclusive, To exclusive
	Kind        string
	Status      MessageStatus
	Marketplace string
	OrderID     string
	Search      string // words in the message text or order ID
	Limit       int    // 0 means DefaultLimit, capped at MaxLimit; ExportHistoryCSV: 0 means all
	Offset      int
}

func (f HistoryFilter) query() (string, []any) {
	var conds []string
	var args []any
	from := " FROM messages m"
	order := " ORDER BY m.id DESC"
	if q := matchQuery(f.Search); q != "" {
		// Driving the query from the FTS index in rowid order lets SQLite
		// stop after one page instead of sorting every match.
		from = " FROM messages_fts f JOIN messages m ON m.id = f.rowid"
		conds = append(conds, "messages_fts MATCH ?")
		args = append(args, q)
		order = " ORDER BY f.rowid DESC"
	}
	add := func(cond string, v any) {
		conds = append(conds, cond)
		args = append(args, v)
	}
	if !f.From.IsZero() {
		add("m.created_at >= ?", f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		add("m.created_at < ?", f.To.UnixMilli())
	}
	if f.Kind != "" {
		add("m.kind = ?", f.Kind)
	}
	if f.Status != "" {
		add("m.status = ?", string(f.Status))
	}
	if f.Marketplace != "" {
		add("m.marketplace_id = ?", f.Marketplace)
	}
	if f.OrderID != "" {
		add("m.order_id = ?", f.OrderID)
	}
	q := `SELECT ` + messageColumns + from
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return q + order, args
}

// ListHistory returns one page of messages matching f.
func (s *Store) ListHistory(ctx context.Context, f HistoryFilter) ([]Message, error) {
	q, args := f.query()
	args = append(args, limitOf(f.Limit), max(f.Offset, 0))
	return s.queryMessages(ctx, "list history", q+" LIMIT ? OFFSET ?", args...)
}
