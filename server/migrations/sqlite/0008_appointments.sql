-- Appointments and queueing (预约办事、叫号): services with their form and schedule, the
-- places taken in each slot, residents' bookings (cases), queue numbers, and each case's
-- handling record (SQLite).

-- What staff set; a community without a row has the defaults.
CREATE TABLE appointment_rules (
    community_id   BIGINT  PRIMARY KEY REFERENCES communities (id),
    no_show_limit  BIGINT  NOT NULL,
    window_days    BIGINT  NOT NULL,
    pause_days     BIGINT  NOT NULL
);

CREATE TABLE services (
    id                INTEGER PRIMARY KEY,
    community_id      BIGINT  NOT NULL REFERENCES communities (id),
    name              TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    documents         TEXT    NOT NULL,
    -- The form's fields and the weekly hours, as JSON (linli_api's FormField, WeeklyHours).
    form_json         TEXT    NOT NULL,
    hours_json        TEXT    NOT NULL,
    -- Dates (YYYY-MM-DD), comma-separated.
    closed_days       TEXT    NOT NULL,
    needs_approval    BIGINT  NOT NULL,
    duration_minutes  BIGINT  NOT NULL,
    cancel_hours      BIGINT  NOT NULL,
    queue_prefix      TEXT    NOT NULL,
    -- What residents type or scan at the desk to check in.
    desk_code         TEXT    NOT NULL UNIQUE,
    created_at        BIGINT  NOT NULL
);
CREATE INDEX services_of_community ON services (community_id);

-- Places taken per slot, created when the slot is first booked. The CHECK is the last line:
-- a booking takes a place only by `booked = booked + 1 WHERE booked < capacity`.
CREATE TABLE service_slots (
    service_id  BIGINT  NOT NULL REFERENCES services (id),
    starts_at   BIGINT  NOT NULL,
    ends_at     BIGINT  NOT NULL,
    capacity    BIGINT  NOT NULL,
    booked      BIGINT  NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (service_id, starts_at)
);

CREATE TABLE bookings (
    id                INTEGER PRIMARY KEY,
    community_id      BIGINT  NOT NULL REFERENCES communities (id),
    service_id        BIGINT  NOT NULL REFERENCES services (id),
    resident_id       BIGINT  NOT NULL REFERENCES users (id),
    resident_name     TEXT    NOT NULL,
    -- Who booked: the resident or a family member for them.
    booked_by         BIGINT  NOT NULL REFERENCES users (id),
    starts_at         BIGINT  NOT NULL,
    ends_at           BIGINT  NOT NULL,
    state             TEXT    NOT NULL,
    answers_json      TEXT    NOT NULL,
    -- Shown as a QR code to the resident; staff scan it at the desk.
    code              TEXT    NOT NULL,
    reason            TEXT,
    booked_at         BIGINT  NOT NULL,
    reminded_day_at   BIGINT,
    reminded_hour_at  BIGINT,
    rating_stars      BIGINT,
    rating_comment    TEXT,
    rated_at          BIGINT
);
-- One open booking of a service per resident, however many taps.
CREATE UNIQUE INDEX bookings_one_open ON bookings (service_id, resident_id) WHERE state IN ('pending', 'confirmed', 'checked_in');
CREATE UNIQUE INDEX bookings_code ON bookings (service_id, code);
CREATE INDEX bookings_of_resident ON bookings (resident_id, starts_at);
CREATE INDEX bookings_by_time ON bookings (state, starts_at);

-- The last number given per service and day; the next is taken by one conditional update.
CREATE TABLE queue_days (
    service_id   BIGINT  NOT NULL REFERENCES services (id),
    day          TEXT    NOT NULL,
    last_number  BIGINT  NOT NULL,
    PRIMARY KEY (service_id, day)
);

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    service_id      BIGINT  NOT NULL REFERENCES services (id),
    day             TEXT    NOT NULL,
    number          BIGINT  NOT NULL,
    label           TEXT    NOT NULL,
    -- None for a walk-in, who has only the name staff wrote down.
    booking_id      BIGINT  UNIQUE REFERENCES bookings (id),
    name            TEXT    NOT NULL,
    slot_starts_at  BIGINT,
    issued_at       BIGINT  NOT NULL,
    state           TEXT    NOT NULL,
    calls           BIGINT  NOT NULL DEFAULT 0,
    called_at       BIGINT,
    done_at         BIGINT,
    told_two_ahead  BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tickets_number ON tickets (service_id, day, number);

CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    booking_id  BIGINT  NOT NULL REFERENCES bookings (id),
    kind        TEXT    NOT NULL,
    actor_id    BIGINT  REFERENCES users (id),
    actor_name  TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    at          BIGINT  NOT NULL
);
CREATE INDEX case_events_of_booking ON case_events (booking_id, id);
