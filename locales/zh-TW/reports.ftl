# Problem reports (報事報修).

error-report-changed = 這件事剛剛有了新進展，請重新整理後再看。
error-report-taken = 這件事剛剛已被其他人受理。
error-reopen-too-late = 已超過可以要求重新處理的期限。如問題仍在，請重新報事。

notify-report-new = 有新的報事等待受理
notify-report-accepted = 您報的事已受理
notify-report-resolved = 您報的事已處理完畢，請確認並評價
notify-report-reopened = 居民表示問題還沒解決
notify-report-confirmed = 居民已確認並評價
notify-report-escalated = 報事超時無人受理，已上報上一級
notify-report-reassigned = 報事已轉交處理
notify-report-merged = 您報的事已與同一問題合併處理

tile-reports = 報事報修
reports-title = 報事報修
reports-intro = 家裡或社區裡壞了、髒了、不安全了，都可以在這裡報。我們會交給負責的一方，並按時受理。
reports-intro-handler = 社區裡公開的報事。要處理的事在「待處理的報事」裡。
reports-links-label = 報事報修
reports-views-label = 看哪些報事
reports-mine-heading = 我報的事
reports-mine-none = 您還沒有報過事。
reports-their-heading = 對方報的事
reports-their-none = 對方還沒有報過事。
reports-public-heading = 社區裡的事
reports-public-none = 現在沒有公開的報事。
reports-more = 載入更多報事

report-new-title = 我要報事
report-new-intro = 說清楚是什麼問題、在哪裡，最好拍張照片。提交後會交給負責的一方處理。
report-field-category = 是哪類問題
report-field-location = 在哪裡
report-field-location-hint = 例如「3棟1單元電梯」或「東門崗亭旁」。
report-field-description = 是什麼問題
report-field-description-hint = 說說看到了什麼、從什麼時候開始的。
report-field-visibility = 誰能看到
report-field-private = 不公開
report-field-private-hint = 只有您、社區工作人員和處理的人能看到。
report-field-public = 公開給鄰居
report-field-public-hint = 鄰居能看到這件事，遇到同樣問題可以點「我也遇到了」；但看不到是誰報的。
report-submit = 提交報事
report-route = 將交給{ $party }，{ $within }內受理。

report-category-home-repair = 家中維修
report-category-common-areas = 公共設施
report-category-environment = 環境衛生
report-category-parking = 停車
report-category-safety = 安全隱患
report-category-neighbour-dispute = 鄰里糾紛
report-category-other = 其他
report-party-property-company = 物業公司
report-party-residents-committee = 居委會
report-party-street-office = 街道辦
report-party-pool = { $party }（{ $pool }）
report-state-submitted = 等待受理
report-state-accepted = 已受理
report-state-in-progress = 正在處理
report-state-resolved = 已處理，待確認
report-state-confirmed = 已解決
report-state-merged = 已合併
report-days = { $count } 天
report-hours = { $count } 小時
report-minutes = { $count } 分鐘
report-private-tag = 不公開
report-public-tag = 公開
report-escalated-tag = 已上報
report-card-accept-by = { $when } 前受理
report-reported-at = 報於 { $when }
report-seconds = { $count } 位鄰居也遇到了
report-seconds-page = { $count ->
        [0] 還沒有鄰居說也遇到了。
       *[other] { $count } 位鄰居也遇到了。
    }
report-seconded = 您已說過也遇到了這個問題。
report-second = 我也遇到了

report-entry-heading = 家裡或社區裡有東西壞了？
report-entry-text = 水管漏水、電梯壞了、垃圾沒人清，都可以報給物業或居委會。

