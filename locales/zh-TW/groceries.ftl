## 社區團購

error-sold-out = 庫存不夠了：請減少數量，或者換一樣商品。
error-orders-closed = 這個團購已經截單，不能再下單或修改了。
error-campaign-paused = 這個團購暫停了，社區恢復後才能下單。
error-merchant-not-approved = 店鋪還沒通過社區審核，通過後才能發布團購。
error-pickup-code-invalid = 提貨碼不對：請核對 8 位數字，只能核銷本店團購的訂單。
error-already-picked-up = 這個訂單已經提過貨了，不能重複核銷。
error-not-formed = 這個團購還沒成團，現在不能提貨。

notify-campaign-formed = 團購成團了
notify-campaign-cancelled = 團購沒有成團，訂單已取消

## 居民：團購

groceries-title = 社區團購
groceries-campaign-heading = 團購
groceries-tile = 團購
groceries-tile-again = 再買一次
groceries-tile-shop = 我的店鋪
groceries-shop-apply-link = 我是商家，申請入駐
groceries-links-label = 團購導覽
groceries-my-orders = 我的訂單
groceries-merchants-link = 商家審核
groceries-none = 現在沒有團購。有新團購時會顯示在這裡。
groceries-all-campaigns = 看看所有團購
groceries-shop = 商家：{ $shop }

# 階段
groceries-phase-open = 接單中
groceries-phase-paused = 已暫停
groceries-phase-withdrawn = 已撤下
groceries-phase-formed = 已成團
groceries-phase-cancelled = 未成團，已取消
groceries-paused-reason = 社區暫停了這個團購，暫時不能下單或修改。原因：{ $reason }
groceries-paused-note = 社區暫停了這個團購，暫時不能下單或修改。
groceries-withdrawn-reason = 社區撤下了這個團購，所有訂單作廢，不用付款。原因：{ $reason }
groceries-withdrawn-note = 社區撤下了這個團購，所有訂單作廢，不用付款。
groceries-formed-note = 已成團！下過單的住戶請到「我的訂單」查看提貨碼。
groceries-cancelled-note = 截單時下單的住戶不夠，沒有成團。所有訂單作廢，不用付款。

# 截單與成團進度
groceries-cut-off = 截單時間：{ $when }
groceries-left-days = 還剩 { $days } 天 { $hours } 小時
groceries-left-hours = 還剩 { $hours } 小時 { $minutes } 分鐘
groceries-left-minutes = 還剩 { $minutes } 分鐘
groceries-left-over = 已到截單時間
groceries-households = 已有 { $households } 戶下單，{ $reached ->
    [yes] 已夠 { $min } 戶，可以成團
   *[no] 滿 { $min } 戶成團
}
groceries-progress-label = 成團進度

# 商品
groceries-products-heading = 商品
groceries-unit-price = { $price }/{ $unit }
groceries-stock-left = 還剩 { $left } { $unit }
groceries-sold-out = 已售完
groceries-limit = 每戶限購 { $limit } { $unit }
groceries-photo-alt = { $name }的照片
groceries-quantity = { $quantity } { $unit }
groceries-line = { $name } { $quantity } { $unit }
groceries-list-separator = 、
groceries-less = { $name }少買一{ $unit }
groceries-more = { $name }多買一{ $unit }
groceries-too-many = { $max ->
    [0] 已經賣完了：請把數量減到 0。
   *[other] 現在最多只能買 { $max } { $unit }，請減少數量。
}

# 購物車
groceries-cart-heading = 購物車
groceries-cart-heading-placed = 您家的訂單
groceries-order-placed-note = 您家已經下單。截單前可以改數量、換取貨方式，或者取消。
groceries-cart-empty = 還沒有選商品：點商品下面的「+」加入。
groceries-fulfilment-legend = 怎麼拿貨
groceries-fulfilment-none = 這個團購沒有自取點，也不送到您的樓棟，暫時不能下單。
groceries-pickup-at = 到自取點取貨：{ $point }
groceries-pickup = 到自取點取貨
groceries-delivery-to = 送貨到{ $building }：{ $window }
groceries-delivery = 送貨上門
groceries-window = { $from } 至 { $until }
groceries-total = 合計 { $total }
groceries-pay-note = 貨到付款：取貨或送貨時再付錢，在這裡不用付款。
groceries-place-order = 下單
groceries-change-order = 修改訂單
groceries-placed = 已下單，合計 { $total }，貨到付款。成團後可在「我的訂單」查看提貨碼。
groceries-changed = 訂單已修改，合計 { $total }，貨到付款。
groceries-cancel-order = 取消訂單
groceries-cancel-question = 確定取消這個訂單嗎？截單前還可以重新下單。
groceries-cancel-yes = 確定取消
groceries-cancel-no = 不取消
groceries-cancelled = 訂單已取消。截單前還可以重新下單。
groceries-residents-order = 只有居民可以下單。
groceries-my-order-heading = 您家的訂單

# 工作人員
groceries-staff-heading = 社區管理
groceries-standing-reason = 原因（居民會看到）
groceries-standing-reason-hint = 暫停或撤下時必須填寫；恢復接單時不用填。
groceries-pause = 暫停接單
groceries-resume = 恢復接單
groceries-withdraw = 撤下團購
groceries-withdraw-question = 撤下後所有訂單作廢，不能恢復。確定撤下這個團購嗎？
groceries-withdraw-yes = 確定撤下
groceries-withdraw-no = 不撤下
groceries-standing-closed = 已過截單時間或已撤下，不能再暫停或撤下。
groceries-standing-paused = 已暫停接單，居民會看到原因。
groceries-standing-resumed = 已恢復接單。
groceries-standing-withdrawn = 已撤下，所有訂單作廢。
groceries-oversee-label = 團購管理
groceries-dashboard-link = 團購進度
groceries-picking-link = 配貨單

# 我的訂單
groceries-orders-title = 我的訂單
groceries-orders-none = 還沒有團購訂單。
groceries-orders-more = 載入更早的訂單
groceries-order-placed = 已下單
groceries-order-cancelled = 已取消
groceries-order-awaiting-pickup = 待取貨
groceries-order-picked-up = 已取貨
groceries-order-void = 已作廢
groceries-next-placed = 等待截單。截單前可以修改或取消。
groceries-next-cancelled = 您取消了這個訂單。
groceries-next-awaiting-pickup = 已成團！請出示提貨碼取貨，貨到付款。
groceries-next-picked-up = 已經取貨，謝謝。
groceries-next-void = 團購沒有成團或被撤下，這個訂單作廢，不用付款。
groceries-picked-up-at = 取貨時間：{ $when }
groceries-pickup-code = 提貨碼
groceries-qr-alt = 提貨碼 { $code } 的 QR 碼，請給商家掃描
groceries-change-link = 修改或取消訂單

# 再買一次（長輩版）
groceries-again-title = 再買一次
groceries-again-intro = 和上次買的一樣，按一下就下單。
groceries-again-none = 現在沒有可以再買的：您上次買過的店鋪還沒有新的團購。
groceries-again-total = 一共 { $total }，貨到付款
groceries-again-button = 再買一次
groceries-again-done = 已經下單了！{ $items }，一共 { $total }，貨到付款。{ $handover }。成團後在「我的訂單」裡看提貨碼。
