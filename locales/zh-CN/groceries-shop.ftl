## 商家与工作人员：团购

# 共用
shop-phase-reason = 社区说明：{ $reason }
shop-cut-off-at = 截单时间：{ $when }
shop-line = { $name } { $quantity } { $unit }
shop-pay-on-pickup = 货到付款：{ $total }
shop-actions-label = 店铺操作
shop-scan-link = 核销提货码
shop-back-home = 返回店铺首页

# 商家入驻
shop-apply-title = 商家入驻
shop-apply-intro = 选择您要服务的社区，填写店铺信息。提交后即可登录，社区工作人员审核通过后就能发布团购。
shop-apply-no-communities = 目前还没有可以入驻的社区。
shop-apply-signed-in = 您已用居民或工作人员账号登录。店铺需要单独的账号：请先退出登录，再来申请入驻。
shop-apply-to-me = 前往“我的”退出登录
shop-apply-have-account = 店铺已有账号？
shop-apply-submit = 提交入驻申请
shop-field-community = 服务的社区
shop-field-community-choose = 请选择社区
shop-field-shop-name = 店铺名称
shop-field-contact-name = 联系人姓名
shop-field-contact-name-hint = 用这个账号登录、负责团购的人。

# 店铺首页
shop-home-title = 我的店铺
shop-standing-pending = 入驻申请已提交，正在等待{ $community }工作人员审核。审核通过后就能发布团购。
shop-standing-approved = 已通过{ $community }的审核，可以发布团购。
shop-standing-rejected = { $community }没有通过您的入驻申请，暂时不能发布团购。
shop-standing-reason = 原因：{ $reason }
shop-new-campaign = 发布新团购
shop-campaigns-heading = 我的团购
shop-campaigns-none = 还没有发布过团购。

# 发布团购
shop-editor-title = 发布团购
shop-field-title = 团购标题
shop-field-description = 团购说明（选填）
shop-field-description-hint = 例如产地、规格、配送说明。
shop-products-heading = 商品
shop-product-legend = 商品 { $number }
shop-field-product-name = 商品名称
shop-field-unit = 单位
shop-unit-hint = 例如 斤、袋、盒
shop-field-price = 单价（元）
shop-price-hint = 按元填写，例如 28.8，最多两位小数。
shop-price-preview = 居民看到的单价：{ $price }
shop-field-stock = 库存数量
shop-field-limit = 每户限购
shop-limit-hint = 每户最多能买几份，不能超过库存。
shop-add-product = 添加一种商品
shop-remove-product = 删除商品 { $number }
shop-group-heading = 成团与截单
shop-field-min-households = 成团人数（户）
shop-min-households-hint = 截单时至少有这么多户下单才成团，否则团购取消。
shop-cut-off-legend = 截单时间
shop-field-cut-off-date = 日期
shop-field-cut-off-time = 时间
shop-cut-off-hint = 按社区所在时区（{ $zone }）。
shop-cut-off-preview = 将于 { $when } 截单。
shop-handover-heading = 取货方式
shop-handover-intro = 填写自提点，或安排按楼栋送货，也可以两者都有。
shop-field-pickup-point = 自提点（选填）
shop-pickup-point-hint = 例如：东门快递柜旁。不设自提点就请安排送货。
shop-batches-heading = 按楼栋送货
shop-batches-no-buildings = 社区还没有登记楼栋，暂时只能设自提点。
shop-batch-legend = 送货批次 { $number }
shop-field-batch-building = 楼栋
shop-field-batch-building-choose = 请选择楼栋
shop-field-batch-date = 送货日期
shop-field-batch-start = 开始时间
shop-field-batch-end = 结束时间
shop-add-batch = 添加送货批次
shop-remove-batch = 删除送货批次 { $number }
shop-publish = 发布团购
shop-wait-photos = 请等照片上传完成…
shop-price-invalid = 请按元填写单价，例如 28.8，最多两位小数。
shop-price-zero = 单价要大于 0 元。
shop-price-too-high = 单价不能超过 { $max }。
shop-stock-invalid = 库存请填 1 到 { $max } 之间的整数。
shop-limit-invalid = 每户限购请填 1 到库存数量之间的整数。
shop-time-invalid = 请填写完整的日期和时间。
shop-batch-before-cut-off = 送货要在截单之后开始，好知道要送什么。
shop-batch-end-before-start = 结束时间要晚于开始时间。
shop-products-invalid = 请添加 1 到 { $max } 种商品。
shop-min-households-invalid = 成团人数请填 1 到 { $households } 之间的整数。
shop-cut-off-invalid = 截单时间要在现在之后、{ $days } 天之内。
shop-handover-required = 请填写自提点，或至少安排一个送货批次。
shop-batches-invalid = 送货批次有误：每批都要在截单后开始，结束晚于开始。

