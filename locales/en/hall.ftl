# hall — the discussion hall (议事厅): votes, tallies, receipts

error-vote-not-open = This vote has not opened yet. Please come back when it opens.
error-vote-closed = This vote has closed; ballots are no longer taken.
error-ballot-final = Ballots in this vote cannot be changed, and you have already voted.
error-not-eligible = You may not vote on this (for example, only owners may).
