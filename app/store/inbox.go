package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// InboxMessage is one mail from Amazon's relay, as the inbox keeps it.
type InboxMessage struct {
	ID int64
	// Folder, UIDValidity and UID say where it lies in the mailbox.
	Folder           string
	UIDValidity, UID uint32
	// DedupKey is the same for every delivery of one message.
	DedupKey         string
	MessageID        string
	References       []string
	Kind             string // buyer, copy, bounce, notice, unplaced
	NotificationType string
	ReceivedAt       time.Time
	Subject          string
	BuyerName        string
	ReplyTo          string // the alias a reply goes to
	Buyer            string // the base alias, the buyer
	MarketplaceID    string
	OrderID          string
	OtherOrders      []string
	Text             string
	Lang             string
	Attachments      []InboxAttachment
	Problems         []string
	BounceFor        string
	AnsweredAt       time.Time
}

// InboxAttachment is a file a buyer sent.
type InboxAttachment struct {
	Name        string `json:"name"`
	ContentType string `json:"contentType"`
	Size        int    `json:"size"`
}

// FolderState is how far a mailbox folder has been read.
type FolderState struct {
	Folder      string
	UIDValidity uint32
	LastUID     uint32
	CheckedAt   time.Time
}

const inboxColumns = `i.id, i.folder, i.uidvalidity, i.uid, i.dedup_key, i.message_id, i.refs, i.kind, i.notification_type,
    i.received_at, i.subject, i.buyer_name, i.reply_to, i.buyer, i.marketplace_id, i.order_id, i.other_orders, i.text,
    i.lang, i.attachments, i.problems, i.bounce_for, i.answered_at`

func scanInbox(sc rowScanner) (InboxMessage, error) {
	var m InboxMessage
	var refs, others, atts, probs string
	var recv, answered sql.NullInt64
	if err := sc.Scan(&m.ID, &m.Folder, &m.UIDValidity, &m.UID, &m.DedupKey, &m.MessageID, &refs, &m.Kind, &m.NotificationType,
		&recv, &m.Subject, &m.BuyerName, &m.ReplyTo, &m.Buyer, &m.MarketplaceID, &m.OrderID, &others, &m.Text,
		&m.Lang, &atts, &probs, &m.BounceFor, &answered); err != nil {
		return InboxMessage{}, err
	}
	m.ReceivedAt, m.AnsweredAt = fromMS(recv), fromMS(answered)
	for _, f := range []struct {
		raw string
		v   any
	}{{refs, &m.References}, {others, &m.OtherOrders}, {atts, &m.Attachments}, {probs, &m.Problems}} {
		if err := json.Unmarshal([]byte(f.raw), f.v); err != nil {
			return InboxMessage{}, fmt.Errorf("inbox message %d: %w", m.ID, err)
		}
	}
	return m, nil
}

func (m *InboxMessage) check() error {
	where := fmt.Sprintf("store: inbox message %q", m.MessageID)
	if err := required(where, field{"folder", m.Folder}, field{"dedup key", m.DedupKey}, field{"kind", m.Kind}); err != nil {
		return err
	}
	fs := []field{{"folder", m.Folder}, {"message ID", m.MessageID}, {"subject", m.Subject}, {"buyer name", m.BuyerName},
		{"reply to", m.ReplyTo}, {"buyer", m.Buyer}, {"order ID", m.OrderID}, {"text", m.Text}, {"bounce for", m.BounceFor},
		{"dedup key", m.DedupKey}, {"notification type", m.NotificationType}, {"marketplace ID", m.MarketplaceID}, {"language", m.Lang}}
	for _, p := range append(append(append([]string{}, m.References...), m.OtherOrders...), m.Problems...) {
		fs = append(fs, field{"list entry", p})
	}
	for _, a := range m.Attachments {
		fs = append(fs, field{"attachment name", a.Name}, field{"attachment type", a.ContentType})
	}
	return checkText(where, fs...)
}

