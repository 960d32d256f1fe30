# Problem reports (报事报修).

error-report-changed = 这件事刚刚有了新进展，请刷新后再看。
error-report-taken = 这件事刚刚已被其他人受理。
error-reopen-too-late = 已超过可以要求重新处理的期限。如问题仍在，请重新报事。

notify-report-new = 有新的报事等待受理
notify-report-accepted = 您报的事已受理
notify-report-resolved = 您报的事已处理完毕，请确认并评价
notify-report-reopened = 居民表示问题还没解决
notify-report-confirmed = 居民已确认并评价
notify-report-escalated = 报事超时无人受理，已上报上一级
notify-report-reassigned = 报事已转交处理
notify-report-merged = 您报的事已与同一问题合并处理

tile-reports = 报事报修
reports-title = 报事报修
reports-intro = 家里或小区里坏了、脏了、不安全了，都可以在这里报。我们会交给负责的一方，并按时受理。
reports-intro-handler = 小区里公开的报事。要处理的事在“待处理的报事”里。
reports-links-label = 报事报修
reports-views-label = 看哪些报事
reports-mine-heading = 我报的事
reports-mine-none = 您还没有报过事。
reports-their-heading = 对方报的事
reports-their-none = 对方还没有报过事。
reports-public-heading = 小区里的事
reports-public-none = 现在没有公开的报事。
reports-more = 加载更多报事

report-new-title = 我要报事
report-new-intro = 说清楚是什么问题、在哪里，最好拍张照片。提交后会交给负责的一方处理。
report-field-category = 是哪类问题
report-field-location = 在哪里
report-field-location-hint = 例如“3栋1单元电梯”或“东门岗亭旁”。
report-field-description = 是什么问题
report-field-description-hint = 说说看到了什么、从什么时候开始的。
report-field-visibility = 谁能看到
report-field-private = 不公开
report-field-private-hint = 只有您、社区工作人员和处理的人能看到。
report-field-public = 公开给邻居
report-field-public-hint = 邻居能看到这件事，遇到同样问题可以点“我也遇到了”；但看不到是谁报的。
report-submit = 提交报事
report-route = 将交给{ $party }，{ $within }内受理。

report-category-home-repair = 家中维修
report-category-common-areas = 公共设施
report-category-environment = 环境卫生
report-category-parking = 停车
report-category-safety = 安全隐患
report-category-neighbour-dispute = 邻里纠纷
report-category-other = 其他
report-party-property-company = 物业公司
report-party-residents-committee = 居委会
report-party-street-office = 街道办
report-party-pool = { $party }（{ $pool }）
report-state-submitted = 等待受理
report-state-accepted = 已受理
report-state-in-progress = 正在处理
report-state-resolved = 已处理，待确认
report-state-confirmed = 已解决
report-state-merged = 已合并
report-days = { $count } 天
report-hours = { $count } 小时
report-minutes = { $count } 分钟
report-private-tag = 不公开
report-public-tag = 公开
report-escalated-tag = 已上报
report-card-accept-by = { $when } 前受理
report-reported-at = 报于 { $when }
report-seconds = { $count } 位邻居也遇到了
report-seconds-page = { $count ->
        [0] 还没有邻居说也遇到了。
       *[other] { $count } 位邻居也遇到了。
    }
report-seconded = 您已说过也遇到了这个问题。
report-second = 我也遇到了

report-entry-heading = 家里或小区里有东西坏了？
report-entry-text = 水管漏水、电梯坏了、垃圾没人清，都可以报给物业或居委会。

