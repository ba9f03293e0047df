package mailserver

import (
	"bytes"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/emersion/go-imap"
	imapbackend "github.com/emersion/go-imap/backend"
	"github.com/emersion/go-imap/backend/memory"
)

// backend is go-imap's memory store behind one lock, since the store
// itself is not safe for several connections at once, with a login of our
// choosing, its own UIDVALIDITY per folder, and \Seen set by a FETCH of a
// body that is not a PEEK, as RFC 3501 asks.
type backend struct {
	user, password string
	srv            *Server

	mu          sync.Mutex
	mem         imapbackend.User
	uidValidity map[string]uint32
}

func newBackend(user, password string, srv *Server) *backend {
	// The memory store has one fixed login and a sample mail; we log in
	// as that user and empty its INBOX.
	mem, err := memory.New().Login(nil, "username", "password")
	if err != nil {
		panic(err)
	}
	if mb, err := mem.GetMailbox("INBOX"); err == nil {
		mb.(*memory.Mailbox).Messages = nil
	}
	return &backend{user: user, password: password, srv: srv, mem: mem, uidValidity: map[string]uint32{}}
}

// Login checks the one account.
func (b *backend) Login(_ *imap.ConnInfo, user, password string) (imapbackend.User, error) {
	if user != b.user || password != b.password {
		return nil, imapbackend.ErrInvalidCredentials
	}
	return lockedUser{b}, nil
}

// mailbox returns folder's memory mailbox, creating it when create is set.
// b.mu must be held.
func (b *backend) mailbox(folder string, create bool) (*memory.Mailbox, error) {
	mb, err := b.mem.GetMailbox(folder)
	if err != nil && create {
		if err := b.mem.CreateMailbox(folder); err != nil {
			return nil, err
		}
		mb, err = b.mem.GetMailbox(folder)
	}
	if err != nil {
		return nil, err
	}
	return mb.(*memory.Mailbox), nil
}

func (b *backend) append(folder string, raw []byte, flags []string, at time.Time) (uint32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	mb, err := b.mailbox(folder, true)
	if err != nil {
		return 0, err
	}
	if err := mb.CreateMessage(flags, at, bytes.NewReader(raw)); err != nil {
		return 0, err
	}
	return mb.Messages[len(mb.Messages)-1].Uid, nil
}

func (b *backend) flags(folder string, uid uint32) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	mb, err := b.mailbox(folder, false)
	if err != nil {
		return nil
	}
	for _, m := range mb.Messages {
		if m.Uid == uid {
			return append([]string(nil), m.Flags...)
		}
	}
	return nil
}

func (b *backend) count(folder string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	mb, err := b.mailbox(folder, false)
	if err != nil {
		return 0
	}
	return len(mb.Messages)
}

func (b *backend) renew(folder string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.uidValidity[folder] = b.validity(folder) + 1
}

// validity is folder's UIDVALIDITY; b.mu must be held.
func (b *backend) validity(folder string) uint32 {
	if v, ok := b.uidValidity[folder]; ok {
		return v
	}
	return 1
}

type lockedUser struct{ b *backend }

func (u lockedUser) Username() string { return u.b.user }

func (u lockedUser) ListMailboxes(subscribed bool) ([]imapbackend.Mailbox, error) {
	u.b.mu.Lock()
	defer u.b.mu.Unlock()
	l, err := u.b.mem.ListMailboxes(subscribed)
	out := make([]imapbackend.Mailbox, len(l))
	for i, m := range l {
		out[i] = lockedMailbox{u.b, m.(*memory.Mailbox)}
	}
	slices.SortFunc(out, func(a, c imapbackend.Mailbox) int {
		if a.Name() < c.Name() {
			return -1
		}
		return 1
	})
	return out, err
}

func (u lockedUser) GetMailbox(name string) (imapbackend.Mailbox, error) {
	u.b.mu.Lock()
	defer u.b.mu.Unlock()
	mb, err := u.b.mailbox(name, false)
	if err != nil {
		return nil, err
	}
	return lockedMailbox{u.b, mb}, nil
}

