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
