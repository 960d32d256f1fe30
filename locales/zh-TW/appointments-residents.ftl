# appointments — the residents' screens: services, booking, my bookings, a booking with its queue number

services-title = 預約辦事
services-intro = 社區服務中心的辦事項目。選好項目和時間，準時到窗口報到取號，不用久候。
services-links-label = 預約辦事
services-none = 社區還沒有開放預約的項目。
services-new = 新增服務項目
services-manage = 審核與統計
services-desk = 窗口叫號
services-edit = 修改設定
services-display = 大廳叫號螢幕
services-staff-links = 工作人員
services-duration = 每次約 { $minutes } 分鐘
services-documents = 請攜帶：{ $documents }
services-needs-approval = 這項服務需要工作人員審核，通過後預約才生效，審核結果會通知您。
services-approval-tag = 需審核
services-choose-time = 選擇時間
services-times = 可預約的時段
services-days-label = 日期
services-day-date = { $month }月{ $day }日
services-day-closed = 休息
services-day-full = 額滿
services-day-none = 無時段
services-closed-that-day = 這一天不辦理，請選別的日子。
services-none-that-day = 這一天沒有可預約的時段了，請選別的日子。
services-places-left = 還剩 { $count } 個名額
services-slot-full = 已額滿
services-slot-lost = 您選的時段剛被別人約滿了，請另選一個。您填寫的內容還在。

book-heading = 預約 { $time }
book-submit = 確認預約
booking-field-required = { $label }（必填）
booking-hint-number = 只填數字。
booking-hint-phone = 11 位手機號碼。
booking-hint-id-number = 18 碼，最後一碼可能是 X。
booking-hint-multiple = 可以複選。
booking-photo-not-for-others = 替家人預約時無法在這裡上傳照片，請本人補充，或辦理時帶到窗口。

bookings-title = 我的預約
bookings-their-title = 家人的預約
bookings-new = 預約新的事項
bookings-coming = 待辦理
bookings-coming-none = 目前沒有待辦理的預約。
bookings-past = 過去的預約
bookings-past-none = 還沒有過去的預約。
bookings-ticket = 號碼 { $number }

booking-title = 預約詳情
booking-resident = 預約人：{ $name }
booking-reason = 原因：{ $reason }
booking-next-pending = 正在等工作人員審核，結果會通知您。審核通過後再到窗口。
booking-next-confirmed = 已經預約好了。請準時到窗口報到取號。
booking-next-rejected = 這個預約沒有通過。
booking-next-cancelled = 這個預約已經取消了。
booking-next-checked-in = 已經報到，請在附近等候叫號。
booking-next-served = 已經辦好了。
booking-next-no-show = 預約的時間已經過了，沒有報到。
booking-code-heading = 預約碼
booking-code-show = 到窗口時出示這個碼，工作人員掃描後就能為您報到。
booking-qr-alt = 預約碼 { $code } 的 QR 碼

check-in-heading = 到窗口報到
check-in-opens = 當天 { $time } 起可以報到，到預約時段結束為止。
check-in-field = 窗口報到碼
check-in-hint = 窗口牌子上的 8 個英文字母和數字，例如 K7PM-4XQ2。
check-in-submit = 報到取號
check-in-scan = 掃描窗口的 QR 碼
check-in-camera-failed = 沒能掃到 QR 碼，請直接輸入窗口上的報到碼。

ticket-heading = 您的號碼
ticket-ahead = { $count ->
    [0] 下一位就是您
   *[other] 您前面還有 { $count } 位
}
ticket-now-serving = 目前辦理：{ $number }
ticket-not-started = 還沒有開始叫號
ticket-called = 輪到您了！請到窗口辦理。

cancel-booking = 取消預約
cancel-question = 確定要取消這個預約嗎？取消後名額會讓給別人。
cancel-confirm = 確定取消
cancel-keep = 不取消

booking-review-heading = 審核
booking-approve = 通過
booking-decline-reason = 不通過的原因（居民會看到）
booking-decline = 不通過

rate-heading = 為這次服務評分
rate-legend = 您滿意嗎？1 顆星最不滿意，5 顆星最滿意。
rate-stars = { $stars } 顆星
rate-chosen = 已選 { $stars } 顆星
rate-comment = 想說的話（選填）
rate-submit = 送出評分
rating-heading = 服務評分

booking-answers-heading = 填寫的資料
booking-answer-none = 未填
booking-answer-photo = 已附照片
booking-answer-date = { $year }年{ $month }月{ $day }日
booking-history-heading = 辦理紀錄
case-event-booked = { $actor } 送出預約
case-event-approved = { $actor } 審核通過
case-event-rejected = { $actor } 沒有通過：{ $detail }
case-event-cancelled = { $actor } 取消了預約
case-event-lapsed = 到預約時段結束仍未審核，預約已取消
case-event-reminded = 已提醒預約時間
case-event-checked-in = { $actor } 報到，號碼 { $detail }
case-event-called = { $actor } 叫號 { $detail }
case-event-served = { $actor } 辦理完成
case-event-no-show = { $actor } 記為過號未到
case-event-missed = 到預約時段結束沒有報到，記為未到
case-event-rated = { $actor } 評了 { $detail } 顆星

family-their-bookings = 預約辦事