func (u lockedUser) CreateMailbox(name string) error {
	u.b.mu.Lock()
	defer u.b.mu.Unlock()
	return u.b.mem.CreateMailbox(name)
}

func (u lockedUser) DeleteMailbox(name string) error {
	u.b.mu.Lock()
	defer u.b.mu.Unlock()
	return u.b.mem.DeleteMailbox(name)
}

func (u lockedUser) RenameMailbox(existing, newName string) error {
	u.b.mu.Lock()
	defer u.b.mu.Unlock()
	return u.b.mem.RenameMailbox(existing, newName)
}

func (u lockedUser) Logout() error { return nil }

type lockedMailbox struct {
	b  *backend
	mb *memory.Mailbox
}

func (m lockedMailbox) Name() string { return m.mb.Name() }

func (m lockedMailbox) Info() (*imap.MailboxInfo, error) {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.Info()
}

func (m lockedMailbox) Status(items []imap.StatusItem) (*imap.MailboxStatus, error) {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	st, err := m.mb.Status(items)
	if st != nil {
		st.UidValidity = m.b.validity(m.mb.Name())
	}
	return st, err
}

func (m lockedMailbox) SetSubscribed(on bool) error {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.SetSubscribed(on)
}

func (m lockedMailbox) Check() error { return nil }

// errDropped ends a FETCH whose connection a fault broke.
var errDropped = errors.New("connection dropped")

// ListMessages answers FETCH. Messages are fetched under the lock, then
// handed to the connection without it, so a slow client holds no one up.
func (m lockedMailbox) ListMessages(uid bool, seqset *imap.SeqSet, items []imap.FetchItem, ch chan<- *imap.Message) error {
	f := m.b.srv.fault()
	inner := make(chan *imap.Message, 64)
	var msgs []*imap.Message
	done := make(chan struct{})
	go func() {
		for msg := range inner {
			msgs = append(msgs, msg)
		}
		close(done)
	}()
	m.b.mu.Lock()
	err := m.mb.ListMessages(uid, seqset, items, inner)
	if err == nil && !peekOnly(items) {
		markSeen(m.mb, uid, seqset)
	}
	m.b.mu.Unlock()
	<-done
	defer close(ch)
	if err != nil {
		return err
	}
	for i, msg := range msgs {
		if f.delay > 0 {
			time.Sleep(f.delay)
		}
		if f.dropFetchAfter > 0 && i == f.dropFetchAfter {
			m.b.srv.DropFetchAfter(0)
			m.b.srv.dropConns()
			return errDropped
		}
		ch <- msg
	}
	return nil
}

// peekOnly reports whether no item fetches a body without PEEK.
func peekOnly(items []imap.FetchItem) bool {
	for _, it := range items {
		if it == imap.FetchRFC822 || it == imap.FetchRFC822Text {
			return false
		}
		if s, err := imap.ParseBodySectionName(it); err == nil && !s.Peek {
			return false
		}
	}
	return true
}

func markSeen(mb *memory.Mailbox, uid bool, seqset *imap.SeqSet) {
	for i, msg := range mb.Messages {
		id := uint32(i + 1)
		if uid {
			id = msg.Uid
		}
		if seqset.Contains(id) && !slices.Contains(msg.Flags, imap.SeenFlag) {
			msg.Flags = append(msg.Flags, imap.SeenFlag)
		}
	}
}

func (m lockedMailbox) SearchMessages(uid bool, c *imap.SearchCriteria) ([]uint32, error) {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.SearchMessages(uid, c)
}

func (m lockedMailbox) CreateMessage(flags []string, date time.Time, body imap.Literal) error {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.CreateMessage(flags, date, body)
}

func (m lockedMailbox) UpdateMessagesFlags(uid bool, seqset *imap.SeqSet, op imap.FlagsOp, flags []string) error {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.UpdateMessagesFlags(uid, seqset, op, flags)
}

func (m lockedMailbox) CopyMessages(uid bool, seqset *imap.SeqSet, dest string) error {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.CopyMessages(uid, seqset, dest)
}

func (m lockedMailbox) Expunge() error {
	m.b.mu.Lock()
	defer m.b.mu.Unlock()
	return m.mb.Expunge()
}
