-- The directory of migrant organisations (issue 7, seed 002 §2 and §3.2) and the
-- satisfaction survey among them.

-- One entry per organisation, managed by the board member who registered it (owner_id: the
-- contact the survey and directory broadcasts reach). Multi-valued fields are comma-separated
-- ids (topics: knowledge/topics.toml; languages: bot languages or 'other'; needs: 1…5).
CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    owner_id    INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    legal_form  TEXT    NOT NULL CHECK (legal_form IN ('ev', 'initiative', 'other')),
    district    TEXT    NOT NULL,
    topics      TEXT    NOT NULL,
    languages   TEXT    NOT NULL,
    size        TEXT    NOT NULL,
    own_rooms   INTEGER NOT NULL CHECK (own_rooms IN (0, 1)),
    needs       TEXT    NOT NULL DEFAULT '',
    networking  INTEGER NOT NULL CHECK (networking IN (0, 1)),
    created_at  TEXT    NOT NULL,         -- ISO 8601, UTC
    updated_at  TEXT    NOT NULL
);
CREATE INDEX organisations_district ON organisations (district);

-- A satisfaction survey a coordinator started.
CREATE TABLE surveys (
    id         INTEGER PRIMARY KEY,
    created_at TEXT    NOT NULL,
    created_by INTEGER NOT NULL
);

-- Who was asked: one row per organisation and survey, so nobody is asked twice. Needed to
-- know whom to ask and whether they already answered; the answers do not refer to it.
CREATE TABLE survey_invites (
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL,
    state     TEXT    NOT NULL DEFAULT 'asked' CHECK (state IN ('asked', 'answered', 'failed')),
    PRIMARY KEY (survey_id, user_id)
) WITHOUT ROWID;

-- The answers, under a keyed pseudonym of the respondent (never the Telegram id).
CREATE TABLE survey_answers (
    survey_id  INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    respondent TEXT    NOT NULL,
    question   TEXT    NOT NULL,
    scale      INTEGER CHECK (scale BETWEEN 1 AND 5),
    text       TEXT,
    PRIMARY KEY (survey_id, respondent, question)
) WITHOUT ROWID;
