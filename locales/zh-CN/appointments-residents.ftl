# appointments — the residents' screens: services, booking, my bookings, a booking with its queue number

services-title = 预约办事
services-intro = 社区服务中心的办事项目。选好项目和时间，按时到窗口签到取号，不用排长队。
services-links-label = 预约办事
services-none = 社区还没有开放预约的项目。
services-new = 新建服务项目
services-manage = 审核与统计
services-desk = 窗口叫号
services-edit = 修改设置
services-display = 大厅叫号屏
services-staff-links = 工作人员
services-duration = 每次约 { $minutes } 分钟
services-documents = 请带：{ $documents }
services-needs-approval = 这项服务要工作人员审核，通过后预约才有效，审核结果会通知您。
services-approval-tag = 需审核
services-choose-time = 选择时间
services-times = 可预约的时段
services-days-label = 日期
services-day-date = { $month }月{ $day }日
services-day-closed = 休息
services-day-full = 约满
services-day-none = 无号
services-closed-that-day = 这一天不办理，请选别的日子。
services-none-that-day = 这一天没有可预约的时段了，请选别的日子。
services-places-left = 还剩 { $count } 个名额
services-slot-full = 已约满
services-slot-lost = 您选的时段刚被别人约满了，请另选一个。您填写的内容还在。

book-heading = 预约 { $time }
book-submit = 确认预约
booking-field-required = { $label }（必填）
booking-hint-number = 只填数字。
booking-hint-phone = 11 位手机号码。
booking-hint-id-number = 18 位，最后一位可能是 X。
booking-hint-multiple = 可以选多项。
booking-photo-not-for-others = 替家人预约时不能在这里上传照片，请本人补充，或办理时带到窗口。

bookings-title = 我的预约
bookings-their-title = 家人的预约
bookings-new = 预约新的事项
bookings-coming = 待办理
bookings-coming-none = 现在没有待办理的预约。
bookings-past = 以往的预约
bookings-past-none = 还没有以往的预约。
bookings-ticket = 排队号 { $number }

booking-title = 预约详情
booking-resident = 预约人：{ $name }
booking-reason = 原因：{ $reason }
booking-next-pending = 正在等工作人员审核，结果会通知您。审核通过后再去窗口。
booking-next-confirmed = 已经约好了。请按时到窗口签到取号。
booking-next-rejected = 这个预约没有通过。
booking-next-cancelled = 这个预约已经取消了。
booking-next-checked-in = 已经签到，请在附近等候叫号。
booking-next-served = 已经办好了。
booking-next-no-show = 预约的时间已经过了，没有签到。
booking-code-heading = 预约码
booking-code-show = 到窗口时出示这个码，工作人员扫一下就能为您签到。
booking-qr-alt = 预约码 { $code } 的二维码

check-in-heading = 到窗口签到
check-in-opens = 当天 { $time } 起可以签到，到预约时段结束为止。
check-in-field = 窗口签到码
check-in-hint = 窗口牌子上的 8 位字母和数字，例如 K7PM-4XQ2。
check-in-submit = 签到取号
check-in-scan = 扫描窗口的二维码
check-in-camera-failed = 没能扫到二维码，请直接输入窗口上的签到码。

ticket-heading = 您的排队号
ticket-ahead = { $count ->
    [0] 下一个就是您
   *[other] 您前面还有 { $count } 位
}
ticket-now-serving = 正在办理：{ $number }
ticket-not-started = 还没有开始叫号
ticket-called = 轮到您了！请到窗口办理。

cancel-booking = 取消预约
cancel-question = 确定要取消这个预约吗？取消后名额会让给别人。
cancel-confirm = 确定取消
cancel-keep = 不取消

booking-review-heading = 审核
booking-approve = 通过
booking-decline-reason = 不通过的原因（居民会看到）
booking-decline = 不通过

rate-heading = 为这次服务打分
rate-legend = 您满意吗？1 颗星最不满意，5 颗星最满意。
rate-stars = { $stars } 颗星
rate-chosen = 已选 { $stars } 颗星
rate-comment = 想说的话（选填）
rate-submit = 提交评分
rating-heading = 服务评分

booking-answers-heading = 填写的信息
booking-answer-none = 未填
booking-answer-photo = 已附照片
booking-answer-date = { $year }年{ $month }月{ $day }日
booking-history-heading = 办理记录
case-event-booked = { $actor } 提交了预约
case-event-approved = { $actor } 审核通过
case-event-rejected = { $actor } 没有通过：{ $detail }
case-event-cancelled = { $actor } 取消了预约
case-event-lapsed = 到预约时段结束仍未审核，预约已取消
case-event-reminded = 已提醒预约时间
case-event-checked-in = { $actor } 签到，排队号 { $detail }
case-event-called = { $actor } 叫号 { $detail }
case-event-served = { $actor } 办理完成
case-event-no-show = { $actor } 记为过号未到
case-event-missed = 到预约时段结束没有签到，记为未到
case-event-rated = { $actor } 评了 { $detail } 颗星

family-their-bookings = 预约办事
