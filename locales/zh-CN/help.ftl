# help — one-tap help (一键求助)

error-help-closed = 这次求助已经结束了。如需帮助，请再按一次求助。

help-title = 一键求助
help-intro = 遇到困难、身体不舒服或需要人帮忙，按下面的大按钮，社区值班人员会马上收到。
help-button = 一键求助
help-confirm-question = 要请社区工作人员来帮您吗？
help-confirm-detail = 他们会看到您的姓名、住址和电话，并尽快联系您。
help-confirm-yes = 是，请来帮我
help-confirm-no = 不用了，返回
help-sent-heading = 已经通知社区
help-waiting = 已通知社区值班人员，请稍候，他们会尽快联系您。
help-coming = { $name } 已收到，正在赶来帮您。
help-raised-at = 求助时间：{ $time }
help-call = 拨打社区电话 { $phone }
help-call-off = 我没事了，取消求助
help-requester = { $name }，{ $household }
help-board-title = 居民求助
help-board-intro = 居民按下“一键求助”后，会马上出现在这里。请先点“我去处理”，让居民知道有人来了。
help-board-open = 等待处理
help-board-closed = 最近已结束
help-board-none = 现在没有待处理的求助。
help-state-open = 等待回应
help-state-acknowledged = { $name } 正在处理
help-state-closed = 已结束
help-call-back = 回拨 { $phone }
help-acknowledge = 我去处理
help-close = 已处理完
notify-help-title = 有居民求助
