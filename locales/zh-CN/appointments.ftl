# appointments — 预约办事、叫号

error-invalid-id-number = 身份证号码不对：应为 18 位，出生日期和最后一位校验码要正确。
error-slot-full = 这个时段已经约满了，请选别的时段。
error-slot-unavailable = 这个时段不能预约（不在办理时间、当天休息、已经过去或太远）。
error-booking-paused = 因多次预约未到，暂时不能预约。如有疑问请致电社区服务中心。
error-already-booked = 您已经预约了这项服务，请先办完或取消原来的预约。
error-cancel-too-late = 离办理时间太近，不能在手机上取消了，请致电社区服务中心。
error-desk-code-invalid = 这不是本服务窗口的签到码，请核对窗口上的二维码或数字。
error-booking-code-invalid = 今天没有这个预约码的预约。
error-not-check-in-time = 现在不能签到：签到从预约时段前一小时开始，到时段结束为止。
error-booking-changed = 这个预约刚刚有了变化，请刷新后再看。
error-queue-empty = 现在没有等候的人。

notify-booking-approved = 您的预约已通过
notify-booking-rejected = 您的预约未通过
notify-booking-day-before = 明天有预约办事
notify-booking-hour-before = 一小时后有预约办事
notify-booking-two-ahead = 前面还有两位，请准备
notify-booking-called = 轮到您了，请到窗口办理
notify-booking-served = 办好了，请为服务打分
