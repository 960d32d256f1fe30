# 邻里 · 简体中文（默认语言）

app-name = 邻里
app-tagline = 社区通知、邻里事务，一部手机就能办
nav-back = 返回
loading = 正在加载…
retry = 重试
busy = 请稍候…
not-found-title = 找不到页面
datetime = { $year }年{ $month }月{ $day }日 { $hour }:{ $minute }
household = { $building } { $unit } { $room }

## 首页
home-sign-in = 登录
home-register = 用邀请码注册
home-greeting = { $name }，您好！这里是{ $community }。
home-tiles-label = 功能
tile-notices = 通知
tile-compose = 发通知
tile-invites = 邀请码
tile-me = 我的

## 语言与设置
language-label = 语言
language-zh-CN = 简体中文
language-zh-TW = 繁體中文
language-en = English
elderly-mode = 长辈版
switch-on = 已开启
switch-off = 已关闭
notifications = 紧急通知提醒
notifications-blocked = 浏览器已阻止通知，请在浏览器设置中允许本网站发送通知。
notifications-unsupported = 此设备不支持通知提醒。
notify-urgent-title = 紧急通知

## 登录与注册
sign-in-title = 登录
sign-in-submit = 登录
sign-in-no-account = 还没有账号？
field-phone = 手机号
field-password = 密码
field-password-hint = 至少 { $min } 位
field-invite-code = 邀请码
field-invite-code-hint = 向居委会工作人员索取，或扫描邀请二维码
field-name = 姓名
register-title = 注册
register-accept = 我已阅读并同意
register-privacy-link = 隐私政策
register-submit = 注册
register-have-account = 已有账号？

## 隐私政策
privacy-title = 隐私政策
privacy-intro = “邻里”由本社区居委会运营，用于发布社区通知、办理社区事务。本政策说明我们收集哪些个人信息、为什么收集、谁能看到，以及您享有的权利。
privacy-collect-heading = 我们收集哪些信息
privacy-collect-body = 注册时：您的姓名、手机号、密码（只保存无法还原的加密摘要），以及邀请码对应的住户（楼栋、单元、房号）。使用时：您读过哪些通知，以及语言、长辈版等设置。我们不收集身份证号、位置、通讯录或照片。
privacy-why-heading = 为什么收集
privacy-why-body = 姓名和住户用来确认您是本社区居民；手机号用来登录，并在紧急情况下让工作人员联系到您；阅读记录让工作人员知道重要通知还有谁没看到，好打电话告诉家里的老人。这些信息不用于广告，也不会出售给任何人。
privacy-who-heading = 谁能看到
privacy-who-body = 只有本社区居委会和物业的工作人员能按职责查看；在名单里手机号只显示部分数字（如 138****5678）。工作人员每次查看个人信息都会留下记录。除法律规定外，我们不向任何第三方提供您的信息。
privacy-keep-heading = 保存多久
privacy-keep-body = 账号存在期间保存；注销账号后，我们会删除或匿名化您的个人信息。
privacy-rights-heading = 您的权利
privacy-rights-body = 您可以随时查看、复制（导出）、更正或删除您的个人信息，也可以撤回同意并注销账号。需要时请联系社区服务中心办理。
privacy-contact-heading = 联系我们
privacy-contact-body = 对个人信息处理有疑问或投诉，请联系本社区居委会或社区服务中心。

## 通知
notices-title = 通知公告
notices-empty = 暂时没有通知。
notices-more = 加载更多
notices-unread-count =
    { $count ->
        [0] 没有未读通知
       *[other] { $count } 条未读
    }
notice-heading = 通知详情
notice-unread = 未读
notice-pinned = 置顶
notice-urgent = 紧急
notice-author = 发布人：{ $name }
notice-reads-link = 查看阅读情况
notice-vote-heading = 参与投票
notice-vote-not-granted = 这则通知附有投票。替对方投票需要对方授权“代为投票”。
category-government = 政务
category-property = 物业
category-activity = 活动
category-urgent = 紧急

## 发布通知
compose-title = 发布通知
compose-submit = 发布
field-title = 标题
field-body = 正文
field-body-hint = 可使用 Markdown 格式，例如 **加粗**、列表。
field-category = 类别
field-pinned = 置顶
field-urgent = 紧急通知
field-urgent-hint = 紧急通知会向所有居民的手机推送提醒。
field-notice-vote = 附带投票
field-notice-vote-none = 不附带投票
field-notice-vote-scheduled = { $question }（尚未开始）
field-notice-vote-hint = 居民在通知页面点一下即可投票。
field-notice-vote-none-open = 目前没有进行中或待开始的投票。