// SaveFetched stores what one batch of a folder brought and how far the
// folder is read, in one transaction: after a crash or a dropped connection
// the next fetch starts after the last batch saved and loses nothing. A
// message already stored (another delivery of it) is not stored again.
// It returns the IDs of the messages that are new.
func (s *Store) SaveFetched(ctx context.Context, st FolderState, msgs []InboxMessage) ([]int64, error) {
	if err := checkText("store: folder", field{"folder", st.Folder}); err != nil {
		return nil, err
	}
	for i := range msgs {
		if err := msgs[i].check(); err != nil {
			return nil, err
		}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap("save fetched mail", err)
	}
	defer tx.Rollback()
	var added []int64
	for _, m := range msgs {
		js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO inbox (folder, uidvalidity, uid, dedup_key, message_id, refs, kind,
    notification_type, received_at, subject, buyer_name, reply_to, buyer, marketplace_id, order_id, other_orders, text, lang,
    attachments, problems, bounce_for)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
			m.Folder, m.UIDValidity, m.UID, m.DedupKey, m.MessageID, js(nonNil(m.References)), m.Kind, m.NotificationType,
			msNotNull(m.ReceivedAt), m.Subject, m.BuyerName, m.ReplyTo, m.Buyer, m.MarketplaceID, m.OrderID,
			js(nonNil(m.OtherOrders)), m.Text, m.Lang, js(nonNil(m.Attachments)), js(nonNil(m.Problems)), m.BounceFor).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, s.wrap("save fetched mail", err)
		}
		added = append(added, id)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO mail_folders (folder, uidvalidity, last_uid, checked_at) VALUES (?, ?, ?, ?)
ON CONFLICT (folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, checked_at = excluded.checked_at`,
		st.Folder, st.UIDValidity, st.LastUID, msNotNull(st.CheckedAt)); err != nil {
		return nil, s.wrap("save folder state", err)
	}
	return added, s.wrap("save fetched mail", tx.Commit())
}

// GetFolderState returns how far folder was read; a folder never read
// comes back with zeros and no error.
func (s *Store) GetFolderState(ctx context.Context, folder string) (FolderState, error) {
	st := FolderState{Folder: folder}
	var at sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT uidvalidity, last_uid, checked_at FROM mail_folders WHERE folder = ?`, folder).
		Scan(&st.UIDValidity, &st.LastUID, &at)
	if err == sql.ErrNoRows {
		return st, nil
	}
	st.CheckedAt = fromMS(at)
	return st, s.wrap("get folder state", err)
}

// InboxFilter selects inbox messages. The zero value lists buyer messages,
// newest first, up to DefaultLimit.
type InboxFilter struct {
	// Kinds limits the kinds; nil means buyer and unplaced messages.
	Kinds []string
	// Unanswered keeps buyer messages no reply was sent to.
	Unanswered bool
	OrderID    string
	// Query is what the seller typed (text, subject, order, buyer name).
	Query         string
	Limit, Offset int
}

// ListInbox returns the messages f selects; unanswered ones first, then newest first.
func (s *Store) ListInbox(ctx context.Context, f InboxFilter) ([]InboxMessage, error) {
	var w where
	kinds := f.Kinds
	if kinds == nil {
		kinds = []string{"buyer", "unplaced"}
	}
	kj, _ := json.Marshal(kinds)
	w.add("i.kind IN (SELECT value FROM json_each(?))", string(kj))
	if f.Unanswered {
		w.add("i.kind = 'buyer' AND i.answered_at IS NULL AND 1 = ?", 1)
	}
	if f.OrderID != "" {
		w.add("i.order_id = ?", f.OrderID)
	}
	if q := matchQuery(f.Query); q != "" {
		w.add("i.id IN (SELECT rowid FROM inbox_fts WHERE inbox_fts MATCH ?)", q)
	}
	q, args := page(`SELECT `+inboxColumns+` FROM inbox i`+w.clause()+
		` ORDER BY (i.kind = 'buyer' AND i.answered_at IS NULL) DESC, i.received_at DESC, i.id DESC`, w.args, f.Limit, f.Offset)
	return queryRows(ctx, s, "list inbox", scanInbox, q, args...)
}

