-- Full-text search over order IDs and product titles, and over message text.

-- One row per order (rowid = orders.id); products holds every item's title,
-- SKU and ASIN so one query finds an order by any of them.
CREATE VIRTUAL TABLE orders_fts USING fts5 (order_id, products, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO orders_fts (rowid, order_id, products)
SELECT o.id, o.order_id,
       coalesce((SELECT group_concat(i.title || ' ' || i.sku || ' ' || i.asin, ' ')
                 FROM order_items i WHERE i.order_rowid = o.id), '')
FROM orders o;

CREATE TRIGGER orders_fts_insert AFTER INSERT ON orders BEGIN
    INSERT INTO orders_fts (rowid, order_id, products) VALUES (NEW.id, NEW.order_id, '');
END;

CREATE TRIGGER orders_fts_delete AFTER DELETE ON orders BEGIN
    DELETE FROM orders_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER order_items_fts_insert AFTER INSERT ON order_items BEGIN
    UPDATE orders_fts SET products = coalesce((
        SELECT group_concat(title || ' ' || sku || ' ' || asin, ' ')
        FROM order_items WHERE order_rowid = NEW.order_rowid), '')
    WHERE rowid = NEW.order_rowid;
END;

CREATE TRIGGER order_items_fts_delete AFTER DELETE ON order_items BEGIN
    UPDATE orders_fts SET products = coalesce((
        SELECT group_concat(title || ' ' || sku || ' ' || asin, ' ')
        FROM order_items WHERE order_rowid = OLD.order_rowid), '')
    WHERE rowid = OLD.order_rowid;
END;

-- Messages: external-content index, so the text is stored only once.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    text, order_id, content = 'messages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text, order_id) VALUES (NEW.id, NEW.text, NEW.order_id);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text, order_id) VALUES ('delete', OLD.id, OLD.text, OLD.order_id);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, order_id ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text, order_id) VALUES ('delete', OLD.id, OLD.text, OLD.order_id);
    INSERT INTO messages_fts (rowid, text, order_id) VALUES (NEW.id, NEW.text, NEW.order_id);
END;