## 阅读情况
reads-title = 阅读情况
reads-read-by = 已读
reads-of = /
reads-residents = 位居民
reads-unread-heading = 尚未阅读的居民
reads-all-read = 所有居民都已阅读。
reads-show-names = 查看名单
reads-hide-names = 收起名单
reads-building-unread = { $count } 人未读

## 邀请码
invites-title = 邀请码
invites-intro = 选择住户并生成邀请码。居民扫描二维码或输入邀请码，即可注册到该住户。
field-household = 住户
field-building = 楼栋
invites-household-option = { $household }（{ $count } 位居民）
invites-create = 生成邀请码
invites-code-label = 邀请码
invites-qr-alt = 邀请码 { $code } 的二维码
invites-expires = 有效期至 { $date }
invites-uses = 已使用 { $uses } 次，最多 { $max } 次
invites-link = 注册链接：
invites-none = 还没有住户。

## 我的
me-title = 我的
me-name = 姓名
me-phone = 手机号
me-community = 社区
me-household = 住户
me-household-none = 尚未绑定住户
me-role = 身份
me-role-owner = { $role }（业主）
me-settings = 设置
me-privacy-link = 隐私政策
sign-out = 退出登录
role-resident = 居民
role-staff = 居委会工作人员
role-property = 物业工作人员
role-merchant = 商户
role-admin = 管理员
role-family = 亲属

## 错误
error-malformed-body = 提交的内容格式不对，请刷新页面后重试。
error-payload-too-large = 提交的内容太长了，请删减后再试。
error-unsupported-media-type = 提交的内容格式不受支持，请刷新页面后重试。
error-invalid-query = 页面地址里的参数不正确。
error-field-required = 请填写这一项。
error-field-too-long = 内容太长了，请删减一些。
error-invalid-value = 填写的内容不符合要求，请检查。
error-invalid-phone = 请输入 11 位手机号码。
error-password-too-short = 密码至少需要 8 位。
error-consent-required = 请先阅读并同意隐私政策。
error-invite-invalid = 邀请码无效、已过期或已用完，请向居委会工作人员重新索取。
error-over-limit = 数量不对：每户至少买 1 件，最多不能超过限购数量。
error-community-exists = 本服务器上已有同名社区。
error-ledger-unreadable = 无法读取这个台账文件。请在 Excel 中另存为 .xlsx 或 CSV 后再试。
error-ledger-columns-missing = 文件中没有标明楼栋、房号和面积的表头行。请加上这些列标题（楼栋、房号、面积）后再试。
error-ledger-empty = 文件只有表头，没有任何住户。
error-ledger-too-many-rows = 文件超过 20,000 户，请按楼栋分批导入。
error-register-changed = 导入过程中台账被修改了，请重新检查文件后再导入。
error-account-disabled = 此账号已停用，如有疑问请联系居委会。
error-reset-code-invalid = 重置码不正确、已使用或已过期，请向居委会工作人员重新索取。
error-wrong-password = 当前密码不正确。
error-phone-taken = 这个手机号已经注册过了，请直接登录；如果您是从别的住户搬来的，请用原来的密码注册。
error-invalid-credentials = 手机号或密码不正确。
error-too-many-attempts = 尝试次数太多，请过几分钟再试。
error-unauthenticated = 登录已失效，请重新登录。
error-forbidden = 您没有权限进行这项操作。
error-not-found = 找不到这个页面或内容。
error-method-not-allowed = 不支持这项操作。
error-timeout = 服务器响应太慢，请稍后再试。
error-internal = 服务器出了点问题，没有做任何改动，请稍后再试。
error-network = 连不上服务器，请检查网络后再试。
error-unexpected-response = 服务器的回复无法识别，请更新应用后再试。

## One optional photo (a product, a wish, a volunteer's proof)
photo-add = 添加照片（选填）
photo-hint = 一张照片，JPEG、PNG 或 WebP，不超过 { $megabytes } MB。
photo-alt = { $subject }的照片
photo-remove = 删除照片
photo-uploading = 正在上传照片…

# Saving a file staff download (CSV)
download-busy = 正在准备文件…
download-done = 正在下载 { $file }，可以在浏览器的下载记录里找到。
download-failed = 文件没有下载成功。{ $reason }
download-failed-device = 文件没有下载成功：这个浏览器不能保存文件，请用电脑上的浏览器试试。
