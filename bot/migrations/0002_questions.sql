-- The evaluation log: every question, what matched, referrals and buttons pressed.
-- user_key is a keyed hash of the Telegram id, never the id itself.
CREATE TABLE questions (
    id        INTEGER PRIMARY KEY,
    asked_at  TEXT    NOT NULL,
    user_key  TEXT    NOT NULL,
    locale    TEXT    NOT NULL,
    text      TEXT,                                  -- removed after the retention period
    outcome   TEXT    NOT NULL CHECK (outcome IN ('answered', 'unsure', 'no_match'))
);
CREATE INDEX questions_asked_at ON questions (asked_at);

CREATE TABLE question_matches (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    rank        INTEGER NOT NULL,
    entry_id    TEXT    NOT NULL,
    score       REAL    NOT NULL,
    PRIMARY KEY (question_id, rank)
);

-- A referral: the bot pointed someone to a program, office, network or FAQ entry.
CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    referred_at TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    question_id INTEGER REFERENCES questions (id) ON DELETE SET NULL,
    entry_id    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    via         TEXT    NOT NULL CHECK (via IN ('answer', 'button', 'browse'))
);
CREATE INDEX referrals_entry ON referrals (entry_id);

-- Buttons pressed on an answer ("not what I meant", another candidate, hand over).
CREATE TABLE question_actions (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    acted_at    TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    entry_id    TEXT
);

-- Questions passed to the coordination office. user_id is kept so the answer can be delivered.
CREATE TABLE open_questions (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER REFERENCES questions (id) ON DELETE SET NULL,
    user_id     INTEGER NOT NULL,
    locale      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered'))
);
