package app

import (
	"context"
	"io"

	"sellermail/app/i18n"
	"sellermail/app/store"
)

// History lists sent and unsent messages matching f, newest first. f.Search
// finds words in the text or the order ID.
func (s *Service) History(ctx context.Context, f store.HistoryFilter) ([]store.Message, error) {
	return s.store.ListHistory(ctx, f)
}

// ExportHistoryCSV writes the messages matching f (all of them when f.Limit
// is 0) to w as CSV, for a spreadsheet, with their reasons in lang.
func (s *Service) ExportHistoryCSV(ctx context.Context, w io.Writer, f store.HistoryFilter, lang i18n.Lang) error {
	return s.store.ExportHistoryCSV(ctx, w, f, func(r string) string { return StoredReason(r, lang) })
}

// Message returns one message of the outbox or history.
func (s *Service) Message(ctx context.Context, id int64) (store.Message, error) {
	return s.store.GetMessage(ctx, id)
}
