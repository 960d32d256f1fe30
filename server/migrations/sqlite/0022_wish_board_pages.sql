-- The board pages state by state, wanted soonest first: each page an index range.
DROP INDEX wishes_board;
CREATE INDEX wishes_board ON wishes (community_id, state, wanted_by, id);
