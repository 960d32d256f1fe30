# appointments — the staff's screens: the service editor, the desk, approvals and figures, the hall's now-serving screen

## The service editor

staff-editor-new-title = 新增辦事服務
staff-editor-edit-title = 編輯辦事服務
staff-editor-name = 服務名稱
staff-editor-description = 服務說明
staff-editor-description-hint = 居民預約前會看到：辦什麼事、誰可以辦。
staff-editor-documents = 應備文件
staff-editor-documents-hint = 例如：本人身分證、戶口名簿。不需要文件可以不填。
staff-editor-needs-approval = 預約要經過工作人員審核
staff-editor-needs-approval-hint = 勾選後，居民的預約要等審核通過才算數；不勾選，預約後直接生效。
staff-editor-duration = 每個時段幾分鐘
staff-editor-duration-hint = { $min } 到 { $max } 分鐘，請填整數。
staff-editor-duration-invalid = 每個時段要在 { $min } 到 { $max } 分鐘之間，請填整數。
staff-editor-cancel = 最晚提前幾小時可以取消
staff-editor-cancel-hint = 0 到 { $hours } 小時。離辦理時間更近時，居民就不能在手機上取消了。
staff-editor-cancel-invalid = 請填 0 到 { $hours } 之間的整數。
staff-editor-prefix = 叫號字母
staff-editor-prefix-hint = 1 到 2 個英文字母，號碼就是 A001、A002……
staff-editor-prefix-invalid = 請填 1 到 2 個英文字母，例如 A 或 BB。
staff-editor-save = 儲存

staff-hours-heading = 每週辦理時間
staff-hours-intro = 每一段依時段長度分成若干個時段，每個時段能預約幾個人在這裡填。同一天可以分上午、下午兩段，但不能重疊。
staff-hours-legend = 辦理時間 { $number }
staff-hours-weekday = 星期
staff-hours-opens = 開始
staff-hours-closes = 結束
staff-hours-capacity = 每個時段可預約人數
staff-hours-add = 新增一段辦理時間
staff-hours-remove = 刪除辦理時間 { $number }
staff-hours-invalid = 至少要有一段辦理時間，最多 { $rows } 段。
staff-hours-overlap = 這一段和同一天的另一段時間重疊了，請調整。
staff-hours-too-short = 結束時間要晚於開始時間，而且至少夠一個時段。
staff-hours-capacity-invalid = 每個時段可預約 1 到 { $places } 人，請填整數。

staff-days-heading = 休息日
staff-days-intro = 國定假日等不辦理的日子。這些天不能預約。
staff-days-label = 休息日 { $number }
staff-days-add = 新增休息日
staff-days-remove = 刪除
staff-days-invalid = 休息日最多 { $days } 個。

staff-fields-heading = 預約時要填的內容
staff-fields-intro = 居民的姓名和手機號碼已經有了，不用再問，只問辦這件事需要的。
staff-fields-none = 還沒有要填的內容：居民選好時段就能預約。
staff-fields-add = 新增一項
staff-fields-invalid = 最多 { $fields } 項。
staff-field-legend = 第 { $number } 項
staff-field-label = 名稱（居民看到的問題）
staff-field-kind = 類型
staff-field-required = 必須填寫
staff-field-options = 選項（每行一個）
staff-field-options-hint = 最多 { $options } 個選項，每個不超過 { $chars } 個字。
staff-field-options-invalid = 單選和複選要有 1 到 { $options } 個選項，每行寫一個。
staff-field-up = 第 { $number } 項上移
staff-field-down = 第 { $number } 項下移
staff-field-remove = 刪除第 { $number } 項

staff-sign-saved = 已儲存。
staff-sign-heading = 櫃檯報到碼
staff-sign-hint = 請列印出來放在辦理櫃檯。居民到了以後用手機掃描 QR Code 或輸入報到碼，就能拿到號碼。
staff-sign-print = 列印報到碼
staff-sign-qr-alt = 報到 QR Code，報到碼 { $code }
staff-open-desk = 開啟櫃檯叫號
staff-open-display = 開啟叫號螢幕

