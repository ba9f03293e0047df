-- Base schema: everything except full-text search.

CREATE TABLE profiles (
    name            TEXT PRIMARY KEY,
    region          TEXT NOT NULL,
    marketplace_ids TEXT NOT NULL, -- JSON array of strings
    store_name      TEXT NOT NULL,
    updated_at      INTEGER NOT NULL
);

CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    order_id            TEXT NOT NULL UNIQUE,
    marketplace_id      TEXT NOT NULL,
    status              TEXT NOT NULL,
    purchase_date       INTEGER NOT NULL,
    last_updated        INTEGER NOT NULL,
    earliest_ship       INTEGER,
    latest_ship         INTEGER,
    earliest_delivery   INTEGER,
    latest_delivery     INTEGER,
    buyer_locale        TEXT NOT NULL DEFAULT '',
    fulfillment_channel TEXT NOT NULL DEFAULT '',
    -- Kept by triggers so list filters need no per-row subquery.
    sent_messages       INTEGER NOT NULL DEFAULT 0,
    review_requested    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX orders_by_date ON orders (purchase_date DESC, order_id DESC);
CREATE INDEX orders_by_marketplace ON orders (marketplace_id, purchase_date DESC);
CREATE INDEX orders_by_status ON orders (status, purchase_date DESC);
CREATE INDEX orders_with_messages ON orders (purchase_date DESC) WHERE sent_messages > 0;

CREATE TABLE order_items (
    order_rowid    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    asin           TEXT NOT NULL,
    sku            TEXT NOT NULL,
    title          TEXT NOT NULL,
    quantity       INTEGER NOT NULL,
    price_amount   TEXT NOT NULL, -- decimal string as Amazon sends it
    price_currency TEXT NOT NULL,
    PRIMARY KEY (order_rowid, position)
) WITHOUT ROWID;

CREATE TABLE order_facts (
    order_id                   TEXT PRIMARY KEY,
    message_kinds              TEXT,    -- JSON array; NULL = never fetched
    message_kinds_fetched_at   INTEGER,
    buyer_locale               TEXT,
    buyer_locale_fetched_at    INTEGER,
    solicitation_available     INTEGER,
    solicitation_fetched_at    INTEGER
);

CREATE TABLE drafts (
    order_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    attachments TEXT NOT NULL, -- JSON array of file paths
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (order_id, kind)
);

CREATE TABLE messages (
    id             INTEGER PRIMARY KEY,
    order_id       TEXT NOT NULL,
    marketplace_id TEXT NOT NULL,
    kind           TEXT NOT NULL,
    lang           TEXT NOT NULL,
    text           TEXT NOT NULL,
    attachments    TEXT NOT NULL, -- JSON array of {name, sha256}
    findings       TEXT NOT NULL, -- JSON as produced by the compliance check
    status         TEXT NOT NULL CHECK (status IN ('draft', 'queued', 'sending', 'sent', 'failed', 'unknown')),
    request_id     TEXT NOT NULL DEFAULT '',
    error          TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    sent_at        INTEGER
);
CREATE INDEX messages_by_order ON messages (order_id, status);
CREATE INDEX messages_by_created ON messages (created_at);
CREATE INDEX messages_pending ON messages (id) WHERE status IN ('queued', 'sending');

CREATE TABLE review_requests (
    id             INTEGER PRIMARY KEY,
    order_id       TEXT NOT NULL,
    marketplace_id TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'unknown')),
    request_id     TEXT NOT NULL DEFAULT '',
    error          TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX review_requests_by_order ON review_requests (order_id);

CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    lang        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE sync_state (
    marketplace_id     TEXT PRIMARY KEY,
    last_updated_after INTEGER,
    next_token         TEXT NOT NULL DEFAULT '',
    last_sync          INTEGER,
    status             TEXT NOT NULL DEFAULT ''
);

-- Precomputed order flags. An order can arrive after its messages (a later
-- sync), so the order insert counts what is already there.
CREATE TRIGGER orders_flags_on_insert AFTER INSERT ON orders BEGIN
    UPDATE orders SET
        sent_messages = (SELECT count(*) FROM messages WHERE order_id = NEW.order_id AND status = 'sent'),
        review_requested = EXISTS (SELECT 1 FROM review_requests WHERE order_id = NEW.order_id AND status <> 'failed')
    WHERE id = NEW.id;
END;

CREATE TRIGGER messages_count_on_insert AFTER INSERT ON messages WHEN NEW.status = 'sent' BEGIN
    UPDATE orders SET sent_messages = sent_messages + 1 WHERE order_id = NEW.order_id;
END;

CREATE TRIGGER messages_count_on_update AFTER UPDATE OF status ON messages
WHEN (OLD.status = 'sent') <> (NEW.status = 'sent') BEGIN
    UPDATE orders SET sent_messages = sent_messages + (CASE WHEN NEW.status = 'sent' THEN 1 ELSE -1 END)
    WHERE order_id = NEW.order_id;
END;

CREATE TRIGGER messages_count_on_delete AFTER DELETE ON messages WHEN OLD.status = 'sent' BEGIN
    UPDATE orders SET sent_messages = sent_messages - 1 WHERE order_id = OLD.order_id;
END;

CREATE TRIGGER review_flag_on_insert AFTER INSERT ON review_requests BEGIN
    UPDATE orders SET review_requested = EXISTS (
        SELECT 1 FROM review_requests WHERE order_id = NEW.order_id AND status <> 'failed')
    WHERE order_id = NEW.order_id;
END;

CREATE TRIGGER review_flag_on_update AFTER UPDATE OF status ON review_requests BEGIN
    UPDATE orders SET review_requested = EXISTS (
        SELECT 1 FROM review_requests WHERE order_id = NEW.order_id AND status <> 'failed')
    WHERE order_id = NEW.order_id;
END;
