-- Keeping the knowledge true (issue 15).
-- A coordinator's quick fix of one fact of an entry (an amount, a date, a German text): used
-- at once on top of knowledge/ and written as a patch a maintainer merges. `old` is the value
-- it replaced: once knowledge/ no longer holds that value (the patch was merged, or the file
-- changed otherwise), the fix is retired and the file wins.
CREATE TABLE knowledge_overrides (
    id          INTEGER PRIMARY KEY,
    entry_id    TEXT    NOT NULL,
    field       TEXT    NOT NULL,           -- amounts.KEY | dates.KEY | text.LANG.FIELD
    value       TEXT    NOT NULL,           -- euros as digits, an ISO date, or the text
    year        INTEGER,                    -- an amount set anew every year: the year it holds for
    old         TEXT    NOT NULL,           -- the value before, as stored in `value`
    who         TEXT    NOT NULL,           -- the coordinator's name, for the patch
    who_id      INTEGER NOT NULL,           -- and Telegram id, for accountability
    made_at     TEXT    NOT NULL,           -- ISO 8601, UTC
    retired_at  TEXT,                       -- NULL: in use
    retired_why TEXT
);

-- The weekly message of what is due for review: one row per week and coordinator, written
-- just before it is sent, so it goes out at most once (a restart never repeats it).
CREATE TABLE review_notices (
    week    TEXT    NOT NULL,               -- ISO week, e.g. 2026-W49
    chat_id INTEGER NOT NULL,
    items   INTEGER NOT NULL,
    state   TEXT    NOT NULL DEFAULT 'sending' CHECK (state IN ('sending', 'sent', 'failed')),
    at      TEXT    NOT NULL,
    PRIMARY KEY (week, chat_id)
) WITHOUT ROWID;