report-fact-party = 交給
report-fact-handler = 處理人
report-fact-reporter = 報事人
report-fact-reported-at = 報事時間
report-reporter-call = 打電話：{ $phone }
report-accept-by = 應在 { $when } 前受理。
report-accept-overdue = 已超過受理期限（{ $when }），馬上會上報上一級。
report-escalations = 因超時無人受理，已上報 { $count } 次。
report-reopen-until = 如果沒有解決好，{ $when } 前可以要求重新處理；到期未回饋，視為已解決。
report-merged-text = 這件事與另一件同樣的事合併處理了。
report-merged-link = 查看第 { $id } 號報事
report-rating-heading = 評價
report-record-heading = 處理記錄
report-a-resident = 居民
report-event-submitted = { $actor } 報了這件事
report-event-accepted = { $actor } 受理了
report-event-started = { $actor } 開始處理
report-event-resolved = { $actor } 處理完畢
report-event-confirmed = { $actor } 確認已解決
report-event-reopened = { $actor } 表示還沒解決
report-event-reassigned = { $actor } 轉交給{ $party }
report-event-merged = { $actor } 把它與同一問題的報事合併
report-event-escalated = 超時無人受理，上報給{ $party }
report-event-auto-confirmed = 到期未回饋，視為已解決
report-event-with-detail = { $event }：{ $detail }

report-handle-heading = 處理這件事
report-accept = 受理
report-start = 開始處理
report-resolve-heading = 處理完了？
report-resolve-note = 做了什麼
report-resolve = 處理完畢
report-confirm-heading = 問題解決了嗎？
report-confirm-text = 解決了就請確認，並為這次處理打個分。
report-confirm = 確認已解決
report-reopen-heading = 還沒解決？
report-reopen = 沒解決，要求重新處理
report-reopen-reason = 哪裡還沒解決
report-step-cancel = 先不了

report-staff-heading = 轉交或合併
report-reassign = 轉交給別的單位
report-reassign-party = 交給
report-reassign-pool = 班組（選填）
report-pool-hint = 例如「水電班」，不超過 40 個字。
report-reassign-note = 為什麼轉交
report-merge = 合併到另一件報事
report-merge-text = 同一個問題被報了幾次時，把這件併入另一件一起處理；報事人會收到通知。
report-merge-into = 併入哪件報事
report-merge-choose = 請選擇
report-merge-none = 沒有其他正在處理的報事
report-merge-choice = 第 { $id } 號：{ $category } · { $location }

report-handling-title = 待處理的報事
report-handling-intro = 交給您單位的報事，等待受理的排在最前面。
report-handling-intro-staff = 社區所有的報事，等待受理的排在最前面。
report-waiting-count = { $count ->
        [0] 沒有等待受理的報事。
       *[other] { $count } 件報事等待受理。
    }
report-filter = 顯示
report-filter-all = 全部
report-filter-waiting = 等待受理
report-filter-under-way = 正在處理
report-filter-resolved = 已處理，待確認
report-filter-closed = 已結束
report-handling-none = 沒有這樣的報事。

report-rules-title = 報事分派規則
report-rules-intro = 每類問題交給哪個單位、多長時間內必須受理。超時無人受理會自動上報上一級。修改只對新的報事生效。
report-rules-party = 交給
report-rules-pool = 班組（選填）
report-rules-hours = 幾小時內受理
report-rules-hours-hint = 受理時間最少 0.25 小時（15 分鐘），最多 168 小時（7 天）。
report-rules-reopen-days = 處理完後幾天內可以要求重新處理
report-rules-reopen-days-hint = { $min } 到 { $max } 天。
report-rules-save = 儲存規則
report-rules-saved = 已儲存。

report-figures-title = 報事每月數據
report-figures-intro = 每類問題、每個單位這個月收到多少報事，多快受理、多快解決，居民是否滿意。
report-month = { $year }年{ $month }月
report-month-picker = 選擇月份
report-month-previous = 上個月（{ $month }）
report-month-next = 下個月（{ $month }）
report-figures-none = 這個月沒有報事。
report-figures-cases = 報事件數
report-figures-accept = 受理用時（中位數）
report-figures-resolve = 解決用時（中位數）
report-figures-satisfaction = 滿意度
report-figures-stars = { $stars } 星（{ $count } 人評價）
report-figures-no-ratings = 還沒有評價
report-figures-no-median = 暫無
