# hall — the discussion hall (议事厅): votes, tallies, receipts

error-vote-not-open = 投票还没有开始，请到开始时间再来。
error-vote-closed = 投票已经结束，不能再投了。
error-ballot-final = 这次投票投出后不能更改，您已经投过了。
error-not-eligible = 这次投票您没有投票资格（例如只有业主可以投）。
