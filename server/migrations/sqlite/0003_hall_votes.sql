-- Votes of the discussion hall (SQLite).

CREATE TABLE votes (
    id                    INTEGER PRIMARY KEY,
    community_id          BIGINT  NOT NULL REFERENCES communities (id),
    question              TEXT    NOT NULL,
    description_markdown  TEXT    NOT NULL,
    description_html      TEXT    NOT NULL,
    kind                  TEXT    NOT NULL,
    -- The options as a JSON array of strings (empty for yes/no/abstain).
    options               TEXT    NOT NULL,
    max_choices           BIGINT  NOT NULL,
    eligibility           TEXT    NOT NULL,
    matter                TEXT,
    secret                BIGINT  NOT NULL,
    final_on_cast         BIGINT  NOT NULL,
    opens_at              BIGINT  NOT NULL,
    closes_at             BIGINT  NOT NULL,
    created_by            BIGINT  NOT NULL REFERENCES users (id),
    created_at            BIGINT  NOT NULL,
    -- The ballot chain's length and newest hash. Casting updates this row first, which
    -- makes ballots on one vote take their turn (a row lock on PostgreSQL).
    chain_length          BIGINT  NOT NULL DEFAULT 0,
    chain_head            TEXT    NOT NULL
);
CREATE INDEX votes_listing ON votes (community_id, closes_at);

-- Every ballot ever cast on a vote, in order, chained by hash; no voter in it.
CREATE TABLE ballot_chain (
    vote_id   BIGINT  NOT NULL REFERENCES votes (id),
    sequence  BIGINT  NOT NULL,
    receipt   TEXT    NOT NULL,
    choices   TEXT    NOT NULL,
    cast_at   BIGINT  NOT NULL,
    hash      TEXT    NOT NULL,
    PRIMARY KEY (vote_id, sequence)
);

-- Who took part, and which chain entry is their counted ballot. The primary key is the
-- rule "one counted ballot per voter": a resident, a household or an owned unit.
CREATE TABLE vote_participation (
    vote_id           BIGINT  NOT NULL REFERENCES votes (id),
    voter_key         TEXT    NOT NULL,
    -- The resident the ballot is for, and who pressed the button (a family proxy, or them).
    resident_id       BIGINT  NOT NULL REFERENCES users (id),
    cast_by           BIGINT  NOT NULL REFERENCES users (id),
    household_id      BIGINT  REFERENCES households (id),
    -- Floor area the ballot carries in an owners' vote (hundredths of m²), else 0.
    area              BIGINT  NOT NULL,
    counted_sequence  BIGINT  NOT NULL,
    cast_at           BIGINT  NOT NULL,
    PRIMARY KEY (vote_id, voter_key)
);
