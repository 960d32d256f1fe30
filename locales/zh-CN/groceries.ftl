## 社区团购

error-sold-out = 库存不够了：请减少数量，或者换一样商品。
error-orders-closed = 这个团购已经截单，不能再下单或修改了。
error-campaign-paused = 这个团购暂停了，社区恢复后才能下单。
error-merchant-not-approved = 店铺还没通过社区审核，通过后才能发布团购。
error-pickup-code-invalid = 提货码不对：请核对 8 位数字，只能核销本店团购的订单。
error-already-picked-up = 这个订单已经提过货了，不能重复核销。
error-not-formed = 这个团购还没成团，现在不能提货。

notify-campaign-formed = 团购成团了
notify-campaign-cancelled = 团购没有成团，订单已取消

## 居民：团购

groceries-title = 社区团购
groceries-campaign-heading = 团购
groceries-tile = 团购
groceries-tile-again = 再买一次
groceries-tile-shop = 我的店铺
groceries-shop-apply-link = 我是商家，申请入驻
groceries-links-label = 团购导航
groceries-my-orders = 我的订单
groceries-merchants-link = 商家审核
groceries-none = 现在没有团购。有新团购时会显示在这里。
groceries-all-campaigns = 看看所有团购
groceries-shop = 商家：{ $shop }

# 阶段
groceries-phase-open = 接单中
groceries-phase-paused = 已暂停
groceries-phase-withdrawn = 已撤下
groceries-phase-formed = 已成团
groceries-phase-cancelled = 未成团，已取消
groceries-paused-reason = 社区暂停了这个团购，暂时不能下单或修改。原因：{ $reason }
groceries-paused-note = 社区暂停了这个团购，暂时不能下单或修改。
groceries-withdrawn-reason = 社区撤下了这个团购，所有订单作废，不用付款。原因：{ $reason }
groceries-withdrawn-note = 社区撤下了这个团购，所有订单作废，不用付款。
groceries-formed-note = 已成团！下过单的住户请到“我的订单”查看提货码。
groceries-cancelled-note = 截单时下单的住户不够，没有成团。所有订单作废，不用付款。

# 截单与成团进度
groceries-cut-off = 截单时间：{ $when }
groceries-left-days = 还剩 { $days } 天 { $hours } 小时
groceries-left-hours = 还剩 { $hours } 小时 { $minutes } 分钟
groceries-left-minutes = 还剩 { $minutes } 分钟
groceries-left-over = 已到截单时间
groceries-households = 已有 { $households } 户下单，{ $reached ->
    [yes] 已够 { $min } 户，可以成团
   *[no] 满 { $min } 户成团
}
groceries-progress-label = 成团进度

# 商品
groceries-products-heading = 商品
groceries-unit-price = { $price }/{ $unit }
groceries-stock-left = 还剩 { $left } { $unit }
groceries-sold-out = 已售完
groceries-limit = 每户限购 { $limit } { $unit }
groceries-photo-alt = { $name }的照片
groceries-quantity = { $quantity } { $unit }
groceries-line = { $name } { $quantity } { $unit }
groceries-list-separator = 、
groceries-less = { $name }少买一{ $unit }
groceries-more = { $name }多买一{ $unit }
groceries-too-many = { $max ->
    [0] 已经卖完了：请把数量减到 0。
   *[other] 现在最多只能买 { $max } { $unit }，请减少数量。
}

# 购物车
groceries-cart-heading = 购物车
groceries-cart-heading-placed = 您家的订单
groceries-order-placed-note = 您家已经下单。截单前可以改数量、换取货方式，或者取消。
groceries-cart-empty = 还没有选商品：点商品下面的“+”加入。
groceries-fulfilment-legend = 怎么拿货
groceries-fulfilment-none = 这个团购没有自提点，也不送到您的楼栋，暂时不能下单。
groceries-pickup-at = 到自提点取货：{ $point }
groceries-pickup = 到自提点取货
groceries-delivery-to = 送货到{ $building }：{ $window }
groceries-delivery = 送货上门
groceries-window = { $from } 至 { $until }
groceries-total = 合计 { $total }
groceries-pay-note = 货到付款：提货或送货时再付钱，在这里不用付款。
groceries-place-order = 下单
groceries-change-order = 修改订单
groceries-placed = 已下单，合计 { $total }，货到付款。成团后可在“我的订单”查看提货码。
groceries-changed = 订单已修改，合计 { $total }，货到付款。
groceries-cancel-order = 取消订单
groceries-cancel-question = 确定取消这个订单吗？截单前还可以重新下单。
groceries-cancel-yes = 确定取消
groceries-cancel-no = 不取消
groceries-cancelled = 订单已取消。截单前还可以重新下单。
groceries-residents-order = 只有居民可以下单。
groceries-my-order-heading = 您家的订单

# 工作人员
groceries-staff-heading = 社区管理
groceries-standing-reason = 原因（居民会看到）
groceries-standing-reason-hint = 暂停或撤下时必须填写；恢复接单时不用填。
groceries-pause = 暂停接单
groceries-resume = 恢复接单
groceries-withdraw = 撤下团购
groceries-withdraw-question = 撤下后所有订单作废，不能恢复。确定撤下这个团购吗？
groceries-withdraw-yes = 确定撤下
groceries-withdraw-no = 不撤下
groceries-standing-closed = 已过截单时间或已撤下，不能再暂停或撤下。
groceries-standing-paused = 已暂停接单，居民会看到原因。
groceries-standing-resumed = 已恢复接单。
groceries-standing-withdrawn = 已撤下，所有订单作废。
groceries-oversee-label = 团购管理
groceries-dashboard-link = 团购进度
groceries-picking-link = 配货单

# 我的订单
groceries-orders-title = 我的订单
groceries-orders-none = 还没有团购订单。
groceries-orders-more = 加载更早的订单
groceries-order-placed = 已下单
groceries-order-cancelled = 已取消
groceries-order-awaiting-pickup = 待提货
groceries-order-picked-up = 已提货
groceries-order-void = 已作废
groceries-next-placed = 等待截单。截单前可以修改或取消。
groceries-next-cancelled = 您取消了这个订单。
groceries-next-awaiting-pickup = 已成团！请出示提货码提货，货到付款。
groceries-next-picked-up = 已经提货，谢谢。
groceries-next-void = 团购没有成团或被撤下，这个订单作废，不用付款。
groceries-picked-up-at = 提货时间：{ $when }
groceries-pickup-code = 提货码
groceries-qr-alt = 提货码 { $code } 的二维码，请给商家扫描
groceries-change-link = 修改或取消订单

# 再买一次（长辈版）
groceries-again-title = 再买一次
groceries-again-intro = 和上次买的一样，按一下就下单。
groceries-again-none = 现在没有可以再买的：您上次买过的店铺还没有新的团购。
groceries-again-total = 一共 { $total }，货到付款
groceries-again-button = 再买一次
groceries-again-done = 已经下单了！{ $items }，一共 { $total }，货到付款。{ $handover }。成团后在“我的订单”里看提货码。
