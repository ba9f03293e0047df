package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
)

// Errors the caller tells apart; each wraps the server's or network's own.
var (
	// ErrLogin: the server refused the user name or password.
	ErrLogin = errors.New("mailbox: login refused")
	// ErrConnect: the server could not be reached, or the connection broke.
	ErrConnect = errors.New("mailbox: cannot reach the server")
	// ErrTLS: the server's certificate or TLS setup is not acceptable.
	ErrTLS = errors.New("mailbox: TLS failed")
	// ErrNoFolder: the folder does not exist.
	ErrNoFolder = errors.New("mailbox: no such folder")
)

// imapConn is a logged-in IMAP connection whose network connection closes
// when the context ends, so no call waits past it.
type imapConn struct {
	c    *client.Client
	stop func() bool
}

// dialIMAP connects, secures and logs in.
func dialIMAP(ctx context.Context, a Account) (*imapConn, error) {
	d := net.Dialer{Timeout: a.timeout()}
	raw, err := d.DialContext(ctx, "tcp", a.IMAP.addr())
	if err != nil {
		return nil, fmt.Errorf("%w: IMAP %s: %w", ErrConnect, a.IMAP.addr(), err)
	}
	stop := context.AfterFunc(ctx, func() { raw.Close() })
	conn := raw
	if a.IMAP.Security == TLS {
		tc := tls.Client(raw, a.tlsConfig(a.IMAP.Host))
		_ = tc.SetDeadline(time.Now().Add(a.timeout()))
		if err := tc.HandshakeContext(ctx); err != nil {
			stop()
			raw.Close()
			return nil, classifyNet(ctx, "IMAP", a.IMAP.addr(), err)
		}
		_ = tc.SetDeadline(time.Time{})
		conn = tc
	}
	_ = conn.SetDeadline(time.Now().Add(a.timeout()))
	c, err := client.New(conn)
	if err != nil {
		stop()
		raw.Close()
		return nil, classifyNet(ctx, "IMAP", a.IMAP.addr(), err)
	}
	c.ErrorLog = log.New(io.Discard, "", 0)
	_ = conn.SetDeadline(time.Time{})
	c.Timeout = a.timeout()
	ic := &imapConn{c: c, stop: stop}
	if a.IMAP.Security == STARTTLS {
		if err := c.StartTLS(a.tlsConfig(a.IMAP.Host)); err != nil {
			ic.close()
			return nil, classifyNet(ctx, "IMAP", a.IMAP.addr(), err)
		}
	}
	if err := c.Login(a.User, a.Password); err != nil {
		ic.close()
		if ctx.Err() != nil || isNetErr(err) {
			return nil, classifyNet(ctx, "IMAP", a.IMAP.addr(), err)
		}
		return nil, fmt.Errorf("%w: IMAP %s: %s", ErrLogin, a.IMAP.addr(), scrub(err.Error(), a.Password))
	}
	return ic, nil
}

func (ic *imapConn) close() {
	_ = ic.c.Logout()
	ic.stop()
	_ = ic.c.Terminate()
}

// Folders logs in to IMAP and lists the folders.
func Folders(ctx context.Context, a Account) ([]string, error) {
	ic, err := dialIMAP(ctx, a)
	if err != nil {
		return nil, err
	}
	defer ic.close()
	return ic.folders(ctx)
}

func (ic *imapConn) folders(ctx context.Context) ([]string, error) {
	ch := make(chan *imap.MailboxInfo, 32)
	done := make(chan error, 1)
	go func() { done <- ic.c.List("", "*", ch) }()
	var out []string
	for m := range ch {
		if !hasAttr(m.Attributes, imap.NoSelectAttr) {
			out = append(out, m.Name)
		}
	}
	if err := <-done; err != nil {
		return nil, classifyNet(ctx, "IMAP", "LIST", err)
	}
	sort.Strings(out)
	return out, nil
}

func hasAttr(attrs []string, a string) bool {
	for _, x := range attrs {
		if strings.EqualFold(x, a) {
			return true
		}
	}
	return false
}

// FolderState is how far a folder has been read.
type FolderState struct {
	UIDValidity, LastUID uint32
}

// Fetched is one mail as the server holds it.
type Fetched struct {
	UID          uint32
	InternalDate time.Time
	Size         uint32
	// Raw is the whole mail; nil when it was larger than MaxMailBytes.
	Raw []byte
	// Header is the mail's header, always present.
	Header []byte
}

// MaxMailBytes is the largest mail fetched whole; Amazon's relay carries at
// most 10 MB of attachments, which base64 makes about 14.
const MaxMailBytes = 40 << 20

// Sink takes what a fetch brings, batch by batch. Save gets the mails of
// one batch and the folder state after it; the fetch goes on only when it
// returns nil, so what Save stored is never fetched again.
type Sink interface {
	// Wanted says from a mail's header whether its body is worth fetching.
	Wanted(header []byte) bool
	// Save stores a batch (wanted mails only) and the state after it.
	Save(ctx context.Context, st FolderState, mails []Fetched) error
	// Progress reports done of total new mails looked at.
	Progress(done, total int)
}

// batchSize is how many mails one FETCH asks for.
const batchSize = 200

