-- Problem reports (报事报修): where each category goes per community, the cases, their
-- photos, neighbours' "me too", and each case's handling record (SQLite).

-- What staff set; a community without rows has the defaults (linli_api's Route::default_for).
CREATE TABLE report_routes (
    community_id           BIGINT  NOT NULL REFERENCES communities (id),
    category               TEXT    NOT NULL,
    party                  TEXT    NOT NULL,
    pool                   TEXT,
    accept_within_minutes  BIGINT  NOT NULL CHECK (accept_within_minutes > 0),
    PRIMARY KEY (community_id, category)
);

CREATE TABLE report_rules (
    community_id  BIGINT  PRIMARY KEY REFERENCES communities (id),
    reopen_days   BIGINT  NOT NULL CHECK (reopen_days > 0)
);

CREATE TABLE reports (
    id                     INTEGER PRIMARY KEY,
    community_id           BIGINT  NOT NULL REFERENCES communities (id),
    reporter_id            BIGINT  NOT NULL REFERENCES users (id),
    -- Who typed it: the reporter, or a family member for them.
    reported_by            BIGINT  NOT NULL REFERENCES users (id),
    household_id           BIGINT  REFERENCES households (id),
    category               TEXT    NOT NULL,
    location               TEXT    NOT NULL,
    description            TEXT    NOT NULL,
    public                 BIGINT  NOT NULL,
    state                  TEXT    NOT NULL,
    -- Where it is now: the party and pool, since when, and how soon it must be accepted.
    party                  TEXT    NOT NULL,
    pool                   TEXT,
    routed_at              BIGINT  NOT NULL,
    accept_within_minutes  BIGINT  NOT NULL,
    escalations            BIGINT  NOT NULL DEFAULT 0,
    handler_id             BIGINT  REFERENCES users (id),
    merged_into            BIGINT  REFERENCES reports (id),
    rating_stars           BIGINT  CHECK (rating_stars BETWEEN 1 AND 5),
    rating_comment         TEXT,
    submitted_at           BIGINT  NOT NULL,
    accepted_at            BIGINT,
    resolved_at            BIGINT,
    confirmed_at           BIGINT
);
CREATE INDEX reports_of_community ON reports (community_id, state, submitted_at);
CREATE INDEX reports_of_reporter ON reports (reporter_id);
CREATE INDEX reports_waiting ON reports (state, routed_at);

-- The reporter's photos (resolution photos are the handler's, in the record).
CREATE TABLE report_photos (
    report_id  BIGINT  NOT NULL REFERENCES reports (id),
    position   BIGINT  NOT NULL,
    upload_id  BIGINT  NOT NULL REFERENCES uploads (id),
    PRIMARY KEY (report_id, position)
);

-- "Me too" from neighbours: one per person and case, however often they tap.
CREATE TABLE report_seconds (
    report_id  BIGINT  NOT NULL REFERENCES reports (id),
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    at         BIGINT  NOT NULL,
    PRIMARY KEY (report_id, user_id)
);

CREATE TABLE report_events (
    id          INTEGER PRIMARY KEY,
    report_id   BIGINT  NOT NULL REFERENCES reports (id),
    kind        TEXT    NOT NULL,
    -- None for what the clock did.
    actor_id    BIGINT  REFERENCES users (id),
    actor_name  TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    at          BIGINT  NOT NULL
);
CREATE INDEX report_events_of_report ON report_events (report_id, id);
