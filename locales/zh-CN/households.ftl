# The household register (房屋台账): staff import the property company's ledger, keep each
# household's area and owners, mark residents moved out, give reset codes, and print invite codes.

households-tile = 房屋台账
households-title = 房屋台账
households-intro = 小区每一户的楼栋、单元、房号、专有面积和业主。业主共同决定按这里的面积和业主计算。
households-print-link = 打印邀请码

## Importing the ledger

households-import-heading = 导入台账
households-import-intro = 选择物业公司导出的台账（Excel .xlsx 或 CSV 文件），表头写明楼栋、单元、房号、面积、业主姓名、业主电话。先检查，没有问题再导入。已有的住户只会被更正，不会被删除。
households-import-pick = 选择台账文件
households-import-reading = 正在读取文件…
households-import-picked = 已选择：{ $file }
households-import-check = 检查文件
households-import-checking = 正在检查，请稍候…
households-import-importing = 正在导入，请稍候…
households-import-too-large = 文件超过 { $megabytes } MB。请按楼栋分成几个文件，分别导入。
households-import-wrong-type = 只能导入 Excel（.xlsx）或 CSV 文件。请在 Excel 中另存为其中一种格式后再选择。
households-import-column-missing = 缺少“{ $column }”这一列。
households-preview-heading = 检查结果
households-figure-rows = 文件中的住户
households-figure-buildings = 新楼栋
households-figure-units = 新单元
households-figure-households = 新住户
households-figure-changed = 需更正
households-figure-unchanged = 无变化
households-problems-count = 有 { $count } 处需要改正。改正之前，台账不会有任何改动。
households-problems-more = 另有 { $count } 处问题没有列出。
households-problems-fix = 请在表格里改正并保存，再点“选择台账文件”，选择改好的文件重新检查。
households-problem = 第 { $line } 行 · { $column }：{ $problem }（{ $value }）
households-problem-blank = 第 { $line } 行 · { $column }：{ $problem }
households-preview-ready = 文件没有问题。点“导入”，按上面的数字写入台账。
households-import-apply = 导入
households-preview-nothing = 文件与现有台账完全一致，不需要导入。
households-result-heading = 导入结果
households-imported = 导入完成：新增 { $households } 户，更正 { $changed } 户。

ledger-column-building = 楼栋
ledger-column-unit = 单元
ledger-column-room = 房号
ledger-column-floor-area = 面积
ledger-column-owner-names = 业主姓名
ledger-column-owner-phones = 业主电话

ledger-problem-missing = 没有填写
ledger-problem-too-long = 内容太长
ledger-problem-control-character = 含有换行、制表符等看不见的字符
ledger-problem-duplicate-room = 和前面某一行的房号重复
ledger-problem-area-not-a-number = 不是有效的面积
ledger-problem-area-out-of-range = 面积要大于 0，且不超过 10000 平方米
ledger-problem-phone-invalid = 不是有效的 11 位手机号码
ledger-problem-owners-mismatch = 电话比业主姓名多，或业主超过 6 位

## The register

households-list-heading = 住户列表
households-total = 共 { $count } 户
households-empty = 台账里还没有住户。请先导入物业公司的台账。
households-more = 加载更多
households-export = 导出 CSV
households-area = { $area } ㎡
households-residents-count = { $count ->
        [0] 尚无居民注册
       *[other] { $count } 位居民
    }
households-owners-line = 业主：{ $owners }
households-owners-none = 台账中没有业主
households-owner-phone = { $name }（{ $phone }）

## One household

households-detail-title = 住户信息
households-field-area = 专有面积
households-field-owners = 业主
households-field-note = 备注
households-field-residents = 居民
households-note-none = 无
households-edit-heading = 修改台账信息
households-field-area-input = 专有面积（平方米）
households-area-hint = 以房产证为准，最多两位小数，例如 92.05。
households-area-invalid = 请填写面积数字，最多两位小数，大于 0 且不超过 10000，例如 92.05。
households-owners-legend = 业主
households-owners-hint = 按房产证登记的业主，最多 6 位。
households-owners-too-many = 业主最多 6 位。
households-owner-legend = 业主 { $number }
households-owner-name = 姓名
households-owner-phone-label = 手机号码
households-owner-phone-hint = 可以不填。
households-owner-phone-kept = 现有号码 { $phone } 保持不变；要换号码，在这里输入新号码。
households-owner-add = 添加业主
households-owner-remove = 删除这位业主
households-note-hint = 只有工作人员能看到，最多 { $max } 个字。
households-save = 保存
households-saved = 已保存。

households-residents-heading = 登记的居民
households-residents-none = 这一户还没有居民注册。
households-owner-mark = 业主
households-resident-phone = 手机 { $phone }
households-move-out = 已搬离
households-move-out-question = 确认{ $name }已经搬离？确认后{ $name }会被退出登录，并从这一户移除；以前的记录会保留。
households-move-out-confirm = 确认已搬离
households-move-out-cancel = 取消
households-moved-out-done = { $name }已从这一户移除，并已退出登录。
households-reset-code = 重置密码
households-reset-code-for = { $name }（{ $phone }）的重置码：
households-reset-code-until = 有效期至 { $until }
households-reset-code-hand-over = 请当面交给本人，不要在电话或微信里告诉别人。本人在登录页点“忘记密码？”，输入手机号、这个重置码和新密码即可。在上面写的时间之前有效，只能用一次。

## Printed invite codes

households-print-title = 打印邀请码
households-print-intro = 给还没有居民注册的住户生成邀请码，打印后剪开，逐户投进信箱或门缝。再次生成时，仍然有效、没用过的邀请码保持不变。
households-print-building = 哪些住户
households-print-whole = 整个小区
households-print-prepare = 生成
households-print-count = 共 { $count } 户的邀请码
households-print-none = 这里每一户都已有居民注册，不需要邀请码。
households-print-print = 打印
households-print-csv = 下载 CSV
households-print-hint = 打印时一张 A4 纸排 8 户，沿虚线剪开。
households-print-more = 加载更多住户
households-print-step-open = 打开“邻里”App 或网页，点“用邀请码注册”。
households-print-step-code = 输入上面的邀请码（或扫描二维码），再填手机号和姓名。
