-- Notices at scale: the list pages by keyset (pinned, published_at, id), and the counts it
-- shows are kept as rows change instead of counted on every view.
DROP INDEX notices_listing;
CREATE INDEX notices_listing ON notices (community_id, pinned, published_at, id);

-- How many notices each community has.
CREATE TABLE notice_counts (
    community_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES communities (id),
    notices       BIGINT  NOT NULL
);
INSERT INTO notice_counts (community_id, notices)
    SELECT community_id, COUNT(*) FROM notices GROUP BY community_id;

-- How many of their community's notices each person has read (unread = notices - reads).
CREATE TABLE notice_reader_counts (
    user_id       BIGINT  NOT NULL REFERENCES users (id),
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    reads         BIGINT  NOT NULL,
    PRIMARY KEY (user_id, community_id)
);
INSERT INTO notice_reader_counts (user_id, community_id, reads)
    SELECT r.user_id, n.community_id, COUNT(*) FROM notice_reads r JOIN notices n ON n.id = r.notice_id
    GROUP BY r.user_id, n.community_id;

-- How many residents of each building have read each notice (the read statistics).
CREATE TABLE notice_building_reads (
    notice_id    BIGINT  NOT NULL REFERENCES notices (id),
    building_id  BIGINT  NOT NULL REFERENCES buildings (id),
    reads        BIGINT  NOT NULL,
    PRIMARY KEY (notice_id, building_id)
);
INSERT INTO notice_building_reads (notice_id, building_id, reads)
    SELECT r.notice_id, u.building_id, COUNT(*)
    FROM notice_reads r JOIN users p ON p.id = r.user_id JOIN households h ON h.id = p.household_id
         JOIN units u ON u.id = h.unit_id
    WHERE r.reader_role = 'resident'
    GROUP BY r.notice_id, u.building_id;
