package mailbox

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Outgoing is a reply to a buyer.
type Outgoing struct {
	// MessageID is the reply's Message-ID without brackets (NewMessageID).
	MessageID string
	To        string
	Subject   string
	// InReplyTo and References are Message-IDs without brackets.
	InReplyTo  string
	References []string
	Text       string
	Date       time.Time
	Files      []File
}

// File is an attachment.
type File struct {
	Name, ContentType string
	Data              []byte
}

// NewMessageID makes a Message-ID in the sender's domain.
func NewMessageID(sender string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	_, domain, ok := strings.Cut(sender, "@")
	if !ok || domain == "" {
		domain = "sellermail.invalid"
	}
	return hex.EncodeToString(b[:]) + "@" + domain
}

// Compose writes m as a plain-text mail (multipart/mixed with attachments)
// from sender.
func Compose(sender string, m Outgoing) ([]byte, error) {
	var h mail.Header
	h.SetDate(m.Date)
	h.SetAddressList("From", []*mail.Address{{Address: sender}})
	h.SetAddressList("To", []*mail.Address{{Address: m.To}})
	h.SetSubject(m.Subject)
	h.SetMessageID(m.MessageID)
	if m.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{m.InReplyTo})
	}
	if len(m.References) > 0 {
		h.SetMsgIDList("References", m.References)
	}
	h.Set("X-Mailer", "Sellermail")
	var buf bytes.Buffer
	text := strings.ReplaceAll(m.Text, "\r\n", "\n")
	if len(m.Files) == 0 {
		h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
		h.Set("Content-Transfer-Encoding", "quoted-printable")
		w, err := mail.CreateSingleInlineWriter(&buf, h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(text)); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	mw, err := mail.CreateWriter(&buf, h)
	if err != nil {
		return nil, err
	}
	var th mail.InlineHeader
	th.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	th.Set("Content-Transfer-Encoding", "quoted-printable")
	tw, err := mw.CreateSingleInline(th)
	if err != nil {
		return nil, err
	}
	if _, err := tw.Write([]byte(text)); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	for _, f := range m.Files {
		var ah mail.AttachmentHeader
		ct := f.ContentType
		if ct == "" {
			ct = mime.TypeByExtension(filepath.Ext(f.Name))
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		ah.SetContentType(ct, nil)
		ah.SetFilename(f.Name)
		aw, err := mw.CreateAttachment(ah)
		if err != nil {
			return nil, err
		}
		if _, err := aw.Write(f.Data); err != nil {
			return nil, err
		}
		if err := aw.Close(); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ErrOutcomeUnknown: the connection broke after the whole mail was handed
// over and before the server answered; the mail may have gone out.
var ErrOutcomeUnknown = errors.New("mailbox: the server did not answer after taking the mail")

// RejectedError is the SMTP server's refusal of the mail (or its sender
// or recipient); nothing was sent.
type RejectedError struct {
	Code    int
	Message string
}

func (e *RejectedError) Error() string {
	return fmt.Sprintf("mailbox: the server refused the mail: %d %s", e.Code, e.Message)
}

// Send delivers data from a.Sender to the one recipient over SMTP. Until
// the final dot of DATA nothing has gone out, and errors say so (ErrLogin,
// ErrConnect, ErrTLS, *RejectedError); after it, a broken connection is
// ErrOutcomeUnknown.
func Send(ctx context.Context, a Account, to string, data []byte) error {
	c, stop, err := dialSMTP(ctx, a)
	if err != nil {
		return err
	}
	defer stop()
	defer c.Close()
	if err := c.Mail(a.Sender, nil); err != nil {
		return smtpErr(ctx, a, "MAIL FROM", err)
	}
	if err := c.Rcpt(to, nil); err != nil {
		return smtpErr(ctx, a, "RCPT TO", err)
	}
	w, err := c.Data()
	if err != nil {
		return smtpErr(ctx, a, "DATA", err)
	}
	if _, err := w.Write(data); err != nil {
		return smtpErr(ctx, a, "DATA", err)
	}
	if err := w.Close(); err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) {
			return &RejectedError{Code: se.Code, Message: scrub(se.Message, a.Password)}
		}
		return fmt.Errorf("%w: %v", ErrOutcomeUnknown, err)
	}
	_ = c.Quit()
	return nil
}

// TestSMTP logs in to the SMTP server and leaves without sending.
func TestSMTP(ctx context.Context, a Account) error {
	c, stop, err := dialSMTP(ctx, a)
	if err != nil {
		return err
	}
	defer stop()
	defer c.Close()
	return smtpErr(ctx, a, "QUIT", c.Quit())
}

// dialSMTP connects, secures and logs in; stop releases the context watch.
func dialSMTP(ctx context.Context, a Account) (*smtp.Client, func() bool, error) {
	d := net.Dialer{Timeout: a.timeout()}
	raw, err := d.DialContext(ctx, "tcp", a.SMTP.addr())
	if err != nil {
		return nil, nil, fmt.Errorf("%w: SMTP %s: %w", ErrConnect, a.SMTP.addr(), err)
	}
	stop := context.AfterFunc(ctx, func() { raw.Close() })
	var c *smtp.Client
	switch a.SMTP.Security {
	case TLS:
		tc := tls.Client(raw, a.tlsConfig(a.SMTP.Host))
		if err = tc.HandshakeContext(ctx); err == nil {
			c = smtp.NewClient(tc)
		}
	case STARTTLS:
		c, err = smtp.NewClientStartTLS(raw, a.tlsConfig(a.SMTP.Host))
	default:
		c = smtp.NewClient(raw)
	}
	if err != nil {
		stop()
		raw.Close()
		return nil, nil, classifyNet(ctx, "SMTP", a.SMTP.addr(), err)
	}
	c.CommandTimeout, c.SubmissionTimeout = a.timeout(), 2*a.timeout()
	if err := c.Hello("localhost"); err != nil {
		stop()
		c.Close()
		return nil, nil, smtpErr(ctx, a, "EHLO", err)
	}
	if err := c.Auth(sasl.NewPlainClient("", a.User, a.Password)); err != nil {
		stop()
		c.Close()
		var se *smtp.SMTPError
		if errors.As(err, &se) {
			return nil, nil, fmt.Errorf("%w: SMTP %s: %d %s", ErrLogin, a.SMTP.addr(), se.Code, scrub(se.Message, a.Password))
		}
		return nil, nil, smtpErr(ctx, a, "AUTH", err)
	}
	return c, stop, nil
}

// smtpErr turns an SMTP error before the end of DATA into a refusal or a
// connection error: either way nothing was sent.
func smtpErr(ctx context.Context, a Account, what string, err error) error {
	if err == nil {
		return nil
	}
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return &RejectedError{Code: se.Code, Message: scrub(se.Message, a.Password)}
	}
	return classifyNet(ctx, "SMTP", what, err)
}
