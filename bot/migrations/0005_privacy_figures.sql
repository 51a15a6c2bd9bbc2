-- Evaluation figures and privacy by design (issue 7).

-- When the short privacy notice was shown (once, at the first contact).
ALTER TABLE users ADD COLUMN privacy_noticed_at TEXT;

-- One follow-up per referral to an office or program: "did you contact them, did it help?"
-- No Telegram id: the job finds the recipient by recomputing the pseudonym of the known users
-- (see bot/followup.py). The row is written BEFORE the question is sent (at most once).
CREATE TABLE followups (
    referral_id INTEGER PRIMARY KEY REFERENCES referrals (id) ON DELETE CASCADE,
    user_key    TEXT    NOT NULL,
    entry_id    TEXT    NOT NULL,
    asked_at    TEXT    NOT NULL,            -- ISO 8601, UTC
    status      TEXT    NOT NULL CHECK (
        status IN ('asked', 'answered', 'skipped', 'unreachable', 'failed')),
    contacted   INTEGER,                      -- 1 / 0 once answered
    helped      INTEGER,                      -- 1 / 0; NULL if they did not contact the office
    answered_at TEXT
);
CREATE INDEX followups_user ON followups (user_key, entry_id);
