-- Problem reports at scale: lists page by keyset, open cases first, and "me too" is kept.
-- Whether a case is still open, derived from its state so that no change of state can
-- forget it; the lists' indexes lead with it.
ALTER TABLE reports ADD COLUMN is_open BIGINT
    GENERATED ALWAYS AS (CASE WHEN state IN ('submitted', 'accepted', 'in_progress') THEN 1 ELSE 0 END) VIRTUAL;

ALTER TABLE reports ADD COLUMN me_too BIGINT NOT NULL DEFAULT 0;
UPDATE reports SET me_too = (SELECT COUNT(*) FROM report_seconds s WHERE s.report_id = reports.id);

CREATE INDEX reports_public ON reports (community_id, public, is_open, submitted_at, id);
CREATE INDEX reports_handling ON reports (community_id, is_open, routed_at, id);
CREATE INDEX reports_handling_party ON reports (community_id, party, is_open, routed_at, id);
DROP INDEX reports_of_reporter;
CREATE INDEX reports_of_reporter ON reports (reporter_id, submitted_at, id);

-- When a waiting case must be accepted by, so that the clock finds overdue cases by
-- searching an index instead of computing it for every waiting case on every tick.
ALTER TABLE reports ADD COLUMN accept_by BIGINT GENERATED ALWAYS AS (routed_at + accept_within_minutes * 60000) VIRTUAL;
CREATE INDEX reports_overdue ON reports (state, accept_by, id);
CREATE INDEX reports_unanswered ON reports (state, resolved_at, id);
