package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// MailAccount is the seller's mailbox without its password (which lives
// in the keyring): where to read buyers' messages and send replies, and
// the sender address Amazon knows.
type MailAccount struct {
	Profile   string
	IMAPHost  string
	IMAPPort  int
	IMAPTLS   string // tls, starttls or plain
	SMTPHost  string
	SMTPPort  int
	SMTPTLS   string
	Username  string
	Sender    string
	Folders   []string
	UpdatedAt time.Time
}

// PutMailAccount stores a for a.Profile, replacing what was there.
func (s *Store) PutMailAccount(ctx context.Context, a MailAccount) error {
	where := "store: mail account"
	if err := required(where, field{"profile", a.Profile}, field{"IMAP host", a.IMAPHost}, field{"SMTP host", a.SMTPHost},
		field{"user name", a.Username}, field{"sender", a.Sender}); err != nil {
		return err
	}
	fs := []field{{"IMAP host", a.IMAPHost}, {"SMTP host", a.SMTPHost}, {"user name", a.Username}, {"sender", a.Sender}}
	for _, f := range a.Folders {
		fs = append(fs, field{"folder", f})
	}
	if err := checkText(where, fs...); err != nil {
		return err
	}
	folders, _ := json.Marshal(nonNil(a.Folders))
	_, err := s.w.ExecContext(ctx, `INSERT INTO mail_accounts (profile, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls,
    username, sender, folders, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (profile) DO UPDATE SET imap_host = excluded.imap_host, imap_port = excluded.imap_port, imap_tls = excluded.imap_tls,
    smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port, smtp_tls = excluded.smtp_tls, username = excluded.username,
    sender = excluded.sender, folders = excluded.folders, updated_at = excluded.updated_at`,
		a.Profile, a.IMAPHost, a.IMAPPort, a.IMAPTLS, a.SMTPHost, a.SMTPPort, a.SMTPTLS, a.Username, a.Sender, string(folders),
		time.Now().UnixMilli())
	return s.wrap("save mail account", err)
}

// GetMailAccount returns the mailbox of profile, or an error wrapping
// ErrNotFound when none is set up.
func (s *Store) GetMailAccount(ctx context.Context, profile string) (MailAccount, error) {
	a := MailAccount{Profile: profile}
	var folders string
	var at sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, username, sender, folders,
    updated_at FROM mail_accounts WHERE profile = ?`, profile).Scan(&a.IMAPHost, &a.IMAPPort, &a.IMAPTLS, &a.SMTPHost, &a.SMTPPort,
		&a.SMTPTLS, &a.Username, &a.Sender, &folders, &at)
	if err == sql.ErrNoRows {
		return a, fmt.Errorf("store: mail account of %q: %w", profile, ErrNotFound)
	}
	if err != nil {
		return a, s.wrap("get mail account", err)
	}
	a.UpdatedAt = fromMS(at)
	if err := json.Unmarshal([]byte(folders), &a.Folders); err != nil {
		return a, fmt.Errorf("store: mail account of %q: folders: %w", profile, err)
	}
	return a, nil
}

// DeleteMailAccount forgets the mailbox of profile; the mail already read stays.
func (s *Store) DeleteMailAccount(ctx context.Context, profile string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM mail_accounts WHERE profile = ?`, profile)
	return s.wrap("delete mail account", err)
}
