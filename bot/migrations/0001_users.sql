-- Users the bot has seen. The Telegram id is needed to answer and to deliver reminders;
-- evaluation figures never use it (they use a keyed pseudonym, see 0002).
CREATE TABLE users (
    id         INTEGER PRIMARY KEY,                 -- Telegram user id
    locale     TEXT,                                -- chosen with /language; NULL until chosen
    role       TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'coordinator')),
    first_seen TEXT    NOT NULL,                    -- ISO 8601, UTC
    last_seen  TEXT    NOT NULL
);

-- Small key/value settings of this installation (e.g. the generated pseudonym secret).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
