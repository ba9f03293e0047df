package store

import (
	"context"
	"encoding/csv"
	"io"
	"strings"
	"time"
)

// Messages and review requests are listed, paged and exported the same
// way; the pieces here serve both.

// where collects a query's conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

// add appends cond, whose one placeholder takes v.
func (w *where) add(cond string, v any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, v)
}

// history adds the conditions both histories filter by; col prefixes the
// column names (the table's alias and a dot, or "").
func (w *where) history(col string, from, to time.Time, status, marketplace, orderID string) {
	if !from.IsZero() {
		w.add(col+"created_at >= ?", from.UnixMilli())
	}
	if !to.IsZero() {
		w.add(col+"created_at < ?", to.UnixMilli())
	}
	if status != "" {
		w.add(col+"status = ?", status)
	}
	if marketplace != "" {
		w.add(col+"marketplace_id = ?", marketplace)
	}
	if orderID != "" {
		w.add(col+"order_id = ?", orderID)
	}
}

// clause is the WHERE clause, "" without conditions.
func (w *where) clause() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// queryRows runs q and scans every row with scan; op names the query in errors.
func queryRows[T any](ctx context.Context, s *Store, op string, scan func(rowScanner) (T, error), q string, args ...any) ([]T, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.wrap(op, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, s.wrap(op, err)
		}
		out = append(out, v)
	}
	return out, s.wrap(op, rows.Err())
}

// page limits q to the page of limit and offset: limit 0 means DefaultLimit.
func page(q string, args []any, limit, offset int) (string, []any) {
	return q + " LIMIT ? OFFSET ?", append(args, limitOf(limit), max(offset, 0))
}

// exportCSV writes the rows of q as CSV (RFC 4180, UTF-8) after header:
// every match when limit and offset are 0, else that page. record turns a
// row into its cells; cells a spreadsheet would run as a formula get a
// leading apostrophe.
func exportCSV[T any](ctx context.Context, s *Store, w io.Writer, op string, q string, args []any, limit, offset int,
	header []string, scan func(rowScanner) (T, error), record func(T) []string) error {
	if limit > 0 || offset > 0 {
		if limit <= 0 {
			limit = -1 // SQLite: no limit
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, max(offset, 0))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return s.wrap(op, err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return s.wrap(op, err)
		}
		rec := record(v)
		for i := range rec {
			rec[i] = neutralizeFormula(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.wrap(op, err)
	}
	cw.Flush()
	return cw.Error()
}
