package store

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvHeader names the columns ExportHistoryCSV writes.
var csvHeader = []string{"id", "created_at", "sent_at", "order_id", "marketplace_id", "kind", "language",
	"status", "amazon_request_id", "text", "attachments", "findings", "error"}

// ExportHistoryCSV writes the messages matching f as CSV (RFC 4180, UTF-8)
// with a header row, newest first; f.Limit 0 exports every match. Cells that
// a spreadsheet would run as a formula get a leading apostrophe. reason
// writes a stored reason (the error column) in words; nil keeps it as stored.
func (s *Store) ExportHistoryCSV(ctx context.Context, w io.Writer, f HistoryFilter, reason func(string) string) error {
	q, args := f.query()
	if f.Limit > 0 || f.Offset > 0 {
		q += " LIMIT ? OFFSET ?"
		limit := f.Limit
		if limit <= 0 {
			limit = -1 // SQLite: no limit
		}
		args = append(args, limit, max(f.Offset, 0))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return s.wrap("export history", err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return s.wrap("export history", err)
		}
		if reason != nil {
			m.Error = reason(m.Error)
		}
		if err := cw.Write(csvRecord(m)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.wrap("export history", err)
	}
	cw.Flush()
	return cw.Error()
}

func csvRecord(m Message) []string {
	atts := make([]string, len(m.Attachments))
	for i, a := range m.Attachments {
		atts[i] = a.Name + " (sha256 " + a.SHA256 + ")"
	}
	rec := []string{strconv.FormatInt(m.ID, 10), csvTime(m.CreatedAt), csvTime(m.SentAt), m.OrderID, m.MarketplaceID,
		m.Kind, m.Lang, string(m.Status), m.RequestID, m.Text, strings.Join(atts, "; "), m.FindingsJSON, m.Error}
	for i := range rec {
		rec[i] = neutralizeFormula(rec[i])
	}
	return rec
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// neutralizeFormula prefixes cells that spreadsheet programs would evaluate
// (CSV formula injection, OWASP) with an apostrophe, which they show as text.
func neutralizeFormula(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
