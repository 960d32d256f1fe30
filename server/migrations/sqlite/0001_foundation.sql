-- Communities, households, accounts, sessions, invites, notices (SQLite).
-- Times are UTC milliseconds since the epoch; flags are 0/1.

CREATE TABLE communities (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    service_phone       TEXT    NOT NULL,
    utc_offset_minutes  BIGINT  NOT NULL DEFAULT 480,
    created_at          BIGINT  NOT NULL
);

CREATE TABLE buildings (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    name          TEXT    NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE units (
    id           INTEGER PRIMARY KEY,
    building_id  BIGINT  NOT NULL REFERENCES buildings (id),
    name         TEXT    NOT NULL,
    UNIQUE (building_id, name)
);

CREATE TABLE households (
    id                   INTEGER PRIMARY KEY,
    community_id         BIGINT  NOT NULL REFERENCES communities (id),
    unit_id              BIGINT  NOT NULL REFERENCES units (id),
    room                 TEXT    NOT NULL,
    floor_area_centi_m2  BIGINT  NOT NULL DEFAULT 0,
    UNIQUE (unit_id, room)
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    community_id        BIGINT  NOT NULL REFERENCES communities (id),
    household_id        BIGINT  REFERENCES households (id),
    role                TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    phone               TEXT    NOT NULL UNIQUE,
    password_hash       TEXT    NOT NULL,
    is_owner            BIGINT  NOT NULL DEFAULT 0,
    elderly_mode        BIGINT  NOT NULL DEFAULT 0,
    locale              TEXT    NOT NULL DEFAULT 'zh-CN',
    privacy_consent_at  BIGINT,
    created_at          BIGINT  NOT NULL
);
CREATE INDEX users_household ON users (household_id);
CREATE INDEX users_community_role ON users (community_id, role);

CREATE TABLE invites (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    household_id  BIGINT  NOT NULL REFERENCES households (id),
    code          TEXT    NOT NULL UNIQUE,
    created_by    BIGINT  NOT NULL REFERENCES users (id),
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    max_uses      BIGINT  NOT NULL,
    uses          BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users (id),
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE notices (
    id             INTEGER PRIMARY KEY,
    community_id   BIGINT  NOT NULL REFERENCES communities (id),
    author_id      BIGINT  NOT NULL REFERENCES users (id),
    -- The publisher's name as signed at publishing time.
    author_name    TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    body_markdown  TEXT    NOT NULL,
    body_html      TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    pinned         BIGINT  NOT NULL DEFAULT 0,
    urgent         BIGINT  NOT NULL DEFAULT 0,
    published_at   BIGINT  NOT NULL
);
CREATE INDEX notices_listing ON notices (community_id, pinned, published_at);

CREATE TABLE notice_reads (
    notice_id  BIGINT  NOT NULL REFERENCES notices (id),
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    -- Read counts are of residents; staff opening a notice do not count.
    reader_role  TEXT    NOT NULL,
    read_at      BIGINT  NOT NULL,
    PRIMARY KEY (notice_id, user_id)
);
CREATE INDEX notice_reads_user ON notice_reads (user_id);

-- Who looked at whose personal data, and when (PIPL: processing is logged).
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    actor_id      BIGINT  NOT NULL REFERENCES users (id),
    action        TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    at            BIGINT  NOT NULL
);
