package store

import (
	"context"
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
	var w where
	from := " FROM messages m"
	order := " ORDER BY m.id DESC"
	if q := matchQuery(f.Search); q != "" {
		// Driving the query from the FTS index in rowid order lets SQLite
		// stop after one page instead of sorting every match.
		from = " FROM messages_fts f JOIN messages m ON m.id = f.rowid"
		w.add("messages_fts MATCH ?", q)
		order = " ORDER BY f.rowid DESC"
	}
	if f.Kind != "" {
		w.add("m.kind = ?", f.Kind)
	}
	w.history("m.", f.From, f.To, string(f.Status), f.Marketplace, f.OrderID)
	return `SELECT ` + messageColumns + from + w.clause() + order, w.args
}

// ListHistory returns one page of messages matching f.
func (s *Store) ListHistory(ctx context.Context, f HistoryFilter) ([]Message, error) {
	q, args := f.query()
	q, args = page(q, args, f.Limit, f.Offset)
	return queryRows(ctx, s, "list history", scanMessage, q, args...)
}
