# hall — the discussion hall (议事厅): votes, tallies, receipts

error-vote-not-open = 投票還沒有開始，請到開始時間再來。
error-vote-closed = 投票已經結束，不能再投了。
error-ballot-final = 這次投票投出後不能更改，您已經投過了。
error-not-eligible = 這次投票您沒有投票資格（例如只有業主可以投）。
