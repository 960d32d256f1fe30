-- Running totals per vote and option, kept in the casting transaction, so a tally costs a
-- few rows however many ballots there are. Option -1 is the whole vote (who took part).
CREATE TABLE vote_totals (
    vote_id       BIGINT  NOT NULL REFERENCES votes (id),
    option_index  BIGINT  NOT NULL,
    ballots       BIGINT  NOT NULL DEFAULT 0,
    -- Floor area behind those ballots in an owners' vote (hundredths of m²).
    area          BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (vote_id, option_index)
);

-- Votes opened before this table existed have no rows here; their tally is recounted from
-- the ballots, as before.