report-fact-party = 交给
report-fact-handler = 处理人
report-fact-reporter = 报事人
report-fact-reported-at = 报事时间
report-reporter-call = 打电话：{ $phone }
report-accept-by = 应在 { $when } 前受理。
report-accept-overdue = 已超过受理期限（{ $when }），马上会上报上一级。
report-escalations = 因超时无人受理，已上报 { $count } 次。
report-reopen-until = 如果没有解决好，{ $when } 前可以要求重新处理；到期未反馈，视为已解决。
report-merged-text = 这件事与另一件同样的事合并处理了。
report-merged-link = 查看第 { $id } 号报事
report-rating-heading = 评价
report-record-heading = 处理记录
report-a-resident = 居民
report-event-submitted = { $actor } 报了这件事
report-event-accepted = { $actor } 受理了
report-event-started = { $actor } 开始处理
report-event-resolved = { $actor } 处理完毕
report-event-confirmed = { $actor } 确认已解决
report-event-reopened = { $actor } 表示还没解决
report-event-reassigned = { $actor } 转交给{ $party }
report-event-merged = { $actor } 把它与同一问题的报事合并
report-event-escalated = 超时无人受理，上报给{ $party }
report-event-auto-confirmed = 到期未反馈，视为已解决
report-event-with-detail = { $event }：{ $detail }

report-handle-heading = 处理这件事
report-accept = 受理
report-start = 开始处理
report-resolve-heading = 处理完了？
report-resolve-note = 做了什么
report-resolve = 处理完毕
report-confirm-heading = 问题解决了吗？
report-confirm-text = 解决了就请确认，并为这次处理打个分。
report-confirm = 确认已解决
report-reopen-heading = 还没解决？
report-reopen = 没解决，要求重新处理
report-reopen-reason = 哪里还没解决
report-step-cancel = 先不了

report-staff-heading = 转交或合并
report-reassign = 转交给别的单位
report-reassign-party = 交给
report-reassign-pool = 班组（选填）
report-pool-hint = 例如“水电班”，不超过 40 个字。
report-reassign-note = 为什么转交
report-merge = 合并到另一件报事
report-merge-text = 同一个问题被报了几次时，把这件并入另一件一起处理；报事人会收到通知。
report-merge-into = 并入哪件报事
report-merge-choose = 请选择
report-merge-none = 没有其他正在处理的报事
report-merge-choice = 第 { $id } 号：{ $category } · { $location }

report-handling-title = 待处理的报事
report-handling-intro = 交给您单位的报事，等待受理的排在最前面。
report-handling-intro-staff = 小区所有的报事，等待受理的排在最前面。
report-waiting-count = { $count ->
        [0] 没有等待受理的报事。
       *[other] { $count } 件报事等待受理。
    }
report-filter = 显示
report-filter-all = 全部
report-filter-waiting = 等待受理
report-filter-under-way = 正在处理
report-filter-resolved = 已处理，待确认
report-filter-closed = 已结束
report-handling-none = 没有这样的报事。

report-rules-title = 报事分派规则
report-rules-intro = 每类问题交给哪个单位、多长时间内必须受理。超时无人受理会自动上报上一级。修改只对新的报事生效。
report-rules-party = 交给
report-rules-pool = 班组（选填）
report-rules-hours = 几小时内受理
report-rules-hours-hint = 受理时间最少 0.25 小时（15 分钟），最多 168 小时（7 天）。
report-rules-reopen-days = 处理完后几天内可以要求重新处理
report-rules-reopen-days-hint = { $min } 到 { $max } 天。
report-rules-save = 保存规则
report-rules-saved = 已保存。

report-figures-title = 报事月度数据
report-figures-intro = 每类问题、每个单位这个月收到多少报事，多快受理、多快解决，居民是否满意。
report-month = { $year }年{ $month }月
report-month-picker = 选择月份
report-month-previous = 上个月（{ $month }）
report-month-next = 下个月（{ $month }）
report-figures-none = 这个月没有报事。
report-figures-cases = 报事件数
report-figures-accept = 受理用时（中位数）
report-figures-resolve = 解决用时（中位数）
report-figures-satisfaction = 满意度
report-figures-stars = { $stars } 星（{ $count } 人评价）
report-figures-no-ratings = 还没有评价
report-figures-no-median = 暂无