# 团购进度
shop-dashboard-title = 团购进度
shop-figure-orders = 订单
shop-figure-total = 订单总额
shop-figure-picked-up = 已提货
shop-picked-up-count = { $picked } / { $orders } 单
shop-stock-heading = 库存
shop-stock-figures = 库存 { $stock }，已订 { $ordered }，剩余 { $left }
shop-close-heading = 截单
shop-close-orders = 立即截单
shop-close-question = 现在就截单吗？截单后不能再下单。现在有 { $households } 户下单，成团需要 { $min } 户：{ $forms ->
    [yes] 团购会立即成团。
   *[no] 人数不够，团购会被取消，所有订单作废。
}
shop-close-yes = 确认截单
shop-close-no = 不截单，返回
shop-picking-link = 查看配货单

# 配货单
shop-picking-title = 配货单
shop-picking-none = 还没有订单。
shop-download-csv = 下载配货单（CSV）
shop-handover-pickup = 自提：{ $point }
shop-handover-delivery = 送货到 { $building }：{ $from } 至 { $until }
shop-group-summary = { $pickup ->
    [yes] { $building }的住户
   *[no] { $building }
}：{ $households } 户，合计 { $total }，已提货 { $picked } 户
shop-group-products = 商品合计
shop-group-households = 住户
shop-group-show-households = 查看 { $count } 户明细
shop-group-hide-households = 收起住户明细
shop-group-more-households = 加载更多住户
shop-picked-up = ✓ 已提货
shop-not-picked-up = 未提货

# 核销提货码
shop-scan-title = 核销提货码
shop-field-pickup-code = 提货码
shop-pickup-code-hint = 居民出示的 8 位数字，例如 1234-5678，横线可以不输。
shop-pickup-submit = 核销
shop-scan-camera = 用相机扫码
shop-scan-camera-failed = 没有扫到提货码，请手动输入。
shop-pickup-result-heading = 核销结果
shop-pickup-done = ✓ 已核销，请交货
shop-pickup-checked = 提货码正确
shop-pickup-code-was = 提货码 { $code }

# 商家审核
shop-review-title = 商家审核
shop-review-pending = 待审核（{ $count }）
shop-review-pending-none = 没有等待审核的入驻申请。
shop-review-decided = 已审核的店铺
shop-review-contact = 联系人：{ $name }，电话 { $phone }
shop-review-applied = 申请时间：{ $when }
shop-review-reviewed = 审核时间：{ $when }
shop-standing-label-pending = 待审核
shop-standing-label-approved = 已通过
shop-standing-label-rejected = 未通过
shop-review-approve = 通过
shop-review-approve-after-all = 改为通过
shop-review-reject = 不通过
shop-review-revoke = 取消入驻资格
shop-review-reason = 原因（店铺会看到）
shop-review-reject-confirm = 确认不通过
shop-review-reject-cancel = 返回
shop-review-approved = 已通过，这家店铺现在可以发布团购。
shop-review-rejected = 已记录，店铺会看到原因。
