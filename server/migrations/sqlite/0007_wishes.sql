-- Micro-wishes (微心愿): wishes, their claims by volunteers, their history, and what staff
-- set per community (SQLite).

-- What staff set; a community without a row has the defaults.
CREATE TABLE wish_rules (
    community_id  BIGINT  PRIMARY KEY REFERENCES communities (id),
    claim_days    BIGINT  NOT NULL CHECK (claim_days BETWEEN 1 AND 60)
);

CREATE TABLE wishes (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    -- The resident it is for; none when staff posted it for someone without the app.
    wisher_id     BIGINT  REFERENCES users (id),
    wisher_name   TEXT    NOT NULL,
    wisher_phone  TEXT,
    household_id  BIGINT  REFERENCES households (id),
    -- Who typed it: the wisher, a family member for them, or staff.
    posted_by     BIGINT  NOT NULL REFERENCES users (id),
    what          TEXT    NOT NULL,
    why           TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    photo_id      BIGINT  REFERENCES uploads (id),
    -- The community's calendar date, YYYY-MM-DD.
    wanted_by     TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    -- Why it was declined, taken down or withdrawn.
    reason        TEXT,
    thanks        TEXT,
    posted_at     BIGINT  NOT NULL,
    closed_at     BIGINT
);
CREATE INDEX wishes_board ON wishes (community_id, state);
CREATE INDEX wishes_of_wisher ON wishes (wisher_id);

-- Each time a volunteer takes a wish on. One live claim per wish: the partial unique
-- index is the rule, however many volunteers tap at the same moment.
CREATE TABLE wish_claims (
    id            INTEGER PRIMARY KEY,
    wish_id       BIGINT  NOT NULL REFERENCES wishes (id),
    claimer_id    BIGINT  NOT NULL REFERENCES users (id),
    claimer_name  TEXT    NOT NULL,
    organisation  TEXT,
    claimed_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    reminded_at   BIGINT,
    note          TEXT,
    note_photo_id BIGINT  REFERENCES uploads (id),
    minutes       BIGINT,
    fulfilled_at  BIGINT,
    -- released, expired, withdrawn or confirmed; set when the claim ends.
    outcome       TEXT,
    ended_at      BIGINT
);
CREATE UNIQUE INDEX wish_claims_one_live ON wish_claims (wish_id) WHERE ended_at IS NULL;
CREATE INDEX wish_claims_of_claimer ON wish_claims (claimer_id);
CREATE INDEX wish_claims_running ON wish_claims (ended_at, expires_at);

CREATE TABLE wish_events (
    id          INTEGER PRIMARY KEY,
    wish_id     BIGINT  NOT NULL REFERENCES wishes (id),
    kind        TEXT    NOT NULL,
    -- None for what the clock did.
    actor_id    BIGINT  REFERENCES users (id),
    actor_name  TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    at          BIGINT  NOT NULL
);
CREATE INDEX wish_events_of_wish ON wish_events (wish_id, id);
