# hall-staff — staff opening a vote: when it opens and closes

hall-staff-opens-legend = 開始時間
hall-staff-opens-now = 立即開始
hall-staff-opens-later = 指定日期和時間開始
hall-staff-opens-at = 開始的日期和時間
hall-staff-closes-legend = 截止時間
hall-staff-closes-after = 開始後若干天截止
hall-staff-closes-at-time = 指定日期和時間截止
hall-staff-closes-at = 截止的日期和時間
hall-staff-zone-hint = 按社區所在時區（{ $zone }）填寫。
hall-staff-closes-preview = 將於 { $date } 截止。
hall-staff-error-time-missing = 請選擇日期和時間。
hall-staff-error-time-invalid = 請按「年-月-日 時:分」填寫完整的日期和時間。
hall-staff-error-opens-past = 開始時間已經過去。請選擇以後的時間，或選擇「立即開始」。
hall-staff-error-closes-before-opens = 截止時間必須晚於開始時間。

# hall-staff — staff on a vote page: who took part, and the result as a CSV file

hall-staff-tools = 工作人員操作
hall-participants-link = 查看參與名單
hall-export-csv = 下載結果（CSV）
hall-participants-title = 參與名單
hall-participants-secret = 這是不記名投票：誰選了什麼，任何人（包括工作人員）都看不到，這裡只顯示誰參與了。
hall-participants-count = 已有 { $count } 人投票，共 { $eligible } 票可投。
hall-participants-none = 還沒有人投票。
hall-participant-cast-at = 投票時間：{ $when }
hall-participant-proxy = 由 { $name } 用親情帳號代投
hall-participant-chose = 選擇：{ $choice }
hall-participants-back = 返回投票
hall-participants-more = 顯示更多
