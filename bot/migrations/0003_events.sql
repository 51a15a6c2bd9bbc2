-- Dates set by the coordinators in Telegram, beside the series in knowledge/events/.
-- Times are local wall times in TIMEZONE (so a daylight-saving change never moves them).
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    series     TEXT,                    -- id of a knowledge/events file; NULL: a date of its own
    entry_id   TEXT,                    -- knowledge entry it concerns (network, program); or NULL
    title      TEXT,                    -- the coordinator's title, only for a date of its own
    day        TEXT    NOT NULL,        -- YYYY-MM-DD, local
    start_time TEXT,                    -- HH:MM, local; NULL: all day
    place      TEXT,
    note       TEXT,
    status     TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
    revision   INTEGER NOT NULL DEFAULT 0,  -- counts changes (iCalendar SEQUENCE)
    created_at TEXT    NOT NULL,        -- ISO 8601, UTC
    updated_at TEXT    NOT NULL
);
CREATE INDEX events_day ON events (day);

-- What a user follows: an entry id (network or program) or '*' for everything. Personal data
-- kept minimal: the user id, what, and since when (reminders due before that are not owed).
CREATE TABLE subscriptions (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target  TEXT    NOT NULL,
    since   TEXT    NOT NULL,           -- ISO 8601, UTC
    PRIMARY KEY (user_id, target)
) WITHOUT ROWID;
CREATE INDEX subscriptions_target ON subscriptions (target);

-- Per subscriber: the lead times for all their subscriptions, and the language reminders are
-- written in (the locale decided when they last managed them: Telegram's language_code is not
-- stored, and a job has no update to read it from).
CREATE TABLE subscribers (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    locale  TEXT    NOT NULL,
    leads   TEXT    NOT NULL            -- comma-separated: '7d', '3d', '1d', 'morning', '1h'
);

-- Every reminder and notice to one user, recorded BEFORE it is sent: at most once, even
-- across a crash (Telegram has no idempotency key). item: '<occurrence>|<lead>', 'notice:<id>'.
CREATE TABLE reminder_deliveries (
    user_id INTEGER NOT NULL,
    item    TEXT    NOT NULL,
    state   TEXT    NOT NULL
            CHECK (state IN ('pending', 'sent', 'late', 'dropped', 'blocked', 'failed')),
    at      TEXT    NOT NULL,           -- ISO 8601, UTC
    PRIMARY KEY (user_id, item)
) WITHOUT ROWID;
CREATE INDEX reminder_deliveries_at ON reminder_deliveries (at);

-- Changes subscribers must hear about; done = 1 once every subscriber was handled.
CREATE TABLE event_notices (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events (id),
    change     TEXT    NOT NULL CHECK (change IN ('added', 'changed', 'cancelled')),
    created_at TEXT    NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0
);
