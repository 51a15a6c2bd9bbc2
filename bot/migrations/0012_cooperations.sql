-- Introductions between organisations of the directory, and between an organisation and an
-- office or institution of the knowledge base (issue 16, seed 002 §3.2 "Kontaktherstellung,
-- Vernetzung"; §3.3 "entstandene neue Kooperationen").

CREATE TABLE introductions (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT    NOT NULL,         -- ISO 8601, UTC
    proposed_by    TEXT    NOT NULL CHECK (proposed_by IN ('member', 'coordinator')),
    coordinator_id INTEGER,                  -- who proposed it (hears the outcome); or NULL
    topic          TEXT,                     -- the topic both work on (topics.toml id)
    office_id      TEXT,                     -- side b is this knowledge office (no side row b)
    status         TEXT    NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'connected', 'declined', 'withdrawn')),
    connected_at   TEXT,                     -- both sides accepted
    closed_at      TEXT                      -- declined or withdrawn
);
CREATE INDEX introductions_created ON introductions (created_at);

-- One row per organisation asked. org_id is the directory entry's number (no foreign key:
-- the counts outlive the entry); user_id and contact are NULL after /deletemydata.
CREATE TABLE introduction_sides (
    introduction_id INTEGER NOT NULL REFERENCES introductions (id) ON DELETE CASCADE,
    side            TEXT    NOT NULL CHECK (side IN ('a', 'b')),
    org_id          INTEGER NOT NULL,
    user_id         INTEGER,
    answer          TEXT    CHECK (answer IN ('accepted', 'declined')),
    answered_at     TEXT,
    share           TEXT    CHECK (share IN ('telegram', 'name')),
    contact         TEXT,                    -- what they chose to share (plain text)
    followup_at     TEXT,                    -- asked once whether a cooperation came of it
    cooperation     INTEGER CHECK (cooperation IN (0, 1)),
    cooperation_at  TEXT,
    PRIMARY KEY (introduction_id, side)
) WITHOUT ROWID;
CREATE INDEX introduction_sides_user ON introduction_sides (user_id);
CREATE INDEX introduction_sides_org ON introduction_sides (org_id);
