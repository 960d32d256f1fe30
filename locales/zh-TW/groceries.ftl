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
