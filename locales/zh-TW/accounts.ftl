# Accounts (帳號管理), the street office's overview of communities (社區總覽), and passwords.

tile-accounts = 帳號管理
tile-communities = 社區總覽

## /accounts

accounts-title = 帳號管理
accounts-intro = 本社區居委會工作人員、物業、商家和管理員的帳號。停用後對方立即無法登入；忘記密碼的同事可以在這裡領取重設碼。
accounts-open-toggle = 開通新帳號
accounts-open-close = 收起開通表單
accounts-open-heading = 開通帳號
accounts-open-intro = 為同事、物業公司或商家開通帳號。開通後會顯示一組設定碼，對方用它自行設定密碼。
accounts-role = 帳號類型
accounts-role-staff-hint = 發布通知、管理住戶和帳號、處理求助
accounts-role-property-hint = 發布通知、處理報事報修
accounts-role-merchant-hint = 在社區開辦團購
accounts-open-submit = 開通並產生設定碼
accounts-opened = 已為{ $name }開通帳號，請把下面的設定碼交給對方。
accounts-phone-taken = 這個手機號碼已經有帳號了，請換一個號碼。
accounts-list-heading = 全部帳號
accounts-none = 還沒有其他帳號。
accounts-more = 載入更多
accounts-disabled = 已停用
accounts-yourself = 這是您自己的帳號。修改密碼請到「我的」。
accounts-admin-only = 管理員帳號只能由管理員管理。
accounts-disable = 停用
accounts-enable = 重新啟用
accounts-disable-confirm-text = 停用後，{ $name }會立即在所有裝置上登出，重新啟用之前無法再登入。
accounts-disable-confirm = 確認停用
accounts-cancel = 取消
accounts-disabled-done = 已停用{ $name }的帳號，對方已在所有裝置上登出。
accounts-enabled-done = 已重新啟用{ $name }的帳號，對方可以用原來的密碼登入。
accounts-reset = 重設密碼
accounts-reset-heading = { $name }的重設碼
accounts-setup-heading = { $name }的設定碼
accounts-code-for = { $role } · { $phone }
accounts-code-until = { $when } 前有效
accounts-reset-tell = 請當面交給本人，不要在電話或簡訊裡告訴別人。在上面寫的時間之前有效，只能使用一次。
accounts-setup-tell = 請告訴對方：打開鄰里，在登入頁點「忘記密碼？」，輸入本人手機號碼和這組設定碼，再設一個自己的密碼。24 小時內有效，只能使用一次。

## /admin/communities

admin-communities-title = 社區總覽
admin-communities-count = 共 { $count } 個社區
admin-communities-heading = 全部社區
admin-communities-none = 還沒有社區。
admin-communities-more = 載入更多
admin-households-on-record = 在冊住戶
admin-households-registered = 已註冊住戶
admin-residents = 居民
admin-open-help = 未處理的求助
admin-overdue-reports = 逾時未受理的報事
admin-votes-open = 進行中的投票
admin-campaigns-running = 進行中的團購
admin-new-toggle = 新建社區
admin-new-close = 收起新建表單
admin-new-heading = 新建社區
admin-community-name = 社區名稱
admin-service-phone = 服務電話
admin-service-phone-hint = 居民求助時撥打的號碼，例如 021-5555-0100
admin-service-phone-invalid = 請填寫能撥通的電話號碼，例如 021-5555-0100 或 13800000000。
admin-time-zone = 時區
admin-time-zone-hint = 社區裡的時間都按這個時區顯示。
admin-zone-shanghai = 北京時間（UTC+8）
admin-zone-urumqi = 烏魯木齊時間（UTC+6）
admin-zone-hong-kong = 香港時間（UTC+8）
admin-zone-macau = 澳門時間（UTC+8）
admin-zone-taipei = 台北時間（UTC+8）
admin-zone-other = 其他（自行填寫時差）
admin-zone-offset = 與 UTC 的時差
admin-zone-offset-hint = 例如 +08:00
admin-new-submit = 新建社區
admin-created = 已新建{ $name }。
admin-first-staff-heading = { $community }的第一個工作人員帳號
admin-first-staff-intro = 開通後會顯示設定碼。這位工作人員登入後，可以再為同事、物業和商家開通帳號。
admin-new-another = 再新建一個社區

## /reset-password

sign-in-forgot = 忘記密碼？請向居委會索取重設碼
reset-title = 設定新密碼
reset-intro = 忘記密碼時，請到居委會當面領取 8 位數字的重設碼。新開通的工作人員、物業和商家帳號，也在這裡用收到的設定碼設定第一組密碼。
reset-code = 重設碼或設定碼
reset-code-hint = 8 位數字，例如 1234 5678，空格可輸入也可不輸入
reset-code-format = 請輸入 8 位數字的重設碼或設定碼。
reset-submit = 設定新密碼並登入

## Me: password and signing out everywhere

password-heading = 密碼與登入
password-change-heading = 修改密碼
password-current = 目前的密碼
password-new = 新密碼
password-new-again = 再輸入一次新密碼
password-mismatch = 兩次輸入的新密碼不一樣，請重新輸入。
password-change-submit = 修改密碼
password-changed = 密碼已修改。其他裝置上的登入已全部登出。
sign-out-everywhere = 登出所有裝置
sign-out-everywhere-hint = 手機遺失，或曾在別人的裝置上登入時使用。
sign-out-everywhere-question = 將在所有手機和電腦上登出，包括這一台。之後需要用密碼重新登入。確定嗎？
sign-out-everywhere-confirm = 確認登出所有裝置
