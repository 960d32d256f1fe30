# The household register (房屋台賬): staff import the property company's ledger, keep each
# household's area and owners, mark residents moved out, give reset codes, and print invite codes.

households-tile = 房屋台賬
households-title = 房屋台賬
households-intro = 社區每一戶的樓棟、單元、房號、專有面積和業主。業主共同決定依這裡的面積和業主計算。
households-print-link = 列印邀請碼

## Importing the ledger

households-import-heading = 匯入台賬
households-import-intro = 選擇物業公司匯出的台賬（Excel .xlsx 或 CSV 檔案），表頭寫明樓棟、單元、房號、面積、業主姓名、業主電話。先檢查，沒有問題再匯入。已有的住戶只會被更正，不會被刪除。
households-import-pick = 選擇台賬檔案
households-import-reading = 正在讀取檔案…
households-import-picked = 已選擇：{ $file }
households-import-check = 檢查檔案
households-import-checking = 正在檢查，請稍候…
households-import-importing = 正在匯入，請稍候…
households-import-too-large = 檔案超過 { $megabytes } MB。請按樓棟分成幾個檔案，分別匯入。
households-import-wrong-type = 只能匯入 Excel（.xlsx）或 CSV 檔案。請在 Excel 中另存為其中一種格式後再選擇。
households-import-column-missing = 缺少「{ $column }」這一欄。
households-preview-heading = 檢查結果
households-figure-rows = 檔案中的住戶
households-figure-buildings = 新樓棟
households-figure-units = 新單元
households-figure-households = 新住戶
households-figure-changed = 需更正
households-figure-unchanged = 無變化
households-problems-count = 有 { $count } 處需要改正。改正之前，台賬不會有任何變動。
households-problems-more = 另有 { $count } 處問題沒有列出。
households-problems-fix = 請在表格裡改正並儲存，再點「選擇台賬檔案」，選擇改好的檔案重新檢查。
households-problem = 第 { $line } 行 · { $column }：{ $problem }（{ $value }）
households-problem-blank = 第 { $line } 行 · { $column }：{ $problem }
households-preview-ready = 檔案沒有問題。點「匯入」，依上面的數字寫入台賬。
households-import-apply = 匯入
households-preview-nothing = 檔案與現有台賬完全一致，不需要匯入。
households-result-heading = 匯入結果
households-imported = 匯入完成：新增 { $households } 戶，更正 { $changed } 戶。

ledger-column-building = 樓棟
ledger-column-unit = 單元
ledger-column-room = 房號
ledger-column-floor-area = 面積
ledger-column-owner-names = 業主姓名
ledger-column-owner-phones = 業主電話

ledger-problem-missing = 沒有填寫
ledger-problem-too-long = 內容太長
ledger-problem-control-character = 含有換行、定位字元等看不見的字元
ledger-problem-duplicate-room = 和前面某一行的房號重複
ledger-problem-area-not-a-number = 不是有效的面積
ledger-problem-area-out-of-range = 面積要大於 0，且不超過 10000 平方公尺
ledger-problem-phone-invalid = 不是有效的 11 位手機號碼
ledger-problem-owners-mismatch = 電話比業主姓名多，或業主超過 6 位

## The register

households-list-heading = 住戶列表
households-total = 共 { $count } 戶
households-empty = 台賬裡還沒有住戶。請先匯入物業公司的台賬。
households-more = 載入更多
households-export = 匯出 CSV
households-area = { $area } ㎡
households-residents-count = { $count ->
        [0] 尚無居民註冊
       *[other] { $count } 位居民
    }
households-owners-line = 業主：{ $owners }
households-owners-none = 台賬中沒有業主
households-owner-phone = { $name }（{ $phone }）

## One household

households-detail-title = 住戶資料
households-field-area = 專有面積
households-field-owners = 業主
households-field-note = 備註
households-field-residents = 居民
households-note-none = 無
households-edit-heading = 修改台賬資料
households-field-area-input = 專有面積（平方公尺）
households-area-hint = 以房產證為準，最多兩位小數，例如 92.05。
households-area-invalid = 請填寫面積數字，最多兩位小數，大於 0 且不超過 10000，例如 92.05。
households-owners-legend = 業主
households-owners-hint = 依房產證登記的業主，最多 6 位。
households-owners-too-many = 業主最多 6 位。
households-owner-legend = 業主 { $number }
households-owner-name = 姓名
households-owner-phone-label = 手機號碼
households-owner-phone-hint = 可以不填。
households-owner-phone-kept = 現有號碼 { $phone } 維持不變；要換號碼，在這裡輸入新號碼。
households-owner-add = 新增業主
households-owner-remove = 刪除這位業主
households-note-hint = 只有工作人員看得到，最多 { $max } 個字。
households-save = 儲存
households-saved = 已儲存。

households-residents-heading = 登記的居民
households-residents-none = 這一戶還沒有居民註冊。
households-owner-mark = 業主
households-resident-phone = 手機 { $phone }
households-move-out = 已搬離
households-move-out-question = 確認{ $name }已經搬離？確認後{ $name }會被登出，並從這一戶移除；以前的紀錄會保留。
households-move-out-confirm = 確認已搬離
households-move-out-cancel = 取消
households-moved-out-done = { $name }已從這一戶移除，並已登出。
households-reset-code = 重設密碼
households-reset-code-for = { $name }（{ $phone }）的重設碼：
households-reset-code-until = 有效期限至 { $until }
households-reset-code-hand-over = 請當面交給本人，不要在電話或微信裡告訴別人。本人在登入頁點「忘記密碼？」，輸入手機號碼、這個重設碼和新密碼即可。在上面寫的時間之前有效，只能使用一次。

## Printed invite codes

households-print-title = 列印邀請碼
households-print-intro = 為還沒有居民註冊的住戶產生邀請碼，列印後剪開，逐戶投進信箱或門縫。再次產生時，仍然有效、沒用過的邀請碼維持不變。
households-print-building = 哪些住戶
households-print-whole = 整個社區
households-print-prepare = 產生
households-print-count = 共 { $count } 戶的邀請碼
households-print-none = 這裡每一戶都已有居民註冊，不需要邀請碼。
households-print-print = 列印
households-print-csv = 下載 CSV
households-print-hint = 列印時一張 A4 紙排 8 戶，沿虛線剪開。
households-print-more = 載入更多住戶
households-print-step-open = 開啟「鄰里」App 或網頁，點「用邀請碼註冊」。
households-print-step-code = 輸入上面的邀請碼（或掃描 QR 碼），再填手機號碼和姓名。
