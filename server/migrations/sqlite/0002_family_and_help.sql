-- Family links (亲情账号) and one-tap help (一键求助) (SQLite).

-- A single-use code a resident gives to a family member; grants are a comma-separated
-- list of linli_api::family::Grant wire names.
CREATE TABLE family_invites (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    resident_id   BIGINT  NOT NULL REFERENCES users (id),
    code          TEXT    NOT NULL UNIQUE,
    grants        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    used_by       BIGINT  REFERENCES users (id),
    used_at       BIGINT
);

-- One row per pair; revoking keeps the row (the history refers to it), a new code revives it.
CREATE TABLE family_links (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    resident_id   BIGINT  NOT NULL REFERENCES users (id),
    member_id     BIGINT  NOT NULL REFERENCES users (id),
    grants        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    revoked_at    BIGINT,
    UNIQUE (resident_id, member_id)
);
CREATE INDEX family_links_member ON family_links (member_id);

-- Everything done for a resident by a family member, and every change of the link.
CREATE TABLE family_activity (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    link_id       BIGINT  NOT NULL REFERENCES family_links (id),
    resident_id   BIGINT  NOT NULL REFERENCES users (id),
    member_id     BIGINT  NOT NULL REFERENCES users (id),
    kind          TEXT    NOT NULL,
    detail        TEXT    NOT NULL,
    at            BIGINT  NOT NULL
);
CREATE INDEX family_activity_resident ON family_activity (resident_id, at);
CREATE INDEX family_activity_member ON family_activity (member_id, at);

CREATE TABLE help_requests (
    id               INTEGER PRIMARY KEY,
    community_id     BIGINT  NOT NULL REFERENCES communities (id),
    resident_id      BIGINT  NOT NULL REFERENCES users (id),
    -- Names as they were when it happened, like a notice's author.
    resident_name    TEXT    NOT NULL,
    household_id     BIGINT  REFERENCES households (id),
    callback_phone   TEXT    NOT NULL,
    raised_at        BIGINT  NOT NULL,
    acknowledged_by  BIGINT  REFERENCES users (id),
    acknowledger_name TEXT,
    acknowledged_at  BIGINT,
    closed_by        BIGINT  REFERENCES users (id),
    closed_at        BIGINT
);
-- At most one request per resident is not closed: pressing twice, or on two phones at
-- once, cannot page the staff twice.
CREATE UNIQUE INDEX help_requests_one_open ON help_requests (resident_id) WHERE closed_at IS NULL;
CREATE INDEX help_requests_board ON help_requests (community_id, raised_at);
