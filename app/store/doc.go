// Package store keeps Sellermail's local data in one SQLite file: the account
// profile, orders and their items, per-order facts, drafts, the outbox of
// messages, review requests, user templates and the sync cursors.
//
// The file is opened in WAL mode with synchronous=FULL: every commit reaches
// the disk before it returns, so not even a power loss undoes one (a lost
// "sending" mark could let a message go out twice), and a crashed or killed
// process never corrupts the file. Writes are rare enough not to notice.
// All writes go through a single connection; reads use a small separate pool
// so the window stays responsive while a sync is writing.
//
// Text is validated at the API boundary: any string that is not valid UTF-8
// is rejected with an error wrapping ErrInvalidUTF8 that names the field, and
// nothing is written. Strings decoded from JSON or typed in the UI are always
// valid, so such an error always points at a bug upstream rather than at data
// a seller could lose.
//
// Times are stored as UTC Unix milliseconds; a zero time.Time means unknown.
package store
