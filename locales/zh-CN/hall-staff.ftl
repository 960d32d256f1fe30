# hall-staff — staff opening a vote: when it opens and closes

hall-staff-opens-legend = 开始时间
hall-staff-opens-now = 立即开始
hall-staff-opens-later = 指定日期和时间开始
hall-staff-opens-at = 开始的日期和时间
hall-staff-closes-legend = 截止时间
hall-staff-closes-after = 开始后若干天截止
hall-staff-closes-at-time = 指定日期和时间截止
hall-staff-closes-at = 截止的日期和时间
hall-staff-zone-hint = 按社区所在时区（{ $zone }）填写。
hall-staff-closes-preview = 将于 { $date } 截止。
hall-staff-error-time-missing = 请选择日期和时间。
hall-staff-error-time-invalid = 请按“年-月-日 时:分”填写完整的日期和时间。
hall-staff-error-opens-past = 开始时间已经过去。请选择以后的时间，或选择“立即开始”。
hall-staff-error-closes-before-opens = 截止时间必须晚于开始时间。

# hall-staff — staff on a vote page: who took part, and the result as a CSV file

hall-staff-tools = 工作人员操作
hall-participants-link = 查看参与名单
hall-export-csv = 下载结果（CSV）
hall-participants-title = 参与名单
hall-participants-secret = 这是不记名投票：谁选了什么，任何人（包括工作人员）都看不到，这里只显示谁参与了。
hall-participants-count = 已有 { $count } 人投票，共 { $eligible } 票可投。
hall-participants-none = 还没有人投票。
hall-participant-cast-at = 投票时间：{ $when }
hall-participant-proxy = 由 { $name } 用亲情账号代投
hall-participant-chose = 选择：{ $choice }
hall-participants-back = 返回投票
hall-participants-more = 显示更多
