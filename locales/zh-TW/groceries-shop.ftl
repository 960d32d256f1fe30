## 商家与工作人员：团购

# 共用
shop-phase-reason = 社區說明：{ $reason }
shop-cut-off-at = 截單時間：{ $when }
shop-line = { $name } { $quantity } { $unit }
shop-pay-on-pickup = 貨到付款：{ $total }
shop-actions-label = 店鋪操作
shop-scan-link = 核銷取貨碼
shop-back-home = 返回店鋪首頁

# 商家入駐
shop-apply-title = 商家入駐
shop-apply-intro = 選擇您要服務的社區，填寫店鋪資料。送出後即可登入，社區工作人員審核通過後就能發布團購。
shop-apply-no-communities = 目前還沒有可以入駐的社區。
shop-apply-signed-in = 您已用居民或工作人員帳號登入。店鋪需要單獨的帳號：請先登出，再來申請入駐。
shop-apply-to-me = 前往「我的」登出
shop-apply-have-account = 店鋪已有帳號？
shop-apply-submit = 送出入駐申請
shop-field-community = 服務的社區
shop-field-community-choose = 請選擇社區
shop-field-shop-name = 店鋪名稱
shop-field-contact-name = 聯絡人姓名
shop-field-contact-name-hint = 用這個帳號登入、負責團購的人。

# 店鋪首頁
shop-home-title = 我的店鋪
shop-standing-pending = 入駐申請已送出，正在等待{ $community }工作人員審核。審核通過後就能發布團購。
shop-standing-approved = 已通過{ $community }的審核，可以發布團購。
shop-standing-rejected = { $community }沒有通過您的入駐申請，暫時不能發布團購。
shop-standing-reason = 原因：{ $reason }
shop-new-campaign = 發布新團購
shop-campaigns-heading = 我的團購
shop-campaigns-none = 還沒有發布過團購。

# 發布團購
shop-editor-title = 發布團購
shop-field-title = 團購標題
shop-field-description = 團購說明（選填）
shop-field-description-hint = 例如產地、規格、配送說明。
shop-products-heading = 商品
shop-product-legend = 商品 { $number }
shop-field-product-name = 商品名稱
shop-field-unit = 單位
shop-unit-hint = 例如 斤、袋、盒
shop-field-price = 單價（元）
shop-price-hint = 按元填寫，例如 28.8，最多兩位小數。
shop-price-preview = 居民看到的單價：{ $price }
shop-field-stock = 庫存數量
shop-field-limit = 每戶限購
shop-limit-hint = 每戶最多能買幾份，不能超過庫存。
shop-add-product = 新增一種商品
shop-remove-product = 刪除商品 { $number }
shop-group-heading = 成團與截單
shop-field-min-households = 成團人數（戶）
shop-min-households-hint = 截單時至少有這麼多戶下單才成團，否則團購取消。
shop-cut-off-legend = 截單時間
shop-field-cut-off-date = 日期
shop-field-cut-off-time = 時間
shop-cut-off-hint = 按社區所在時區（{ $zone }）。
shop-cut-off-preview = 將於 { $when } 截單。
shop-handover-heading = 取貨方式
shop-handover-intro = 填寫自取點，或安排按樓棟送貨，也可以兩者都有。
shop-field-pickup-point = 自取點（選填）
shop-pickup-point-hint = 例如：東門快遞櫃旁。不設自取點就請安排送貨。
shop-batches-heading = 按樓棟送貨
shop-batches-no-buildings = 社區還沒有登記樓棟，暫時只能設自取點。
shop-batch-legend = 送貨批次 { $number }
shop-field-batch-building = 樓棟
shop-field-batch-building-choose = 請選擇樓棟
shop-field-batch-date = 送貨日期
shop-field-batch-start = 開始時間
shop-field-batch-end = 結束時間
shop-add-batch = 新增送貨批次
shop-remove-batch = 刪除送貨批次 { $number }
shop-publish = 發布團購
shop-wait-photos = 請等照片上傳完成…
shop-price-invalid = 請按元填寫單價，例如 28.8，最多兩位小數。
shop-price-zero = 單價要大於 0 元。
shop-price-too-high = 單價不能超過 { $max }。
shop-stock-invalid = 庫存請填 1 到 { $max } 之間的整數。
shop-limit-invalid = 每戶限購請填 1 到庫存數量之間的整數。
shop-time-invalid = 請填寫完整的日期和時間。
shop-batch-before-cut-off = 送貨要在截單之後開始，才知道要送什麼。
shop-batch-end-before-start = 結束時間要晚於開始時間。
shop-products-invalid = 請新增 1 到 { $max } 種商品。
shop-min-households-invalid = 成團人數請填 1 到 { $households } 之間的整數。
shop-cut-off-invalid = 截單時間要在現在之後、{ $days } 天之內。
shop-handover-required = 請填寫自取點，或至少安排一個送貨批次。
shop-batches-invalid = 送貨批次有誤：每批都要在截單後開始，結束晚於開始。

