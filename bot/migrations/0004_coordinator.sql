-- The coordinator desk (issue 6): roles audit, broadcasts with a per-recipient outbox,
-- and the handoff inbox.

-- Telegram's language_code as last seen, so a broadcast can address users in the language
-- the bot speaks with them even if they never chose one with /language.
ALTER TABLE users ADD COLUMN telegram_language TEXT;
-- Set when Telegram answered 403 (blocked the bot, deactivated): left out of broadcasts
-- until the user writes to the bot again (then it is cleared).
ALTER TABLE users ADD COLUMN unreachable_since TEXT;

-- Who granted or revoked the coordinator role to whom, and when.
CREATE TABLE role_changes (
    id         INTEGER PRIMARY KEY,
    changed_at TEXT    NOT NULL,
    actor_id   INTEGER NOT NULL,
    target_id  INTEGER NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('grant', 'revoke'))
);

-- One announcement of the coordination office.
CREATE TABLE broadcasts (
    id                INTEGER PRIMARY KEY,
    created_at        TEXT    NOT NULL,
    created_by        INTEGER NOT NULL,       -- the coordinator; gets progress and report
    audience          TEXT    NOT NULL,       -- JSON, see bot/broadcast.py Audience
    send_at           TEXT,                   -- ISO UTC; NULL = at once
    status            TEXT    NOT NULL CHECK (
        status IN ('scheduled', 'sending', 'done', 'cancelled')),
    status_message_id INTEGER,                -- the coordinator's progress message
    finished_at       TEXT
);
CREATE INDEX broadcasts_status ON broadcasts (status);

-- The text per language; lang '' is the default version for everyone else.
CREATE TABLE broadcast_texts (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    lang         TEXT    NOT NULL,
    text         TEXT    NOT NULL,            -- Telegram HTML, as the coordinator wrote it
    PRIMARY KEY (broadcast_id, lang)
);

-- The durable delivery record, one row per recipient. A row is 'sending' only while its
-- request is in flight: after a crash those (and only those) may reach someone twice.
CREATE TABLE outbox (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    chat_id      INTEGER NOT NULL,
    lang         TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (
        status IN ('pending', 'sending', 'sent', 'blocked', 'failed', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_try_at  REAL    NOT NULL DEFAULT 0,  -- unix time; retries wait until then
    reason       TEXT,                        -- Telegram's description for blocked/failed
    updated_at   TEXT,
    PRIMARY KEY (broadcast_id, chat_id)
);
CREATE INDEX outbox_due ON outbox (status, next_try_at);

-- The handoff inbox: who may see the name, the answer, and which coordinator message
-- belongs to which question (so a reply to it reaches the member).
ALTER TABLE open_questions ADD COLUMN shared_name TEXT;   -- NULL: shown under a pseudonym
ALTER TABLE open_questions ADD COLUMN notified_at TEXT;
ALTER TABLE open_questions ADD COLUMN answer TEXT;
ALTER TABLE open_questions ADD COLUMN answered_at TEXT;
ALTER TABLE open_questions ADD COLUMN answered_by INTEGER;

CREATE TABLE inbox_messages (
    chat_id          INTEGER NOT NULL,
    message_id       INTEGER NOT NULL,
    open_question_id INTEGER NOT NULL REFERENCES open_questions (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
);
