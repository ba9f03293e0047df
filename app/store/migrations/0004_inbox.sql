-- The inbox: buyers' messages read from the seller's mailbox over IMAP, the
-- mailbox's settings (never its password, which lives in the keyring), how
-- far each folder has been read, and which sent messages went by mail.
-- Every statement is IF NOT EXISTS, so running it again over a migrated file
-- (a file whose user_version was set back) changes nothing.

CREATE TABLE IF NOT EXISTS mail_accounts (
    profile    TEXT PRIMARY KEY,
    imap_host  TEXT NOT NULL,
    imap_port  INTEGER NOT NULL,
    imap_tls   TEXT NOT NULL,
    smtp_host  TEXT NOT NULL,
    smtp_port  INTEGER NOT NULL,
    smtp_tls   TEXT NOT NULL,
    username   TEXT NOT NULL,
    sender     TEXT NOT NULL,
    folders    TEXT NOT NULL, -- JSON array of folder names
    updated_at INTEGER NOT NULL
);

-- One row per folder and UIDVALIDITY: a new UIDVALIDITY starts again at 0.
CREATE TABLE IF NOT EXISTS mail_folders (
    folder      TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL,
    checked_at  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS inbox (
    id                INTEGER PRIMARY KEY,
    folder            TEXT NOT NULL,
    uidvalidity       INTEGER NOT NULL,
    uid               INTEGER NOT NULL,
    dedup_key         TEXT NOT NULL UNIQUE, -- one row for every delivery of a message
    message_id        TEXT NOT NULL,
    refs              TEXT NOT NULL,        -- JSON array of Message-IDs it answers
    kind              TEXT NOT NULL CHECK (kind IN ('buyer', 'copy', 'bounce', 'notice', 'unplaced')),
    notification_type TEXT NOT NULL,
    received_at       INTEGER NOT NULL,
    subject           TEXT NOT NULL,
    buyer_name        TEXT NOT NULL,
    reply_to          TEXT NOT NULL,
    buyer             TEXT NOT NULL,
    marketplace_id    TEXT NOT NULL,
    order_id          TEXT NOT NULL,
    other_orders      TEXT NOT NULL,        -- JSON array
    text              TEXT NOT NULL,
    lang              TEXT NOT NULL,
    attachments       TEXT NOT NULL,        -- JSON array of {name, contentType, size}
    problems          TEXT NOT NULL,        -- JSON array
    bounce_for        TEXT NOT NULL,
    answered_at       INTEGER,              -- when a reply to it was sent
    UNIQUE (folder, uidvalidity, uid)
);
CREATE INDEX IF NOT EXISTS inbox_by_date ON inbox (received_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS inbox_by_order ON inbox (order_id, received_at);
CREATE INDEX IF NOT EXISTS inbox_unanswered ON inbox (received_at DESC) WHERE kind = 'buyer' AND answered_at IS NULL;

CREATE VIRTUAL TABLE IF NOT EXISTS inbox_fts USING fts5 (
    text, subject, order_id, buyer_name, content = 'inbox', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER IF NOT EXISTS inbox_fts_insert AFTER INSERT ON inbox BEGIN
    INSERT INTO inbox_fts (rowid, text, subject, order_id, buyer_name) VALUES (NEW.id, NEW.text, NEW.subject, NEW.order_id, NEW.buyer_name);
END;

CREATE TRIGGER IF NOT EXISTS inbox_fts_delete AFTER DELETE ON inbox BEGIN
    INSERT INTO inbox_fts (inbox_fts, rowid, text, subject, order_id, buyer_name) VALUES ('delete', OLD.id, OLD.text, OLD.subject, OLD.order_id, OLD.buyer_name);
END;

-- A message of the outbox that goes by mail: the buyer message it answers,
-- the alias, and the Message-ID, fixed before the SMTP transaction so a
-- bounce can be matched to it.
CREATE TABLE IF NOT EXISTS mail_replies (
    message_id      INTEGER PRIMARY KEY REFERENCES messages (id),
    inbox_id        INTEGER NOT NULL REFERENCES inbox (id),
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    mail_message_id TEXT NOT NULL UNIQUE,
    bounce_id       INTEGER REFERENCES inbox (id)
);
CREATE INDEX IF NOT EXISTS mail_replies_by_inbox ON mail_replies (inbox_id);
