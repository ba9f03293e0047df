package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Template is a message template the seller wrote.
type Template struct {
	ID          int64
	Kind        string // message kind it is for
	Lang        string // e.g. "de"
	Title       string
	Description string
	Body        string
	UpdatedAt   time.Time
}

// SaveTemplate inserts t when t.ID is 0 and returns the new ID; otherwise it
// replaces the template with that ID (an error wrapping ErrNotFound if there
// is none) and returns t.ID.
func (s *Store) SaveTemplate(ctx context.Context, t Template) (int64, error) {
	where := fmt.Sprintf("store: template %q", t.Title)
	if err := required(where, field{"kind", t.Kind}, field{"title", t.Title}); err != nil {
		return 0, err
	}
	if err := checkText(where, field{"kind", t.Kind}, field{"language", t.Lang}, field{"title", t.Title},
		field{"description", t.Description}, field{"body", t.Body}); err != nil {
		return 0, err
	}
	now := time.Now().UnixMilli()
	if t.ID == 0 {
		var id int64
		err := s.w.QueryRowContext(ctx, `INSERT INTO templates (kind, lang, title, description, body, updated_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, t.Kind, t.Lang, t.Title, t.Description, t.Body, now).Scan(&id)
		return id, s.wrap("save template", err)
	}
	res, err := s.w.ExecContext(ctx, `UPDATE templates SET kind = ?, lang = ?, title = ?, description = ?, body = ?, updated_at = ?
WHERE id = ?`, t.Kind, t.Lang, t.Title, t.Description, t.Body, now, t.ID)
	if err != nil {
		return 0, s.wrap("save template", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("store: template %d: %w", t.ID, ErrNotFound)
	}
	return t.ID, nil
}

// GetTemplate returns one template, or an error wrapping ErrNotFound.
func (s *Store) GetTemplate(ctx context.Context, id int64) (Template, error) {
	t, err := scanTemplate(s.r.QueryRowContext(ctx,
		`SELECT id, kind, lang, title, description, body, updated_at FROM templates WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return Template{}, fmt.Errorf("store: template %d: %w", id, ErrNotFound)
	}
	return t, s.wrap("get template", err)
}

// ListTemplates returns templates for a kind and language ("" matches any),
// sorted by title.
func (s *Store) ListTemplates(ctx context.Context, kind, lang string) ([]Template, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, kind, lang, title, description, body, updated_at FROM templates
WHERE (?1 = '' OR kind = ?1) AND (?2 = '' OR lang = ?2) ORDER BY title, id`, kind, lang)
	if err != nil {
		return nil, s.wrap("list templates", err)
	}
	defer rows.Close()
	var out []Template
	for rows.Next() {
		t, err := scanTemplate(rows)
		if err != nil {
			return nil, s.wrap("list templates", err)
		}
		out = append(out, t)
	}
	return out, s.wrap("list templates", rows.Err())
}

// DeleteTemplate removes a template; deleting a missing one is not an error.
func (s *Store) DeleteTemplate(ctx context.Context, id int64) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM templates WHERE id = ?`, id)
	return s.wrap("delete template", err)
}

func scanTemplate(sc rowScanner) (Template, error) {
	var t Template
	var at sql.NullInt64
	err := sc.Scan(&t.ID, &t.Kind, &t.Lang, &t.Title, &t.Description, &t.Body, &at)
	t.UpdatedAt = fromMS(at)
	return t, err
}
