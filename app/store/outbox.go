package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// MessageStatus is where a message is on its way to Amazon.
type MessageStatus string

// Message statuses. A message moves queued -> sending -> sent | failed |
// unknown. unknown means the request may or may not have reached Amazon
// (timeout, crash while sending): the seller must decide before retrying.
const (
	StatusQueued  MessageStatus = "queued"
	StatusSending MessageStatus = "sending"
	StatusSent    MessageStatus = "sent"
	StatusFailed  MessageStatus = "failed"
	StatusUnknown MessageStatus = "unknown"
)

// Attachment is a file sent with a message, identified by name and content
// hash so the history shows exactly what was sent.
type Attachment struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"` // hex
}

// Message is one message in the outbox or history.
type Message struct {
	ID            int64
	OrderID       string
	MarketplaceID string
	Kind          string // messaging action name, e.g. "confirmDeliveryDetails"
	Lang          string // language the text is written in, e.g. "de"
	Text          string
	Attachments   []Attachment
	FindingsJSON  string // compliance findings at send time, JSON; "" if none
	Status        MessageStatus
	RequestID     string // Amazon's x-amzn-RequestId of the send call
	Error         string // why sending failed, for the seller
	CreatedAt     time.Time
	UpdatedAt     time.Time
	SentAt        time.Time
}

const messageColumns = `m.id, m.order_id, m.marketplace_id, m.kind, m.lang, m.text, m.attachments, m.findings,
    m.status, m.request_id, m.error, m.created_at, m.updated_at, m.sent_at`

func scanMessage(sc rowScanner) (Message, error) {
	var m Message
	var att, status string
	var c, u, sent sql.NullInt64
	if err := sc.Scan(&m.ID, &m.OrderID, &m.MarketplaceID, &m.Kind, &m.Lang, &m.Text, &att, &m.FindingsJSON,
		&status, &m.RequestID, &m.Error, &c, &u, &sent); err != nil {
		return Message{}, err
	}
	m.Status = MessageStatus(status)
	m.CreatedAt, m.UpdatedAt, m.SentAt = fromMS(c), fromMS(u), fromMS(sent)
	if err := json.Unmarshal([]byte(att), &m.Attachments); err != nil {
		return Message{}, fmt.Errorf("message %d: attachments: %w", m.ID, err)
	}
	return m, nil
}

func (m *Message) check() error {
	where := fmt.Sprintf("store: message for order %q", m.OrderID)
	if err := required(where, field{"order ID", m.OrderID}, field{"marketplace ID", m.MarketplaceID}, field{"kind", m.Kind}); err != nil {
		return err
	}
	fs := []field{{"order ID", m.OrderID}, {"marketplace ID", m.MarketplaceID}, {"kind", m.Kind},
		{"language", m.Lang}, {"text", m.Text}, {"findings", m.FindingsJSON}}
	for _, a := range m.Attachments {
		fs = append(fs, field{"attachment name", a.Name}, field{"attachment hash", a.SHA256})
	}
	if err := checkText(where, fs...); err != nil {
		return err
	}
	if m.FindingsJSON != "" && !json.Valid([]byte(m.FindingsJSON)) {
		return fmt.Errorf("%s: findings are not valid JSON: %w", where, ErrInvalid)
	}
	return nil
}

// EnqueueMessage stores m with status queued and returns its ID. Status,
// RequestID, Error and the timestamps of m are ignored. Once it returns, the
// message survives a crash and ListPending will report it.
func (s *Store) EnqueueMessage(ctx context.Context, m Message) (int64, error) {
	return s.enqueue(ctx, s.w, m)
}

// enqueue inserts m as queued through q (the writer, or a transaction).
func (s *Store) enqueue(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, m Message) (int64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	att, err := json.Marshal(nonNil(m.Attachments))
	if err != nil {
		return 0, err
	}
	now := time.Now().UnixMilli()
	var id int64
	err = q.QueryRowContext(ctx, `
INSERT INTO messages (order_id, marketplace_id, kind, lang, text, attachments, findings, status, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING id`,
		m.OrderID, m.MarketplaceID, m.Kind, m.Lang, m.Text, string(att), m.FindingsJSON, now, now).Scan(&id)
	if err != nil {
		return 0, s.wrap("queue message", err)
	}
	return id, nil
}

