package store

import (
	"context"
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
	return exportCSV(ctx, s, w, "export history", q, args, f.Limit, f.Offset, csvHeader, scanMessage,
		func(m Message) []string {
			if reason != nil {
				m.Error = reason(m.Error)
			}
			return csvRecord(m)
		})
}

func csvRecord(m Message) []string {
	atts := make([]string, len(m.Attachments))
	for i, a := range m.Attachments {
		atts[i] = a.Name + " (sha256 " + a.SHA256 + ")"
	}
	return []string{strconv.FormatInt(m.ID, 10), csvTime(m.CreatedAt), csvTime(m.SentAt), m.OrderID, m.MarketplaceID,
		m.Kind, m.Lang, string(m.Status), m.RequestID, m.Text, strings.Join(atts, "; "), m.FindingsJSON, m.Error}
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
