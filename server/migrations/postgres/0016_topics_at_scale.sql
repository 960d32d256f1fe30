-- Topics at scale: the list and a thread page by keyset, and their counts are kept as
-- comments are written instead of counted on every view.
DROP INDEX topics_listing;
CREATE INDEX topics_listing ON topics (community_id, created_at, id);
-- Proposals still gathering support, for the top of the list.
CREATE INDEX topics_gathering ON topics (community_id, proposal, support_deadline);

ALTER TABLE topics ADD COLUMN comment_count BIGINT NOT NULL DEFAULT 0;
UPDATE topics SET comment_count = (SELECT COUNT(*) FROM topic_comments c WHERE c.topic_id = topics.id);

ALTER TABLE topic_comments ADD COLUMN reply_count BIGINT NOT NULL DEFAULT 0;
UPDATE topic_comments SET reply_count =
    (SELECT COUNT(*) FROM topic_comments r WHERE r.parent_id = topic_comments.id);

-- A thread's top-level comments in order, and each comment's replies in order.
CREATE INDEX topic_comments_top ON topic_comments (topic_id, parent_id, id);
CREATE INDEX topic_comments_replies ON topic_comments (parent_id, id);
