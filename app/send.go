package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
)

// MaxAttachmentBytes caps one attachment, as Amazon's upload storage does.
const MaxAttachmentBytes = 10 << 20

// AttachmentFile is a file to send with a message: Data, or else the file at Path.
type AttachmentFile struct {
	// Name is what the buyer sees, with extension; "" means Path's base name.
	Name        string
	Path        string
	Data        []byte
	ContentType string // "" means guessed from the name or the content
}

// SendRequest is a message the seller wants to send.
type SendRequest struct {
	OrderID     string
	Kind        policy.Kind
	Text        string
	Attachments []AttachmentFile
	// DryRun runs every check, reads the attachments and stops before the
	// outbox: nothing is stored, uploaded or sent.
	DryRun bool
	// ReplyTo is the inbox message a reply answers (Kind reply): it goes
	// by mail to the buyer's alias instead of through the API.
	ReplyTo int64
}

// SendResult is what became of a message.
type SendResult struct {
	// ID is the outbox ID (0 when nothing was stored: refused or dry run).
	ID int64
	// Status is the outbox status: sent, failed or unknown ("" when nothing was stored).
	Status store.MessageStatus
	// RequestID is Amazon's request ID of the send call, for support.
	RequestID string
	// Check is the compliance result the message was sent (or refused) with.
	Check policy.Result
	// Explanation says what happened when it was not sent; render it with Render.
	Explanation i18n.Text
	// Earlier is the message as the next check counts it (see
	// OrderDetail.Earlier); nil when the buyer cannot have it.
	Earlier *policy.SentMessage
}

// Send checks and sends a message through the outbox: the message is
// committed as queued, then as sending before the request goes out, then as
// sent, failed or unknown. A lost answer (spapi.ErrOutcomeUnknown) leaves it
// unknown and it is never sent again on its own. Refusals (block findings,
// kinds Amazon does not offer, bad attachments) happen before anything is
// stored or sent. The error is nil only when Amazon accepted the message
// (or, with DryRun, would be asked to).
func (s *Service) Send(ctx context.Context, req SendRequest, lang i18n.Lang) (SendResult, error) {
	if req.ReplyTo != 0 {
		return s.sendReply(ctx, req, lang)
	}
	d, err := s.OrderDetail(ctx, req.OrderID)
	if err != nil {
		return SendResult{Explanation: ErrorText(err)}, err
	}
	res := SendResult{Check: s.Check(req.Text, req.Kind, d, lang)}
	fail := func(err error) (SendResult, error) {
		res.Explanation = ErrorText(err)
		return res, err
	}
	if err := s.checkKind(d, req.Kind); err != nil {
		return fail(err)
	}
	if res.Check.Blocked() {
		r := refusal(ErrBlocked, "refusal.blocked", "Rule", firstBlock(res.Check))
		r.Check = &res.Check
		return fail(r)
	}
	files, err := readAttachments(req.Attachments)
	if err != nil {
		return fail(err)
	}
	if err := spapi.ValidateMessage(spapi.Message{Kind: spapi.MessageKind(req.Kind), Text: req.Text, Attachments: pendingAttachments(files)}); err != nil {
		return fail(err)
	}
	if req.DryRun {
		return res, nil
	}
	m := store.Message{OrderID: d.Order.OrderID, MarketplaceID: d.Order.MarketplaceID, Kind: string(req.Kind),
		Lang: messageLang(res.Check, d.BuyerLocale), Text: req.Text, FindingsJSON: findingsJSON(res.Check)}
	for _, f := range files {
		m.Attachments = append(m.Attachments, store.Attachment{Name: f.name, SHA256: f.sha256})
	}
	id, err := s.store.EnqueueMessage(ctx, m)
	if err != nil {
		return fail(err)
	}
	m.ID = id
	res.ID = id
	res, err = s.deliver(ctx, m, files, res)
	m.Status, m.CreatedAt = res.Status, s.now()
	if e, ok := earlierMessage(m); ok {
		res.Earlier = &e
	}
	return res, err
}

// checkKind refuses kinds that cannot be sent for the order now.
func (s *Service) checkKind(d *OrderDetail, k policy.Kind) error {
	if _, err := policy.ParseKind(string(k)); err != nil {
		return refusal(ErrKindNotSendable, "refusal.kind.unknown", "Kind", fmt.Sprintf("%q", string(k)))
	}
	if k == policy.KindReply {
		return refusal(ErrKindNotSendable, d.kindNote(k))
	}
	if d.Offers(k) {
		return nil
	}
	if d.KindsFetchedAt.IsZero() && d.FactsErr != nil {
		return d.FactsErr
	}
	return refusal(ErrKindNotOffered, d.kindNote(k))
}

