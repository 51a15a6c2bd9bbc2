-- Reminders are sent in small batches: a batch is marked 'sending' just before it goes out
-- and gets its outcomes just after. A batch found 'sending' at start-up was cut off by a
-- crash; it becomes 'unknown' and is not repeated (at most once: Telegram has no
-- idempotency key, so a repeat could be a duplicate).
CREATE TABLE reminder_deliveries_new (
    user_id INTEGER NOT NULL,
    item    TEXT    NOT NULL,
    state   TEXT    NOT NULL
            CHECK (state IN ('pending', 'sending', 'sent', 'late', 'dropped', 'blocked',
                             'failed', 'unknown')),
    at      TEXT    NOT NULL,           -- ISO 8601, UTC
    PRIMARY KEY (user_id, item)
) WITHOUT ROWID;
INSERT INTO reminder_deliveries_new (user_id, item, state, at)
    SELECT user_id, item, state, at FROM reminder_deliveries;
DROP TABLE reminder_deliveries;
ALTER TABLE reminder_deliveries_new RENAME TO reminder_deliveries;
CREATE INDEX reminder_deliveries_at ON reminder_deliveries (at);