# 團購進度
shop-dashboard-title = 團購進度
shop-figure-orders = 訂單
shop-figure-total = 訂單總額
shop-figure-picked-up = 已取貨
shop-picked-up-count = { $picked } / { $orders } 單
shop-stock-heading = 庫存
shop-stock-figures = 庫存 { $stock }，已訂 { $ordered }，剩餘 { $left }
shop-close-heading = 截單
shop-close-orders = 立即截單
shop-close-question = 現在就截單嗎？截單後不能再下單。現在有 { $households } 戶下單，成團需要 { $min } 戶：{ $forms ->
    [yes] 團購會立即成團。
   *[no] 人數不夠，團購會被取消，所有訂單作廢。
}
shop-close-yes = 確認截單
shop-close-no = 不截單，返回
shop-picking-link = 查看配貨單

# 配貨單
shop-picking-title = 配貨單
shop-picking-none = 還沒有訂單。
shop-download-csv = 下載配貨單（CSV）
shop-handover-pickup = 自取：{ $point }
shop-handover-delivery = 送貨到 { $building }：{ $from } 至 { $until }
shop-group-summary = { $pickup ->
    [yes] { $building }的住戶
   *[no] { $building }
}：{ $households } 戶，合計 { $total }，已取貨 { $picked } 戶
shop-group-products = 商品合計
shop-group-households = 住戶
shop-group-show-households = 查看 { $count } 戶明細
shop-group-hide-households = 收起住戶明細
shop-group-more-households = 載入更多住戶
shop-picked-up = ✓ 已取貨
shop-not-picked-up = 未取貨

# 核銷取貨碼
shop-scan-title = 核銷取貨碼
shop-field-pickup-code = 取貨碼
shop-pickup-code-hint = 居民出示的 8 位數字，例如 1234-5678，橫線可以不輸入。
shop-pickup-submit = 核銷
shop-scan-camera = 用相機掃碼
shop-scan-camera-failed = 沒有掃到取貨碼，請手動輸入。
shop-pickup-result-heading = 核銷結果
shop-pickup-done = ✓ 已核銷，請交貨
shop-pickup-checked = 取貨碼正確
shop-pickup-code-was = 取貨碼 { $code }

# 商家審核
shop-review-title = 商家審核
shop-review-pending = 待審核（{ $count }）
shop-review-pending-none = 沒有等待審核的入駐申請。
shop-review-decided = 已審核的店鋪
shop-review-contact = 聯絡人：{ $name }，電話 { $phone }
shop-review-applied = 申請時間：{ $when }
shop-review-reviewed = 審核時間：{ $when }
shop-standing-label-pending = 待審核
shop-standing-label-approved = 已通過
shop-standing-label-rejected = 未通過
shop-review-approve = 通過
shop-review-approve-after-all = 改為通過
shop-review-reject = 不通過
shop-review-revoke = 取消入駐資格
shop-review-reason = 原因（店鋪會看到）
shop-review-reject-confirm = 確認不通過
shop-review-reject-cancel = 返回
shop-review-approved = 已通過，這家店鋪現在可以發布團購。
shop-review-rejected = 已記錄，店鋪會看到原因。
