# help — one-tap help (一键求助)

error-help-closed = 這次求助已經結束了。如需幫助，請再按一次求助。

help-title = 一鍵求助
help-intro = 遇到困難、身體不舒服或需要人幫忙，按下面的大按鈕，社區值班人員會馬上收到。
help-button = 一鍵求助
help-confirm-question = 要請社區工作人員來幫您嗎？
help-confirm-detail = 他們會看到您的姓名、住址和電話，並盡快聯絡您。
help-confirm-yes = 是，請來幫我
help-confirm-no = 不用了，返回
help-sent-heading = 已經通知社區
help-waiting = 已通知社區值班人員，請稍候，他們會盡快聯絡您。
help-coming = { $name } 已收到，正在趕來幫您。
help-raised-at = 求助時間：{ $time }
help-call = 撥打社區電話 { $phone }
help-call-off = 我沒事了，取消求助
help-requester = { $name }，{ $household }
help-board-title = 居民求助
help-board-intro = 居民按下「一鍵求助」後，會馬上出現在這裡。請先點「我去處理」，讓居民知道有人來了。
help-board-open = 等待處理
help-board-closed = 最近已結束
help-board-none = 現在沒有待處理的求助。
help-state-open = 等待回應
help-state-acknowledged = { $name } 正在處理
help-state-closed = 已結束
help-call-back = 回撥 { $phone }
help-acknowledge = 我去處理
help-close = 已處理完
notify-help-title = 有居民求助
