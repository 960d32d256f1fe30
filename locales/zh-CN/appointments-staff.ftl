# appointments — the staff's screens: the service editor, the desk, approvals and figures, the hall's now-serving screen

## The service editor

staff-editor-new-title = 新建办事服务
staff-editor-edit-title = 修改办事服务
staff-editor-name = 服务名称
staff-editor-description = 服务说明
staff-editor-description-hint = 居民预约前会看到：办什么事、谁可以办。
staff-editor-documents = 需要带的材料
staff-editor-documents-hint = 例如：本人身份证、户口本。不需要材料可以不填。
staff-editor-needs-approval = 预约要经过工作人员审核
staff-editor-needs-approval-hint = 勾选后，居民的预约要等审核通过才算数；不勾选，预约后直接生效。
staff-editor-duration = 每个时段多少分钟
staff-editor-duration-hint = { $min } 到 { $max } 分钟，填整数。
staff-editor-duration-invalid = 每个时段要在 { $min } 到 { $max } 分钟之间，请填整数。
staff-editor-cancel = 最晚提前几小时可以取消
staff-editor-cancel-hint = 0 到 { $hours } 小时。离办理时间更近时，居民就不能在手机上取消了。
staff-editor-cancel-invalid = 请填 0 到 { $hours } 之间的整数。
staff-editor-prefix = 叫号字母
staff-editor-prefix-hint = 1 到 2 个英文字母，号码就是 A001、A002……
staff-editor-prefix-invalid = 请填 1 到 2 个英文字母，例如 A 或 BB。
staff-editor-save = 保存

staff-hours-heading = 每周办理时间
staff-hours-intro = 每一段按时段长度分成若干个时段，每个时段能约几个人在这里填。同一天可以分上午、下午两段，但不能重叠。
staff-hours-legend = 办理时间 { $number }
staff-hours-weekday = 星期
staff-hours-opens = 开始
staff-hours-closes = 结束
staff-hours-capacity = 每个时段可约人数
staff-hours-add = 添加一段办理时间
staff-hours-remove = 删除办理时间 { $number }
staff-hours-invalid = 至少要有一段办理时间，最多 { $rows } 段。
staff-hours-overlap = 这一段和同一天的另一段时间重叠了，请调整。
staff-hours-too-short = 结束时间要晚于开始时间，而且至少够一个时段。
staff-hours-capacity-invalid = 每个时段可约 1 到 { $places } 人，请填整数。

staff-days-heading = 休息日
staff-days-intro = 节假日等不办理的日子。这些天不能预约。
staff-days-label = 休息日 { $number }
staff-days-add = 添加休息日
staff-days-remove = 删除
staff-days-invalid = 休息日最多 { $days } 个。

staff-fields-heading = 预约时要填的内容
staff-fields-intro = 居民的姓名和手机号已经有了，不用再问，只问办这件事需要的。
staff-fields-none = 还没有要填的内容：居民选好时段就能预约。
staff-fields-add = 添加一项
staff-fields-invalid = 最多 { $fields } 项。
staff-field-legend = 第 { $number } 项
staff-field-label = 名称（居民看到的问题）
staff-field-kind = 类型
staff-field-required = 必须填写
staff-field-options = 选项（每行一个）
staff-field-options-hint = 最多 { $options } 个选项，每个不超过 { $chars } 个字。
staff-field-options-invalid = 单选和多选要有 1 到 { $options } 个选项，每行写一个。
staff-field-up = 第 { $number } 项上移
staff-field-down = 第 { $number } 项下移
staff-field-remove = 删除第 { $number } 项

staff-sign-saved = 已保存。
staff-sign-heading = 窗口签到码
staff-sign-hint = 请打印出来放在办理窗口。居民到了以后用手机扫码或输入签到码，就能拿到排队号。
staff-sign-print = 打印签到码
staff-sign-qr-alt = 签到二维码，签到码 { $code }
staff-open-desk = 打开窗口叫号
staff-open-display = 打开叫号屏

## The desk

staff-desk-title = 窗口叫号
staff-desk-code = 签到码
staff-desk-now-serving = 正在办理
staff-desk-none-called = 今天还没有叫号
staff-desk-call-next = 叫下一位（{ $count } 人等候）
staff-desk-called = 已叫 { $number }（{ $name }）
staff-desk-called-heading = 已叫到的号
staff-desk-called-none = 没有正在叫的号。
staff-desk-calls = 已叫 { $count } 次
staff-desk-see-booking = 查看预约内容
staff-desk-served = 办好了
staff-desk-no-show = 过号（没来）
staff-desk-recall = 再叫一次
staff-desk-waiting-heading = 等候中（{ $count } 人）
staff-desk-waiting-none = 现在没有人等候。
staff-desk-booked-at = 预约 { $time }
staff-desk-walk-in = 现场取号
staff-desk-done-heading = 今天已结束的号（{ $count } 个）
staff-desk-edit = 修改服务
staff-desk-given = 号码 { $number }：{ $name }

staff-walk-in-heading = 现场取号
staff-walk-in-name = 姓名
staff-walk-in-hint = 没有预约的居民，写下姓名就给一个号。
staff-walk-in-submit = 取号

staff-check-in-heading = 预约签到
staff-check-in-code = 预约码
staff-check-in-hint = 居民手机上这次预约的 8 位数字。
staff-check-in-format = 预约码是 8 位数字，请核对。
staff-check-in-submit = 签到并取号
staff-check-in-camera = 扫居民的二维码
staff-check-in-camera-failed = 没有扫到，请再试一次，或直接输入 8 位数字。

staff-bookings-heading = 今天的预约
staff-bookings-none = 今天没有预约。
staff-bookings-time = { $start }–{ $end }

## Approvals, figures and the no-show rule

staff-manage-title = 预约办事管理
staff-manage-new = 新建办事服务
staff-manage-edit = 修改
staff-pending-heading = 等待审核的预约
staff-pending-none = 没有等待审核的预约。
staff-pending-open = 点开可以通过或不通过。
staff-stats-heading = 各项服务
staff-stats-none = 还没有办事服务。
staff-stats-bookings = 预约
staff-stats-served = 已办结
staff-stats-no-shows = 未到
staff-stats-ratings = 评价人数
staff-stats-rating = 平均评分
staff-stats-stars = { $stars } 星
staff-stats-no-ratings = 还没有评价

staff-rules-heading = 多次未到的规则
staff-rules-summary = 现在的规则：{ $window } 天内未到 { $limit } 次，暂停预约 { $pause } 天。
staff-rules-limit = 未到几次
staff-rules-limit-hint = 1 到 20 次。
staff-rules-limit-invalid = 请填 1 到 20 之间的整数。
staff-rules-window = 在多少天内
staff-rules-pause = 暂停预约多少天
staff-rules-days-hint = 1 到 365 天。
staff-rules-days-invalid = 请填 1 到 365 之间的整数。
staff-rules-save = 保存规则
staff-rules-saved = 规则已保存。

## The hall's screen

staff-screen-title = 叫号屏
staff-screen-now = 正在办理
staff-screen-none-yet = 还没有叫号
staff-screen-go = 听到号码请到窗口办理。
staff-screen-next = 请准备
staff-screen-next-none = 没有人等候
staff-screen-recent = 刚才叫过
staff-screen-recent-none = 还没有
staff-screen-waiting = 还有 { $count } 人在等候
staff-screen-reconnecting = 连接中断，正在重新连接……