// deliver uploads the attachments and sends a queued message, recording
// every step before the next one starts.
func (s *Service) deliver(ctx context.Context, m store.Message, files []attachment, res SendResult) (SendResult, error) {
	if m.Kind == string(policy.KindReply) {
		return s.deliverMail(ctx, m, files, res)
	}
	// Once Amazon may have the message its outcome must be recorded even if
	// the caller gives up, so the marks after the call ignore cancellation.
	keep := context.WithoutCancel(ctx)
	fail := func(err error) (SendResult, error) {
		res.Status, res.Explanation = store.StatusFailed, ErrorText(err)
		if merr := s.store.MarkFailed(keep, m.ID, res.Explanation.Encode()); merr != nil {
			return res, errors.Join(err, merr)
		}
		return res, err
	}
	atts := make([]spapi.Attachment, 0, len(files))
	for _, f := range files {
		a, err := s.client.UploadAttachment(ctx, spapi.Upload{
			Resource: spapi.MessageResource(m.OrderID, spapi.MessageKind(m.Kind)), MarketplaceID: m.MarketplaceID,
			FileName: f.name, ContentType: f.contentType, Data: f.data,
		})
		if err != nil {
			return fail(err)
		}
		atts = append(atts, a)
	}
	if err := s.store.MarkSending(ctx, m.ID); err != nil {
		res.Explanation = ErrorText(err)
		return res, err
	}
	sent, err := s.client.SendMessage(ctx, m.OrderID, m.MarketplaceID, spapi.Message{Kind: spapi.MessageKind(m.Kind), Text: m.Text, Attachments: atts})
	switch {
	case err == nil:
		res.Status, res.RequestID = store.StatusSent, sent.RequestID
		if err := s.store.MarkSent(keep, m.ID, sent.RequestID); err != nil {
			return res, err
		}
		_ = s.store.DeleteDraft(keep, m.OrderID, m.Kind) // the message is sent; a stale draft only clutters
		return res, nil
	case errors.Is(err, spapi.ErrOutcomeUnknown):
		res.Status, res.Explanation = store.StatusUnknown, ErrorText(err)
		var ou *spapi.OutcomeUnknownError
		if errors.As(err, &ou) {
			res.RequestID = ou.RequestID
		}
		if merr := s.store.MarkUnknown(keep, m.ID, res.Explanation.Encode()); merr != nil {
			return res, errors.Join(err, merr)
		}
		return res, err
	}
	return fail(err)
}

// firstBlock is the rule of the first block finding.
func firstBlock(r policy.Result) string {
	for _, f := range r.Findings {
		if f.Severity >= policy.Block {
			return f.Rule
		}
	}
	return ""
}

// messageLang is the language the text is written in: detected, or the buyer's.
func messageLang(r policy.Result, buyerLocale string) string {
	if r.Language.Code != "" {
		return r.Language.Code
	}
	l, _, _ := strings.Cut(strings.ReplaceAll(buyerLocale, "_", "-"), "-")
	return strings.ToLower(l)
}

// attachment is a file read into memory, with its hash.
type attachment struct {
	name, contentType, sha256 string
	data                      []byte
}

// readAttachments loads the files, refusing more than Amazon takes.
func readAttachments(in []AttachmentFile) ([]attachment, error) {
	if len(in) > 5 {
		return nil, refusal(ErrAttachments, "refusal.attachments.toomany", "N", strconv.Itoa(len(in)))
	}
	out := make([]attachment, 0, len(in))
	for _, f := range in {
		a := attachment{name: f.Name, contentType: f.ContentType, data: f.Data}
		if a.name == "" {
			a.name = filepath.Base(f.Path)
		}
		if a.data == nil {
			data, err := readFile(f.Path)
			if err != nil {
				return nil, err
			}
			a.data = data
		}
		if len(a.data) > MaxAttachmentBytes {
			return nil, refusal(ErrAttachments, "refusal.attachments.toolarge", "Name", a.name)
		}
		if a.contentType == "" {
			a.contentType = mime.TypeByExtension(strings.ToLower(filepath.Ext(a.name)))
		}
		if a.contentType == "" {
			a.contentType = http.DetectContentType(a.data)
		}
		sum := sha256.Sum256(a.data)
		a.sha256 = hex.EncodeToString(sum[:])
		out = append(out, a)
	}
	return out, nil
}

// readFile reads at most MaxAttachmentBytes+1 bytes, with a clear error.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, refusal(ErrAttachments, "refusal.attachments.missing", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, refusal(ErrAttachments, "refusal.attachments.denied", "Path", path)
	case err != nil:
		return nil, refusal(ErrAttachments, "refusal.attachments.unreadable", "Path", path)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxAttachmentBytes+1))
	if err != nil {
		return nil, refusal(ErrAttachments, "refusal.attachments.unreadable", "Path", path)
	}
	return data, nil
}

// pendingAttachments stands in for uploads not made yet, so Amazon's rules
// on attachments can be checked before anything is uploaded.
func pendingAttachments(files []attachment) []spapi.Attachment {
	out := make([]spapi.Attachment, len(files))
	for i, f := range files {
		out[i] = spapi.Attachment{UploadDestinationID: "pending", FileName: f.name}
	}
	return out
}
