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
)

// sendReply is Send for an answer to a buyer message: the same compliance
// check and the same outbox as every message, then the seller's SMTP to
// the buyer's alias instead of the API.
func (s *Service) sendReply(ctx context.Context, req SendRequest, lang i18n.Lang) (SendResult, error) {
	var res SendResult
	fail := func(err error) (SendResult, error) {
		res.Explanation = ErrorText(err)
		return res, err
	}
	in, err := s.store.GetInbox(ctx, req.ReplyTo)
	if err != nil {
		return fail(err)
	}
	if in.Kind != string(relay.KindBuyer) || in.ReplyTo == "" {
		return fail(refusal(ErrKindNotSendable, "refusal.reply.notbuyer"))
	}
	if in.OrderID == "" {
		return fail(refusal(ErrKindNotSendable, "refusal.reply.noorder"))
	}
	if req.OrderID != "" && req.OrderID != in.OrderID {
		return fail(refusal(ErrKindNotSendable, "refusal.reply.otherorder", "Order", in.OrderID))
	}
	d, err := s.OrderDetail(ctx, in.OrderID)
	if err != nil {
		return fail(err)
	}
	if d.BuyerLocale == "" && in.Lang != "" {
		d.BuyerLocale = in.Lang
	}
	res.Check = s.Check(req.Text, policy.KindReply, d, lang)
	if res.Check.Blocked() {
		r := refusal(ErrBlocked, "refusal.blocked", "Rule", firstBlock(res.Check))
		r.Check = &res.Check
		return fail(r)
	}
	if strings.TrimSpace(req.Text) == "" {
		return fail(refusal(ErrKindNotSendable, "refusal.reply.empty"))
	}
	files, err := readAttachments(req.Attachments)
	if err != nil {
		return fail(err)
	}
	total := 0
	for _, f := range files {
		total += len(f.data)
	}
	if total > MaxAttachmentBytes {
		return fail(refusal(ErrAttachments, "refusal.attachments.toolarge", "Name", files[len(files)-1].name))
	}
	a, err := s.mailAccount(ctx)
	if err != nil {
		return fail(err)
	}
	if req.DryRun {
		return res, nil
	}
	m := store.Message{OrderID: d.Order.OrderID, MarketplaceID: d.Order.MarketplaceID, Kind: string(policy.KindReply),
		Lang: messageLang(res.Check, d.BuyerLocale), Text: req.Text, FindingsJSON: findingsJSON(res.Check)}
	for _, f := range files {
		m.Attachments = append(m.Attachments, store.Attachment{Name: f.name, SHA256: f.sha256})
	}
	id, err := s.store.EnqueueMailReply(ctx, m, store.MailReply{InboxID: in.ID, To: in.ReplyTo,
		Subject: replySubject(in.Subject, in.OrderID), MailMessageID: mailbox.NewMessageID(a.Sender)})
	if err != nil {
		return fail(err)
	}
	m.ID, res.ID = id, id
	return s.deliver(ctx, m, files, res)
}

// replySubject keeps the thread's subject with one "Re:" and the order ID.
func replySubject(subject, orderID string) string {
	s := strings.TrimSpace(subject)
	for {
		l := strings.ToLower(s)
		cut := false
		for _, p := range []string{"re:", "aw:", "res:", "fwd:", "wg:"} {
			if strings.HasPrefix(l, p) {
				s, cut = strings.TrimSpace(s[len(p):]), true
			}
		}
		if !cut {
			break
		}
	}
	if orderID != "" && !strings.Contains(s, orderID) {
		s += " (" + orderID + ")"
	}
	return "Re: " + s
}

// deliverMail sends a queued reply over SMTP, recording each step before
// the next: sending is committed before the SMTP transaction starts, a
// connection lost after the mail was handed over is unknown and never sent
// again on its own.
func (s *Service) deliverMail(ctx context.Context, m store.Message, files []attachment, res SendResult) (SendResult, error) {
	keep := context.WithoutCancel(ctx)
	fail := func(err error) (SendResult, error) {
		res.Status, res.Explanation = store.StatusFailed, ErrorText(err)
		if merr := s.store.MarkFailed(keep, m.ID, res.Explanation.Encode()); merr != nil {
			return res, errors.Join(err, merr)
		}
		return res, err
	}
	r, err := s.store.GetMailReply(ctx, m.ID)
	if err != nil {
		return fail(err)
	}
	if len(m.Attachments) > 0 && len(files) == 0 {
		return fail(refusal(ErrAttachments, "refusal.attachments.notkept"))
	}
	in, err := s.store.GetInbox(ctx, r.InboxID)
	if err != nil {
		return fail(err)
	}
	a, err := s.mailAccount(ctx)
	if err != nil {
		return fail(err)
	}
	out := mailbox.Outgoing{MessageID: r.MailMessageID, To: r.To, Subject: r.Subject, InReplyTo: in.MessageID,
		References: appendRef(in.References, in.MessageID), Text: m.Text, Date: s.now()}
	for _, f := range files {
		out.Files = append(out.Files, mailbox.File{Name: f.name, ContentType: f.contentType, Data: f.data})
	}
	data, err := mailbox.Compose(a.Sender, out)
	if err != nil {
		return fail(err)
	}
	if err := s.store.MarkSending(ctx, m.ID); err != nil {
		res.Explanation = ErrorText(err)
		return res, err
	}
	err = mailbox.Send(ctx, a, r.To, data)
	switch {
	case err == nil:
		res.Status, res.RequestID = store.StatusSent, r.MailMessageID
		if err := s.store.MarkSent(keep, m.ID, r.MailMessageID); err != nil {
			return res, err
		}
		_ = s.store.MarkAnswered(keep, in.ID, s.now())
		_ = s.store.DeleteDraft(keep, m.OrderID, m.Kind)
		return res, nil
	case errors.Is(err, mailbox.ErrOutcomeUnknown):
		res.Status, res.Explanation = store.StatusUnknown, ErrorText(err)
		if merr := s.store.MarkUnknown(keep, m.ID, res.Explanation.Encode()); merr != nil {
			return res, errors.Join(err, merr)
		}
		return res, fmt.Errorf("%w: %w", ErrOutcomeUnknown, err)
	}
	return fail(err)
}

func appendRef(refs []string, id string) []string {
	out := append([]string(nil), refs...)
	if id != "" && !containsString(out, id) {
		out = append(out, id)
	}
	return out
}
