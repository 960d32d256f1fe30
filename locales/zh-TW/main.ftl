# 鄰里 · 繁體中文

app-name = 鄰里
app-tagline = 社區通知、鄰里事務，一支手機就能辦
nav-back = 返回
loading = 正在載入…
retry = 重試
busy = 請稍候…
not-found-title = 找不到頁面
datetime = { $year }年{ $month }月{ $day }日 { $hour }:{ $minute }
household = { $building } { $unit } { $room }

## 首頁
home-sign-in = 登入
home-register = 用邀請碼註冊
home-greeting = { $name }，您好！這裡是{ $community }。
home-tiles-label = 功能
tile-notices = 通知
tile-compose = 發通知
tile-invites = 邀請碼
tile-me = 我的

## 語言與設定
language-label = 語言
language-zh-CN = 简体中文
language-zh-TW = 繁體中文
language-en = English
elderly-mode = 長輩版
switch-on = 已開啟
switch-off = 已關閉
notifications = 緊急通知提醒
notifications-blocked = 瀏覽器已封鎖通知，請在瀏覽器設定中允許本網站傳送通知。
notifications-unsupported = 此裝置不支援通知提醒。
notify-urgent-title = 緊急通知

## 登入與註冊
sign-in-title = 登入
sign-in-submit = 登入
sign-in-no-account = 還沒有帳號？
field-phone = 手機號碼
field-password = 密碼
field-password-hint = 至少 { $min } 個字元
field-invite-code = 邀請碼
field-invite-code-hint = 向居委會工作人員索取，或掃描邀請 QR 碼
field-name = 姓名
register-title = 註冊
register-accept = 我已閱讀並同意
register-privacy-link = 隱私權政策
register-submit = 註冊
register-have-account = 已有帳號？

## 隱私權政策
privacy-title = 隱私權政策
privacy-intro = 「鄰里」由本社區居委會營運，用於發布社區通知、辦理社區事務。本政策說明我們蒐集哪些個人資料、為什麼蒐集、誰能看到，以及您享有的權利。
privacy-collect-heading = 我們蒐集哪些資料
privacy-collect-body = 註冊時：您的姓名、手機號碼、密碼（只保存無法還原的加密摘要），以及邀請碼對應的住戶（樓棟、單元、房號）。使用時：您讀過哪些通知，以及語言、長輩版等設定。我們不蒐集身分證號碼、位置、通訊錄或照片。
privacy-why-heading = 為什麼蒐集
privacy-why-body = 姓名和住戶用來確認您是本社區居民；手機號碼用來登入，並在緊急情況下讓工作人員聯絡到您；閱讀紀錄讓工作人員知道重要通知還有誰沒看到，好打電話告訴家裡的長輩。這些資料不用於廣告，也不會出售給任何人。
privacy-who-heading = 誰能看到
privacy-who-body = 只有本社區居委會和物業的工作人員能依職責查看；在名單中手機號碼只顯示部分數字（如 138****5678）。工作人員每次查看個人資料都會留下紀錄。除法律規定外，我們不向任何第三方提供您的資料。
privacy-keep-heading = 保存多久
privacy-keep-body = 帳號存在期間保存；註銷帳號後，我們會刪除或匿名化您的個人資料。
privacy-rights-heading = 您的權利
privacy-rights-body = 您可以隨時查看、複製（匯出）、更正或刪除您的個人資料，也可以撤回同意並註銷帳號。需要時請聯絡社區服務中心辦理。
privacy-contact-heading = 聯絡我們
privacy-contact-body = 對個人資料處理有疑問或申訴，請聯絡本社區居委會或社區服務中心。

## 通知
notices-title = 通知公告
notices-empty = 目前沒有通知。
notices-more = 載入更多
notices-unread-count =
    { $count ->
        [0] 沒有未讀通知
       *[other] { $count } 則未讀
    }
notice-heading = 通知內容
notice-unread = 未讀
notice-pinned = 置頂
notice-urgent = 緊急
notice-author = 發布人：{ $name }
notice-reads-link = 查看閱讀情況
notice-vote-heading = 參與投票
notice-vote-not-granted = 這則通知附有投票。替對方投票需要對方授權「代為投票」。
category-government = 政務
category-property = 物業
category-activity = 活動
category-urgent = 緊急

## 發布通知
compose-title = 發布通知
compose-submit = 發布
field-title = 標題
field-body = 內文
field-body-hint = 可使用 Markdown 格式，例如 **粗體**、清單。
field-category = 類別
field-pinned = 置頂
field-urgent = 緊急通知
field-urgent-hint = 緊急通知會向所有居民的手機推送提醒。
field-notice-vote = 附帶投票
field-notice-vote-none = 不附帶投票
field-notice-vote-scheduled = { $question }（尚未開始）
field-notice-vote-hint = 居民在通知頁面點一下即可投票。
field-notice-vote-none-open = 目前沒有進行中或待開始的投票。

