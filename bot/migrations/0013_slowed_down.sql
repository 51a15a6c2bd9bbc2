-- Issue 14: how often a member was asked to slow down (over USER_MESSAGES_PER_MINUTE), a
-- count per day (UTC) for the figures; no id, no pseudonym.
CREATE TABLE slowed_down (
    day     TEXT    PRIMARY KEY,        -- YYYY-MM-DD
    notices INTEGER NOT NULL
) WITHOUT ROWID;