// Allowed status changes; the key is the new status. Nothing leads back to
// queued: a message whose outcome is unknown may have reached the buyer, so
// only the seller's verdict (sent or failed) ends it, and sending again is a
// new message.
var messageTransitions = map[MessageStatus][]MessageStatus{
	StatusSending: {StatusQueued},
	StatusSent:    {StatusSending, StatusUnknown},
	StatusFailed:  {StatusQueued, StatusSending, StatusUnknown},
	StatusUnknown: {StatusSending},
}

// MarkSending records that the send request is about to go out. Only a
// queued message can be marked sending.
func (s *Store) MarkSending(ctx context.Context, id int64) error {
	return s.transition(ctx, id, StatusSending, "", "")
}

// MarkSent records Amazon's acceptance with its request ID.
func (s *Store) MarkSent(ctx context.Context, id int64, requestID string) error {
	return s.transition(ctx, id, StatusSent, requestID, "")
}

// MarkFailed records that Amazon refused the message or it was never sent.
func (s *Store) MarkFailed(ctx context.Context, id int64, errText string) error {
	return s.transition(ctx, id, StatusFailed, "", errText)
}

// MarkUnknown records that the outcome of sending is not known, for example
// after a timeout or when a crash interrupted a send in progress.
func (s *Store) MarkUnknown(ctx context.Context, id int64, errText string) error {
	return s.transition(ctx, id, StatusUnknown, "", errText)
}

func (s *Store) transition(ctx context.Context, id int64, to MessageStatus, requestID, errText string) error {
	if err := checkText(fmt.Sprintf("store: message %d", id), field{"request ID", requestID}, field{"error", errText}); err != nil {
		return err
	}
	from := messageTransitions[to]
	args := []any{string(to), requestID, errText, time.Now().UnixMilli(), to == StatusSent, time.Now().UnixMilli(), id}
	for _, f := range from {
		args = append(args, string(f))
	}
	res, err := s.w.ExecContext(ctx, `UPDATE messages SET status = ?,
    request_id = CASE WHEN ?2 <> '' THEN ?2 ELSE request_id END,
    error = ?3, updated_at = ?4,
    sent_at = CASE WHEN ?5 THEN ?6 ELSE sent_at END
WHERE id = ?7 AND status IN (?`+strings.Repeat(",?", len(from)-1)+`)`, args...)
	if err != nil {
		return s.wrap("mark message "+string(to), err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return s.wrap("mark message "+string(to), err)
	}
	var cur string
	err = s.w.QueryRowContext(ctx, `SELECT status FROM messages WHERE id = ?`, id).Scan(&cur)
	if err == sql.ErrNoRows {
		return fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return s.wrap("mark message "+string(to), err)
	}
	return fmt.Errorf("store: message %d is %s and cannot become %s: %w", id, cur, to, ErrInvalidTransition)
}

// GetMessage returns one message, or an error wrapping ErrNotFound.
func (s *Store) GetMessage(ctx context.Context, id int64) (Message, error) {
	m, err := scanMessage(s.r.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages m WHERE m.id = ?`, id))
	if err == sql.ErrNoRows {
		return Message{}, fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	return m, s.wrap("get message", err)
}

// ListPending returns messages that are queued or were being sent, oldest
// first. After a crash, a message still "sending" may or may not have reached
// Amazon; mark it unknown rather than sending it again.
func (s *Store) ListPending(ctx context.Context) ([]Message, error) {
	return s.queryMessages(ctx, "list pending messages",
		`SELECT `+messageColumns+` FROM messages m WHERE m.status IN ('queued', 'sending') ORDER BY m.id`)
}

// MessagesForOrder returns every message of an order, oldest first.
func (s *Store) MessagesForOrder(ctx context.Context, orderID string) ([]Message, error) {
	return s.queryMessages(ctx, "list messages of order",
		`SELECT `+messageColumns+` FROM messages m WHERE m.order_id = ? ORDER BY m.id`, orderID)
}

func (s *Store) queryMessages(ctx context.Context, op, q string, args ...any) ([]Message, error) {
	return queryRows(ctx, s, op, scanMessage, q, args...)
}
