-- Trainings and workshops of the coordination office (issue 16, seed 002 §3.2:
-- "Qualifizierungsreihen", "Multiplikatorinnen- und Multiplikatorenschulung"; §3.3: the
-- "durchgeführte Qualifizierungsangebote" it reports).

-- One training or workshop. Times are local wall times in TIMEZONE; starts_at is the same
-- instant in UTC, for comparisons in SQL.
CREATE TABLE trainings (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('training', 'workshop')),
    topic          TEXT    NOT NULL,         -- an id of knowledge/topics.toml
    day            TEXT    NOT NULL,         -- YYYY-MM-DD, local
    start_time     TEXT    NOT NULL,         -- HH:MM, local
    starts_at      TEXT    NOT NULL,         -- ISO 8601, UTC
    place          TEXT,                     -- an address or room …
    online_url     TEXT,                     -- … or a link (one of the two is set)
    capacity       INTEGER NOT NULL CHECK (capacity > 0),
    signup_until   TEXT    NOT NULL,         -- YYYY-MM-DD, local, inclusive
    status         TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
    attended_count INTEGER CHECK (attended_count >= 0),  -- a count entered instead of marks
    attendance_at  TEXT,                     -- when attendance was last recorded
    created_by     INTEGER NOT NULL,         -- the coordinator; 0 after their /deletemydata
    created_at     TEXT    NOT NULL
);
CREATE INDEX trainings_day ON trainings (day);

-- Its title per language; lang '' is the default version for every other language.
CREATE TABLE training_titles (
    training_id INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    lang        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    PRIMARY KEY (training_id, lang)
) WITHOUT ROWID;

-- One seat (or a place on the waiting list) per person and training. user_id and name are
-- needed to message them and to mark attendance; after /deletemydata both are NULL and the
-- row stays as an anonymous count (org_id is the directory entry's number at sign-up, no
-- foreign key, so a deleted entry leaves the count of organisations reached intact).
CREATE TABLE training_seats (
    id           INTEGER PRIMARY KEY,
    training_id  INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    user_id      INTEGER,
    name         TEXT,                       -- shown to coordinators for the attendance list
    org_id       INTEGER,                    -- the member's directory entry, if they have one
    status       TEXT    NOT NULL CHECK (status IN ('booked', 'waiting', 'cancelled')),
    attended     INTEGER CHECK (attended IN (0, 1)),
    signed_up_at TEXT    NOT NULL,           -- ISO 8601, UTC: the order of the waiting list
    updated_at   TEXT    NOT NULL,
    UNIQUE (training_id, user_id)
);
CREATE INDEX training_seats_user ON training_seats (user_id);

-- Every reminder or notice to a participant, recorded before it is sent (at most once).
-- item: 'remind:1d', 'moved_up:<n>', 'cancelled'.
CREATE TABLE training_messages (
    training_id INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    item        TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
    at          TEXT    NOT NULL,
    PRIMARY KEY (training_id, user_id, item)
) WITHOUT ROWID;

-- A broadcast that announces a training carries its sign-up button.
ALTER TABLE broadcasts ADD COLUMN training_id INTEGER REFERENCES trainings (id);
