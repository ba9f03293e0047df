package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sellermail/app/i18n"
	"sellermail/app/mailbox"
	"sellermail/app/relay"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
)

// MailSetup is the seller's mailbox as entered in Settings or by
// `sellermail mail login`. The password goes to the keyring only.
type MailSetup struct {
	IMAP, SMTP mailbox.Server
	User       string
	Password   string
	// Sender is the address replies come from: the one registered with
	// Amazon or approved under Messaging Permissions.
	Sender string
	// Folders are read for buyer messages; empty means INBOX.
	Folders []string
}

// ErrMailNotSetUp: no mailbox is set up for the profile.
var ErrMailNotSetUp = errors.New("no mailbox set up")

// account is s with its password, as package mailbox takes it.
func (m MailSetup) account() mailbox.Account {
	folders := m.Folders
	if len(folders) == 0 {
		folders = []string{"INBOX"}
	}
	return mailbox.Account{IMAP: m.IMAP, SMTP: m.SMTP, User: strings.TrimSpace(m.User), Password: m.Password,
		Sender: strings.TrimSpace(m.Sender), Folders: folders}
}

// TestMail checks the settings, logs in to both servers and lists the
// IMAP folders; nothing is stored.
func (s *Service) TestMail(ctx context.Context, m MailSetup) ([]string, error) {
	a := m.account()
	if s.mode == ModeDemo && s.demoMail != nil && mailbox.Loopback(a.IMAP.Host) {
		a.RootCAs = s.demoMail.CertPool()
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	folders, err := mailbox.Folders(ctx, a)
	if err != nil {
		return nil, err
	}
	if err := mailbox.TestSMTP(ctx, a); err != nil {
		return folders, err
	}
	for _, f := range a.Folders {
		if !containsString(folders, f) {
			return folders, refusal(ErrMailNotSetUp, "refusal.mail.nofolder", "Folder", f)
		}
	}
	return folders, nil
}

// SaveMail tests the settings and stores them: the password in the
// keyring beside the Amazon credentials, the rest in the database. In the
// demo nothing is stored: the demo has its own mailbox.
func (s *Service) SaveMail(ctx context.Context, m MailSetup) ([]string, error) {
	folders, err := s.TestMail(ctx, m)
	if err != nil {
		return folders, err
	}
	if s.mode == ModeDemo {
		return folders, refusal(ErrMailNotSetUp, "refusal.mail.demo")
	}
	if err := s.keyring.SaveMailPassword(ctx, s.profile, m.Password); err != nil {
		return folders, err
	}
	a := m.account()
	return folders, s.store.PutMailAccount(ctx, store.MailAccount{Profile: s.profile,
		IMAPHost: a.IMAP.Host, IMAPPort: a.IMAP.Port, IMAPTLS: string(a.IMAP.Security),
		SMTPHost: a.SMTP.Host, SMTPPort: a.SMTP.Port, SMTPTLS: string(a.SMTP.Security),
		Username: a.User, Sender: a.Sender, Folders: a.Folders})
}

// Mail returns the mailbox set up, without its password; ok is false when
// none is. The demo's own mailbox is set up from the start.
func (s *Service) Mail(ctx context.Context) (m MailSetup, ok bool, err error) {
	if s.mode == ModeDemo {
		a := s.demoAccount()
		return MailSetup{IMAP: a.IMAP, SMTP: a.SMTP, User: a.User, Sender: a.Sender, Folders: a.Folders}, true, nil
	}
	st, err := s.store.GetMailAccount(ctx, s.profile)
	if errors.Is(err, store.ErrNotFound) {
		return MailSetup{}, false, nil
	}
	if err != nil {
		return MailSetup{}, false, err
	}
	imapSec, _ := mailbox.ParseSecurity(st.IMAPTLS)
	smtpSec, _ := mailbox.ParseSecurity(st.SMTPTLS)
	return MailSetup{IMAP: mailbox.Server{Host: st.IMAPHost, Port: st.IMAPPort, Security: imapSec},
		SMTP: mailbox.Server{Host: st.SMTPHost, Port: st.SMTPPort, Security: smtpSec},
		User: st.Username, Sender: st.Sender, Folders: st.Folders}, true, nil
}

// ForgetMail removes the mailbox settings and its password; the mail
// already read stays in the inbox.
func (s *Service) ForgetMail(ctx context.Context) error {
	if s.mode == ModeDemo {
		return nil
	}
	if err := s.keyring.DeleteMailPassword(ctx, s.profile); err != nil {
		return err
	}
	return s.store.DeleteMailAccount(ctx, s.profile)
}

// mailAccount is the mailbox to talk to, with its password from the keyring.
func (s *Service) mailAccount(ctx context.Context) (mailbox.Account, error) {
	if s.mode == ModeDemo {
		return s.demoAccount(), nil
	}
	m, ok, err := s.Mail(ctx)
	if err != nil {
		return mailbox.Account{}, err
	}
	if !ok {
		return mailbox.Account{}, refusal(ErrMailNotSetUp, "refusal.mail.notsetup")
	}
	pw, err := s.keyring.LoadMailPassword(ctx, s.profile)
	if err != nil {
		return mailbox.Account{}, err
	}
	m.Password = pw
	return m.account(), nil
}

// FetchResult is what a fetch brought.
type FetchResult struct {
	// New counts the relay mails stored for the first time; Buyer the
	// buyer messages among them.
	New, Buyer int
	// Bounces counts the bounces matched to a reply Sellermail sent.
	Bounces int
}

// FetchProgress is reported while a folder is read.
type FetchProgress struct {
	Folder      string
	Done, Total int
}

// FetchMail reads what is new in the mailbox's folders and stores the
// relay mails in the inbox. It is incremental (UIDVALIDITY and UID), saves
// after every batch, and changes nothing in the mailbox.
func (s *Service) FetchMail(ctx context.Context, progress func(FetchProgress)) (FetchResult, error) {
	a, err := s.mailAccount(ctx)
	if err != nil {
		return FetchResult{}, err
	}
	if s.mode == ModeDemo {
		if err := s.seedDemoMailbox(ctx); err != nil {
			return FetchResult{}, err
		}
	}
	var res FetchResult
	for _, folder := range a.Folders {
		st, err := s.store.GetFolderState(ctx, folder)
		if err != nil {
			return res, err
		}
		k := &inboxSink{s: s, folder: folder, res: &res, progress: progress}
		if _, err := mailbox.Fetch(ctx, a, folder, mailbox.FolderState{UIDValidity: st.UIDValidity, LastUID: st.LastUID}, k); err != nil {
			return res, err
		}
	}
	return res, nil
}

// inboxSink stores what mailbox.Fetch brings.
type inboxSink struct {
	s        *Service
	folder   string
	res      *FetchResult
	progress func(FetchProgress)
}

func (k *inboxSink) Wanted(header []byte) bool { return relay.Candidate(header) }

func (k *inboxSink) Progress(done, total int) {
	if k.progress != nil {
		k.progress(FetchProgress{Folder: k.folder, Done: done, Total: total})
	}
}

func (k *inboxSink) Save(ctx context.Context, st mailbox.FolderState, mails []mailbox.Fetched) error {
	var msgs []store.InboxMessage
	for _, f := range mails {
		if m, ok := k.s.inboxMessage(k.folder, st.UIDValidity, f); ok {
			msgs = append(msgs, m)
		}
	}
	ids, err := k.s.store.SaveFetched(ctx, store.FolderState{Folder: k.folder, UIDValidity: st.UIDValidity, LastUID: st.LastUID, CheckedAt: k.s.now()}, msgs)
	if err != nil {
		return err
	}
	k.res.New += len(ids)
	for _, id := range ids {
		m, err := k.s.store.GetInbox(ctx, id)
		if err != nil {
			return err
		}
		switch m.Kind {
		case string(relay.KindBuyer):
			k.res.Buyer++
		case string(relay.KindBounce):
			if n, err := k.s.store.MatchBounce(ctx, m); err != nil {
				return err
			} else if n != 0 {
				k.res.Bounces++
			}
		}
	}
	return nil
}

// inboxMessage turns a fetched mail into an inbox row; ok is false for
// mail that is not the relay's. A mail too large to fetch, or one the
// parser cannot read, is kept as unplaced, with the reason.
func (s *Service) inboxMessage(folder string, validity uint32, f mailbox.Fetched) (store.InboxMessage, bool) {
	raw := f.Raw
	var problems []string
	if raw == nil {
		raw = f.Header
		problems = append(problems, fmt.Sprintf("mail of %d MB is larger than %d MB and was not fetched", f.Size>>20, mailbox.MaxMailBytes>>20))
	}
	m, err := relay.Parse(raw)
	if err != nil {
		return store.InboxMessage{}, false
	}
	if len(problems) > 0 {
		m.Kind = relay.KindUnplaced
		m.DedupKey = fmt.Sprintf("large:%s:%d:%d", folder, validity, f.UID)
	}
	at := m.Date
	if at.IsZero() {
		at = f.InternalDate
	}
	mp := m.MarketplaceID
	if mp == "" {
		mp = marketplaceOfDomain(m.Domain)
	}
	lang := ""
	if m.Kind == relay.KindBuyer && m.Text != "" {
		lang = policy.DetectLanguage(m.Text).Code
	}
	out := store.InboxMessage{Folder: folder, UIDValidity: validity, UID: f.UID, DedupKey: m.DedupKey, MessageID: m.MessageID,
		References: m.References, Kind: string(m.Kind), NotificationType: m.NotificationType, ReceivedAt: at, Subject: m.Subject,
		BuyerName: m.BuyerName, ReplyTo: m.ReplyTo, Buyer: m.Buyer, MarketplaceID: mp, OrderID: m.OrderID, OtherOrders: m.OtherOrders,
		Text: m.Text, Lang: lang, Problems: append(m.Problems, problems...), BounceFor: m.BounceFor}
	for _, a := range m.Attachments {
		out.Attachments = append(out.Attachments, store.InboxAttachment{Name: a.Name, ContentType: a.ContentType, Size: a.Size})
	}
	return out, true
}

// marketplaceOfDomain maps a relay domain to its marketplace's ID.
func marketplaceOfDomain(domain string) string {
	tld, ok := relay.RelayTLD(domain)
	if !ok {
		return ""
	}
	for _, m := range spapi.Marketplaces {
		if m.Domain == "www.amazon."+tld {
			return m.ID
		}
	}
	return ""
}

// Inbox lists relay mails: buyer messages by default, unanswered first.
func (s *Service) Inbox(ctx context.Context, f store.InboxFilter) ([]store.InboxMessage, error) {
	return s.store.ListInbox(ctx, f)
}

// InboxMessage returns one relay mail.
func (s *Service) InboxMessage(ctx context.Context, id int64) (store.InboxMessage, error) {
	return s.store.GetInbox(ctx, id)
}

// Unanswered counts the buyer messages no reply went to.
func (s *Service) Unanswered(ctx context.Context) (int, error) { return s.store.CountUnanswered(ctx) }

// MailReply returns how an outbox message went by mail: its alias,
// Message-ID and bounce; ok is false for messages sent through the API.
func (s *Service) MailReply(ctx context.Context, messageID int64) (r store.MailReply, ok bool, err error) {
	r, err = s.store.GetMailReply(ctx, messageID)
	if errors.Is(err, store.ErrNotFound) {
		return r, false, nil
	}
	return r, err == nil, err
}

// mailErrorText is the text of an error of the mailbox, and whether err is one.
func mailErrorText(err error) (i18n.Text, bool) {
	var rej *mailbox.RejectedError
	switch {
	case errors.Is(err, mailbox.ErrOutcomeUnknown):
		return i18n.New("error.mail.outcomeunknown"), true
	case errors.As(err, &rej):
		return i18n.New("error.mail.rejected", "Code", fmt.Sprint(rej.Code), "Message", rej.Message), true
	case errors.Is(err, mailbox.ErrLogin):
		return i18n.New("error.mail.login"), true
	case errors.Is(err, mailbox.ErrTLS):
		return i18n.New("error.mail.tls"), true
	case errors.Is(err, mailbox.ErrNoFolder):
		return i18n.New("error.mail.nofolder"), true
	case errors.Is(err, mailbox.ErrInvalid):
		var fields []string
		for _, fe := range mailbox.FieldErrors(err) {
			fields = append(fields, fe.Field)
		}
		return i18n.New("error.mail.invalid", "Fields", strings.Join(fields, ", ")), true
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return i18n.Text{}, false
	case errors.Is(err, mailbox.ErrConnect):
		return i18n.New("error.mail.connect"), true
	}
	return i18n.Text{}, false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
