package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Draft is an unsent message, autosaved while the seller types. There is at
// most one draft per order and message kind.
type Draft struct {
	OrderID     string
	Kind        string // message kind, e.g. "confirmDeliveryDetails"
	Text        string
	Attachments []string // paths of files the seller picked
	UpdatedAt   time.Time
}

// SaveDraft creates or replaces the draft for d.OrderID and d.Kind. When it
// returns nil the draft is committed and survives a crash of the process.
// UpdatedAt is set to now when zero.
func (s *Store) SaveDraft(ctx context.Context, d Draft) error {
	where := fmt.Sprintf("store: draft for order %q", d.OrderID)
	if err := required(where, field{"order ID", d.OrderID}, field{"kind", d.Kind}); err != nil {
		return err
	}
	fs := []field{{"order ID", d.OrderID}, {"kind", d.Kind}, {"text", d.Text}}
	for _, a := range d.Attachments {
		fs = append(fs, field{"attachment", a})
	}
	if err := checkText(where, fs...); err != nil {
		return err
	}
	att, err := json.Marshal(nonNil(d.Attachments))
	if err != nil {
		return err
	}
	at := d.UpdatedAt
	if at.IsZero() {
		at = time.Now()
	}
	_, err = s.w.ExecContext(ctx, `
INSERT INTO drafts (order_id, kind, text, attachments, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (order_id, kind) DO UPDATE SET text = excluded.text, attachments = excluded.attachments,
    updated_at = excluded.updated_at`,
		d.OrderID, d.Kind, d.Text, string(att), at.UnixMilli())
	return s.wrap("save draft", err)
}

// GetDraft returns the draft for an order and kind, or an error wrapping
// ErrNotFound.
func (s *Store) GetDraft(ctx context.Context, orderID, kind string) (Draft, error) {
	d, err := scanDraft(s.r.QueryRowContext(ctx,
		`SELECT order_id, kind, text, attachments, updated_at FROM drafts WHERE order_id = ? AND kind = ?`, orderID, kind))
	if err == sql.ErrNoRows {
		return Draft{}, fmt.Errorf("store: draft for order %s (%s): %w", orderID, kind, ErrNotFound)
	}
	return d, s.wrap("get draft", err)
}

// DraftsForOrder returns every draft of an order, newest first.
func (s *Store) DraftsForOrder(ctx context.Context, orderID string) ([]Draft, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT order_id, kind, text, attachments, updated_at FROM drafts
WHERE order_id = ? ORDER BY updated_at DESC`, orderID)
	if err != nil {
		return nil, s.wrap("list drafts", err)
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return nil, s.wrap("list drafts", err)
		}
		out = append(out, d)
	}
	return out, s.wrap("list drafts", rows.Err())
}

// DeleteDraft removes a draft; deleting a missing draft is not an error.
func (s *Store) DeleteDraft(ctx context.Context, orderID, kind string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM drafts WHERE order_id = ? AND kind = ?`, orderID, kind)
	return s.wrap("delete draft", err)
}

func scanDraft(sc rowScanner) (Draft, error) {
	var d Draft
	var att string
	var at sql.NullInt64
	if err := sc.Scan(&d.OrderID, &d.Kind, &d.Text, &att, &at); err != nil {
		return Draft{}, err
	}
	d.UpdatedAt = fromMS(at)
	if err := json.Unmarshal([]byte(att), &d.Attachments); err != nil {
		return Draft{}, fmt.Errorf("draft for order %s: attachments: %w", d.OrderID, err)
	}
	return d, nil
}