## 閱讀情況
reads-title = 閱讀情況
reads-read-by = 已讀
reads-of = /
reads-residents = 位居民
reads-unread-heading = 尚未閱讀的居民
reads-all-read = 所有居民都已閱讀。
reads-show-names = 查看名單
reads-hide-names = 收起名單
reads-building-unread = { $count } 人未讀

## 邀請碼
invites-title = 邀請碼
invites-intro = 選擇住戶並產生邀請碼。居民掃描 QR 碼或輸入邀請碼，即可註冊到該住戶。
field-household = 住戶
field-building = 樓棟
invites-household-option = { $household }（{ $count } 位居民）
invites-create = 產生邀請碼
invites-code-label = 邀請碼
invites-qr-alt = 邀請碼 { $code } 的 QR 碼
invites-expires = 有效期限至 { $date }
invites-uses = 已使用 { $uses } 次，最多 { $max } 次
invites-link = 註冊連結：
invites-none = 還沒有住戶。

## 我的
me-title = 我的
me-name = 姓名
me-phone = 手機號碼
me-community = 社區
me-household = 住戶
me-household-none = 尚未綁定住戶
me-role = 身分
me-role-owner = { $role }（業主）
me-settings = 設定
me-privacy-link = 隱私權政策
sign-out = 登出
role-resident = 居民
role-staff = 居委會工作人員
role-property = 物業工作人員
role-merchant = 商家
role-admin = 管理員
role-family = 親屬

## 錯誤
error-malformed-body = 送出的內容格式不對，請重新整理頁面後再試。
error-payload-too-large = 送出的內容太長了，請刪減後再試。
error-unsupported-media-type = 送出的內容格式不受支援，請重新整理頁面後再試。
error-invalid-query = 頁面網址中的參數不正確。
error-field-required = 請填寫這一項。
error-field-too-long = 內容太長了，請刪減一些。
error-invalid-value = 填寫的內容不符合要求，請檢查。
error-invalid-phone = 請輸入 11 位數的手機號碼。
error-password-too-short = 密碼至少需要 8 個字元。
error-consent-required = 請先閱讀並同意隱私權政策。
error-invite-invalid = 邀請碼無效、已過期或已用完，請向居委會工作人員重新索取。
error-over-limit = 數量不對：每戶至少買 1 件，最多不能超過限購數量。
error-community-exists = 本伺服器上已有同名社區。
error-ledger-unreadable = 無法讀取這個台賬檔案。請在 Excel 中另存為 .xlsx 或 CSV 後再試。
error-ledger-columns-missing = 檔案中沒有標明樓棟、房號和面積的表頭列。請加上這些欄標題（樓棟、房號、面積）後再試。
error-ledger-empty = 檔案只有表頭，沒有任何住戶。
error-ledger-too-many-rows = 檔案超過 20,000 戶，請按樓棟分批匯入。
error-register-changed = 匯入過程中台賬被修改了，請重新檢查檔案後再匯入。
error-account-disabled = 此帳號已停用，如有疑問請聯絡居委會。
error-reset-code-invalid = 重設碼不正確、已使用或已過期，請向居委會工作人員重新索取。
error-wrong-password = 目前的密碼不正確。
error-phone-taken = 這個手機號碼已經註冊過了，請直接登入；如果您是從別的住戶搬來的，請用原來的密碼註冊。
error-invalid-credentials = 手機號碼或密碼不正確。
error-too-many-attempts = 嘗試次數太多，請過幾分鐘再試。
error-unauthenticated = 登入已失效，請重新登入。
error-forbidden = 您沒有權限進行這項操作。
error-not-found = 找不到這個頁面或內容。
error-method-not-allowed = 不支援這項操作。
error-timeout = 伺服器回應太慢，請稍後再試。
error-internal = 伺服器出了點問題，沒有做任何變更，請稍後再試。
error-network = 連不上伺服器，請檢查網路後再試。
error-unexpected-response = 無法辨識伺服器的回覆，請更新應用程式後再試。

## One optional photo (a product, a wish, a volunteer's proof)
photo-add = 新增照片（選填）
photo-hint = 一張照片，JPEG、PNG 或 WebP，不超過 { $megabytes } MB。
photo-alt = { $subject }的照片
photo-remove = 刪除照片
photo-uploading = 正在上傳照片…

# Saving a file staff download (CSV)
download-busy = 正在準備檔案…
download-done = 正在下載 { $file }，可以在瀏覽器的下載紀錄裡找到。
download-failed = 檔案沒有下載成功。{ $reason }
download-failed-device = 檔案沒有下載成功：這個瀏覽器不能儲存檔案，請用電腦上的瀏覽器試試。
