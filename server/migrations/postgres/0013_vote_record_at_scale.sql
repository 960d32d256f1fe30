-- A vote's public record and "who took part" at 10,000 ballots: marking each chain entry
-- counted or replaced, and paging the participants in the order they took part, each read
-- off an index instead of scanning the vote's participation once per chain entry.
CREATE INDEX vote_participation_counted ON vote_participation (vote_id, counted_sequence);
CREATE INDEX vote_participation_order ON vote_participation (vote_id, cast_at, voter_key);
-- A voter looks up their receipt without paging through everyone else's.
CREATE INDEX ballot_chain_receipt ON ballot_chain (vote_id, receipt);