// Fetch reads the mails of folder that are new since st, in batches:
// first the headers of every new mail (so the seller's other mail is
// never downloaded whole), then the whole of the mails sink wants. The
// folder is opened read-only (EXAMINE) and bodies are fetched with
// BODY.PEEK, so no flag changes. A new UIDVALIDITY starts from the first
// mail again. It returns the state after the last saved batch.
func Fetch(ctx context.Context, a Account, folder string, st FolderState, sink Sink) (FolderState, error) {
	ic, err := dialIMAP(ctx, a)
	if err != nil {
		return st, err
	}
	defer ic.close()
	mbox, err := ic.c.Select(folder, true)
	if err != nil {
		if ctx.Err() != nil || isNetErr(err) {
			return st, classifyNet(ctx, "IMAP", "EXAMINE "+folder, err)
		}
		return st, fmt.Errorf("%w: %q: %v", ErrNoFolder, folder, err)
	}
	if mbox.UidValidity != st.UIDValidity {
		st = FolderState{UIDValidity: mbox.UidValidity}
	}
	if mbox.Messages == 0 || (mbox.UidNext != 0 && mbox.UidNext <= st.LastUID+1) {
		return st, sink.Save(ctx, st, nil)
	}
	uids, err := ic.newUIDs(ctx, st.LastUID)
	if err != nil {
		return st, err
	}
	if len(uids) == 0 {
		return st, sink.Save(ctx, st, nil)
	}
	for i := 0; i < len(uids); i += batchSize {
		batch := uids[i:min(i+batchSize, len(uids))]
		mails, err := ic.fetchBatch(ctx, batch, sink)
		if err != nil {
			return st, err
		}
		next := FolderState{UIDValidity: st.UIDValidity, LastUID: batch[len(batch)-1]}
		if err := sink.Save(ctx, next, mails); err != nil {
			return st, err
		}
		st = next
		sink.Progress(i+len(batch), len(uids))
	}
	return st, nil
}

// newUIDs lists the UIDs above last, in order.
func (ic *imapConn) newUIDs(ctx context.Context, last uint32) ([]uint32, error) {
	crit := imap.NewSearchCriteria()
	set := new(imap.SeqSet)
	set.AddRange(last+1, 0)
	crit.Uid = set
	uids, err := ic.c.UidSearch(crit)
	if err != nil {
		return nil, classifyNet(ctx, "IMAP", "UID SEARCH", err)
	}
	// "n:*" names the last mail even when its UID is below n.
	out := uids[:0]
	for _, u := range uids {
		if u > last {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// headerSection is the header, fetched without setting \Seen.
var headerSection = &imap.BodySectionName{BodyPartName: imap.BodyPartName{Specifier: imap.HeaderSpecifier}, Peek: true}

// wholeSection is the whole mail, fetched without setting \Seen.
var wholeSection = &imap.BodySectionName{Peek: true}

// fetchBatch fetches the headers of uids, then the whole of those sink
// wants and that are not too large.
func (ic *imapConn) fetchBatch(ctx context.Context, uids []uint32, sink Sink) ([]Fetched, error) {
	heads, err := ic.fetch(ctx, uids, []imap.FetchItem{imap.FetchUid, imap.FetchInternalDate, imap.FetchRFC822Size, headerSection.FetchItem()}, headerSection)
	if err != nil {
		return nil, err
	}
	var want []uint32
	var out []Fetched
	for _, u := range uids {
		f, ok := heads[u]
		if !ok || !sink.Wanted(f.Header) {
			continue
		}
		if f.Size <= MaxMailBytes {
			want = append(want, u)
		}
		out = append(out, f)
	}
	if len(want) > 0 {
		bodies, err := ic.fetch(ctx, want, []imap.FetchItem{imap.FetchUid, wholeSection.FetchItem()}, wholeSection)
		if err != nil {
			return nil, err
		}
		for i := range out {
			if b, ok := bodies[out[i].UID]; ok {
				out[i].Raw = b.Header
			}
		}
	}
	return out, nil
}

// fetch runs one UID FETCH and returns, per UID, the section's bytes in
// Header (the caller knows what the section was).
func (ic *imapConn) fetch(ctx context.Context, uids []uint32, items []imap.FetchItem, section *imap.BodySectionName) (map[uint32]Fetched, error) {
	set := new(imap.SeqSet)
	set.AddNum(uids...)
	ch := make(chan *imap.Message, 16)
	done := make(chan error, 1)
	go func() { done <- ic.c.UidFetch(set, items, ch) }()
	out := make(map[uint32]Fetched, len(uids))
	var readErr error
	for m := range ch {
		f := Fetched{UID: m.Uid, InternalDate: m.InternalDate, Size: m.Size}
		if lit := m.GetBody(section); lit != nil {
			b, err := io.ReadAll(io.LimitReader(lit, MaxMailBytes+1))
			if err != nil && readErr == nil {
				readErr = err
			}
			f.Header = b
		}
		out[m.Uid] = f
	}
	if err := <-done; err != nil {
		return nil, classifyNet(ctx, "IMAP", "UID FETCH", err)
	}
	if readErr != nil {
		return nil, classifyNet(ctx, "IMAP", "UID FETCH", readErr)
	}
	return out, nil
}

// isNetErr reports a broken or timed-out connection.
func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, client.ErrAlreadyLoggedOut) ||
		strings.Contains(err.Error(), "use of closed network connection") || strings.Contains(err.Error(), "connection reset")
}

// classifyNet wraps err as ErrTLS, the context's error or ErrConnect.
func classifyNet(ctx context.Context, proto, what string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("mailbox: %s %s: %w", proto, what, ctx.Err())
	}
	var cv *tls.CertificateVerificationError
	var rh tls.RecordHeaderError
	if errors.As(err, &cv) || errors.As(err, &rh) || strings.Contains(err.Error(), "tls:") || strings.Contains(err.Error(), "x509:") {
		return fmt.Errorf("%w: %s %s: %w", ErrTLS, proto, what, err)
	}
	return fmt.Errorf("%w: %s %s: %w", ErrConnect, proto, what, err)
}

// scrub removes the password from a server's error text.
func scrub(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "[redacted]")
}