// CountUnanswered counts the buyer messages no reply was sent to.
func (s *Store) CountUnanswered(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM inbox WHERE kind = 'buyer' AND answered_at IS NULL`).Scan(&n)
	return n, s.wrap("count unanswered", err)
}

// GetInbox returns one inbox message, or an error wrapping ErrNotFound.
func (s *Store) GetInbox(ctx context.Context, id int64) (InboxMessage, error) {
	m, err := scanInbox(s.r.QueryRowContext(ctx, `SELECT `+inboxColumns+` FROM inbox i WHERE i.id = ?`, id))
	if err == sql.ErrNoRows {
		return m, fmt.Errorf("store: inbox message %d: %w", id, ErrNotFound)
	}
	return m, s.wrap("get inbox message", err)
}

// InboxForOrder returns the relay mails of an order, oldest first.
func (s *Store) InboxForOrder(ctx context.Context, orderID string) ([]InboxMessage, error) {
	return queryRows(ctx, s, "inbox of order", scanInbox,
		`SELECT `+inboxColumns+` FROM inbox i WHERE i.order_id = ? ORDER BY i.received_at, i.id`, orderID)
}

// MailReply is the mail side of an outbox message sent by mail.
type MailReply struct {
	MessageID int64 // the outbox message
	InboxID   int64 // the buyer message it answers
	To        string
	Subject   string
	// MailMessageID is the reply's Message-ID, without angle brackets.
	MailMessageID string
	// BounceID is the inbox message that returned it; 0 when none.
	BounceID int64
}

// EnqueueMailReply stores m as queued together with how it goes by mail,
// in one transaction.
func (s *Store) EnqueueMailReply(ctx context.Context, m Message, r MailReply) (int64, error) {
	if err := checkText("store: mail reply", field{"to", r.To}, field{"subject", r.Subject}, field{"message ID", r.MailMessageID}); err != nil {
		return 0, err
	}
	if err := required("store: mail reply", field{"to", r.To}, field{"message ID", r.MailMessageID}); err != nil {
		return 0, err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.wrap("queue mail reply", err)
	}
	defer tx.Rollback()
	id, err := s.enqueue(ctx, tx, m)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO mail_replies (message_id, inbox_id, to_addr, subject, mail_message_id) VALUES (?, ?, ?, ?, ?)`,
		id, r.InboxID, r.To, r.Subject, r.MailMessageID); err != nil {
		return 0, s.wrap("queue mail reply", err)
	}
	return id, s.wrap("queue mail reply", tx.Commit())
}

// GetMailReply returns the mail side of outbox message id, or an error
// wrapping ErrNotFound when it did not go by mail.
func (s *Store) GetMailReply(ctx context.Context, id int64) (MailReply, error) {
	r := MailReply{MessageID: id}
	var bounce sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT inbox_id, to_addr, subject, mail_message_id, bounce_id FROM mail_replies WHERE message_id = ?`, id).
		Scan(&r.InboxID, &r.To, &r.Subject, &r.MailMessageID, &bounce)
	if err == sql.ErrNoRows {
		return r, fmt.Errorf("store: mail reply %d: %w", id, ErrNotFound)
	}
	r.BounceID = bounce.Int64
	return r, s.wrap("get mail reply", err)
}

// MarkAnswered records that a reply to inbox message id was sent at.
func (s *Store) MarkAnswered(ctx context.Context, id int64, at time.Time) error {
	_, err := s.w.ExecContext(ctx, `UPDATE inbox SET answered_at = ? WHERE id = ? AND answered_at IS NULL`, msNotNull(at), id)
	return s.wrap("mark answered", err)
}

// MatchBounce ties bounce (an inbox message) to the mail reply it returns:
// by the reply's Message-ID when the bounce quotes it, else the latest
// reply sent to the same buyer for the same order. It reports the outbox
// message matched, 0 when none.
func (s *Store) MatchBounce(ctx context.Context, bounce InboxMessage) (int64, error) {
	var id int64
	err := s.w.QueryRowContext(ctx, `UPDATE mail_replies SET bounce_id = ?1 WHERE message_id = (
    SELECT r.message_id FROM mail_replies r JOIN inbox i ON i.id = r.inbox_id
    WHERE r.bounce_id IS NULL AND ((?2 <> '' AND r.mail_message_id = ?2)
       OR (?3 <> '' AND i.buyer = ?3 AND (?4 = '' OR i.order_id = ?4)))
    ORDER BY (r.mail_message_id = ?2) DESC, r.message_id DESC LIMIT 1) RETURNING message_id`,
		bounce.ID, bounce.BounceFor, bounce.Buyer, bounce.OrderID).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, s.wrap("match bounce", err)
}