## The desk

staff-desk-title = 櫃檯叫號
staff-desk-code = 報到碼
staff-desk-now-serving = 正在辦理
staff-desk-none-called = 今天還沒有叫號
staff-desk-call-next = 叫下一位（{ $count } 人等候）
staff-desk-called = 已叫 { $number }（{ $name }）
staff-desk-called-heading = 已叫到的號碼
staff-desk-called-none = 沒有正在叫的號碼。
staff-desk-calls = 已叫 { $count } 次
staff-desk-see-booking = 查看預約內容
staff-desk-served = 辦好了
staff-desk-no-show = 過號（沒來）
staff-desk-recall = 再叫一次
staff-desk-waiting-heading = 等候中（{ $count } 人）
staff-desk-waiting-none = 現在沒有人等候。
staff-desk-booked-at = 預約 { $time }
staff-desk-walk-in = 現場取號
staff-desk-done-heading = 今天已結束的號碼（{ $count } 個）
staff-desk-edit = 編輯服務
staff-desk-given = 號碼 { $number }：{ $name }

staff-walk-in-heading = 現場取號
staff-walk-in-name = 姓名
staff-walk-in-hint = 沒有預約的居民，寫下姓名就給一個號碼。
staff-walk-in-submit = 取號

staff-check-in-heading = 預約報到
staff-check-in-code = 預約碼
staff-check-in-hint = 居民手機上這次預約的 8 位數字。
staff-check-in-format = 預約碼是 8 位數字，請核對。
staff-check-in-submit = 報到並取號
staff-check-in-camera = 掃描居民的 QR Code
staff-check-in-camera-failed = 沒有掃到，請再試一次，或直接輸入 8 位數字。

staff-bookings-heading = 今天的預約
staff-bookings-none = 今天沒有預約。
staff-bookings-time = { $start }–{ $end }

## Approvals, figures and the no-show rule

staff-manage-title = 預約辦事管理
staff-manage-new = 新增辦事服務
staff-manage-edit = 編輯
staff-pending-heading = 等待審核的預約
staff-pending-none = 沒有等待審核的預約。
staff-pending-open = 點開可以通過或不通過。
staff-stats-heading = 各項服務
staff-stats-none = 還沒有辦事服務。
staff-stats-bookings = 預約
staff-stats-served = 已辦結
staff-stats-no-shows = 未到
staff-stats-ratings = 評價人數
staff-stats-rating = 平均評分
staff-stats-stars = { $stars } 顆星
staff-stats-no-ratings = 還沒有評價

staff-rules-heading = 多次未到的規則
staff-rules-summary = 目前的規則：{ $window } 天內未到 { $limit } 次，暫停預約 { $pause } 天。
staff-rules-limit = 未到幾次
staff-rules-limit-hint = 1 到 20 次。
staff-rules-limit-invalid = 請填 1 到 20 之間的整數。
staff-rules-window = 在多少天內
staff-rules-pause = 暫停預約多少天
staff-rules-days-hint = 1 到 365 天。
staff-rules-days-invalid = 請填 1 到 365 之間的整數。
staff-rules-save = 儲存規則
staff-rules-saved = 規則已儲存。

## The hall's screen

staff-screen-title = 叫號螢幕
staff-screen-now = 正在辦理
staff-screen-none-yet = 還沒有叫號
staff-screen-go = 聽到號碼請到櫃檯辦理。
staff-screen-next = 請準備
staff-screen-next-none = 沒有人等候
staff-screen-recent = 剛才叫過
staff-screen-recent-none = 還沒有
staff-screen-waiting = 還有 { $count } 人在等候
staff-screen-reconnecting = 連線中斷，正在重新連線……
