-- Problem reports, handling (SQLite): the handler's photos of the work done, on the
-- "resolved" step of a case's record; the party a case went to, on an escalation or a
-- reassignment; cases merged into another, found from it.

ALTER TABLE report_events ADD COLUMN party TEXT;

CREATE TABLE report_event_photos (
    event_id   BIGINT  NOT NULL REFERENCES report_events (id),
    position   BIGINT  NOT NULL,
    upload_id  BIGINT  NOT NULL REFERENCES uploads (id),
    PRIMARY KEY (event_id, position)
);

CREATE INDEX reports_merged_into ON reports (merged_into);
