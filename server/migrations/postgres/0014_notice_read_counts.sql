-- How many residents have read each notice, kept as first reads are recorded (in the same
-- transaction) instead of counted again on every read: 20,000 residents reading an urgent
-- notice made every read count all the reads before it.
ALTER TABLE notices ADD COLUMN resident_reads BIGINT NOT NULL DEFAULT 0;
UPDATE notices SET resident_reads =
    (SELECT COUNT(*) FROM notice_reads r WHERE r.notice_id = notices.id AND r.reader_role = 'resident');
