-- Topics of the discussion hall, their discussion, residents' proposals, and uploaded
-- images (SQLite).

-- Images, re-encoded on upload so no metadata survives; only the community sees them.
CREATE TABLE uploads (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    uploader_id   BIGINT  NOT NULL REFERENCES users (id),
    content_type  TEXT    NOT NULL,
    width         BIGINT  NOT NULL,
    height        BIGINT  NOT NULL,
    data          BLOB   NOT NULL,
    created_at    BIGINT  NOT NULL
);

-- What staff set for residents' proposals; a community without a row has the defaults.
CREATE TABLE proposal_rules (
    community_id        BIGINT  PRIMARY KEY REFERENCES communities (id),
    support_households  BIGINT  NOT NULL,
    support_days        BIGINT  NOT NULL,
    vote_days           BIGINT  NOT NULL
);

CREATE TABLE topics (
    id                  INTEGER PRIMARY KEY,
    community_id        BIGINT  NOT NULL REFERENCES communities (id),
    title               TEXT    NOT NULL,
    body_markdown       TEXT    NOT NULL,
    body_html           TEXT    NOT NULL,
    -- Upload ids, comma-separated, in order.
    images              TEXT    NOT NULL,
    author_id           BIGINT  NOT NULL REFERENCES users (id),
    created_at          BIGINT  NOT NULL,
    -- A resident's proposal: it needs support_needed households by support_deadline.
    proposal            BIGINT  NOT NULL,
    support_needed      BIGINT  NOT NULL,
    support_deadline    BIGINT  NOT NULL,
    vote_days           BIGINT  NOT NULL,
    -- Kept in the supporting transaction; updating it makes supporters take their turn.
    support_count       BIGINT  NOT NULL DEFAULT 0,
    vote_id             BIGINT  UNIQUE REFERENCES votes (id),
    follow_up_markdown  TEXT,
    follow_up_html      TEXT,
    follow_up_by        BIGINT  REFERENCES users (id),
    follow_up_at        BIGINT
);
CREATE INDEX topics_listing ON topics (community_id, created_at);

-- One supporting household per proposal: the primary key is the rule.
CREATE TABLE topic_support (
    topic_id      BIGINT  NOT NULL REFERENCES topics (id),
    household_id  BIGINT  NOT NULL REFERENCES households (id),
    user_id       BIGINT  NOT NULL REFERENCES users (id),
    supported_at  BIGINT  NOT NULL,
    PRIMARY KEY (topic_id, household_id)
);

CREATE TABLE topic_comments (
    id             INTEGER PRIMARY KEY,
    topic_id       BIGINT  NOT NULL REFERENCES topics (id),
    -- A top-level comment of the same topic; replies have no replies.
    parent_id      BIGINT  REFERENCES topic_comments (id),
    author_id      BIGINT  NOT NULL REFERENCES users (id),
    body           TEXT    NOT NULL,
    images         TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL,
    hidden_reason  TEXT,
    hidden_by      BIGINT  REFERENCES users (id),
    hidden_at      BIGINT
);
CREATE INDEX topic_comments_thread ON topic_comments (topic_id, id);

-- An urgent notice may carry a vote, cast with one tap from the notice.
ALTER TABLE notices ADD COLUMN vote_id BIGINT REFERENCES votes (id);
