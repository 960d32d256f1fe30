-- The household register (房屋台账) as a residents' committee keeps it (SQLite): owners
-- of record from the property company's ledger, staff's note; accounts that staff disable,
-- residents who moved out; one-time password reset codes; printed invite codes; and the
-- register as it stood when an owners' vote was published, which that vote counts.

ALTER TABLE households ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- Owners of record, in the ledger's order; a phone lets a registering owner be recognised.
CREATE TABLE household_owners (
    household_id  BIGINT  NOT NULL REFERENCES households (id),
    position      BIGINT  NOT NULL,
    name          TEXT    NOT NULL,
    phone         TEXT,
    PRIMARY KEY (household_id, position)
);
CREATE INDEX household_owners_phone ON household_owners (phone);

-- The register's order (building, unit, room, numbers by value: 2栋 before 10栋), kept on
-- the row so that its pages are read off an index. Rows from before are backfilled plainly.
ALTER TABLE households ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
UPDATE households SET sort_key = (
    SELECT b.name || ' ' || u.name || ' ' || households.room
    FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = households.unit_id);
CREATE INDEX households_register ON households (community_id, sort_key, id);

-- A disabled account cannot sign in and its sessions end; a resident who moved out is
-- disabled too and has no household any more (their past records stay).
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
ALTER TABLE users ADD COLUMN moved_out_at BIGINT;

-- A code staff hand to someone who forgot their password (or to a new colleague, to set
-- one): stored hashed, used once, short-lived.
CREATE TABLE reset_codes (
    id          INTEGER PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users (id),
    code_hash   TEXT    NOT NULL,
    created_by  BIGINT  REFERENCES users (id),
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT
);
CREATE INDEX reset_codes_user ON reset_codes (user_id, created_at);

-- Codes printed for the register's households stay valid when printing again.
ALTER TABLE invites ADD COLUMN printed BIGINT NOT NULL DEFAULT 0;
CREATE INDEX invites_household ON invites (household_id, printed, expires_at);

-- What staff changed, with a detail line (old and new values); the server's operator
-- (the command line) is no account, so the actor may be absent. SQLite cannot drop a NOT
-- NULL, so the table is rebuilt.
CREATE TABLE audit_log_rebuilt (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    actor_id      BIGINT  REFERENCES users (id),
    action        TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    detail        TEXT    NOT NULL DEFAULT '',
    at            BIGINT  NOT NULL
);
INSERT INTO audit_log_rebuilt (id, community_id, actor_id, action, subject, at)
    SELECT id, community_id, actor_id, action, subject, at FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE INDEX audit_log_community ON audit_log (community_id, at);

-- The register of record at one moment: every household and its exclusive floor area.
CREATE TABLE register_snapshots (
    id            INTEGER PRIMARY KEY,
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    taken_at      BIGINT  NOT NULL,
    households    BIGINT  NOT NULL,
    area          BIGINT  NOT NULL
);
CREATE TABLE register_snapshot_units (
    snapshot_id   BIGINT  NOT NULL REFERENCES register_snapshots (id),
    household_id  BIGINT  NOT NULL REFERENCES households (id),
    area          BIGINT  NOT NULL,
    PRIMARY KEY (snapshot_id, household_id)
);

-- An owners' vote counts the register as it stood when it was published; votes published
-- before snapshots existed have none and count the register as it is.
ALTER TABLE votes ADD COLUMN register_snapshot_id BIGINT REFERENCES register_snapshots (id);
