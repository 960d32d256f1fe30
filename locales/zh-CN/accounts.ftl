# Accounts (账号管理), the street office's overview of communities (社区总览), and passwords.

tile-accounts = 账号管理
tile-communities = 社区总览

## /accounts

accounts-title = 账号管理
accounts-intro = 本社区居委会工作人员、物业、商户和管理员的账号。停用后对方立即无法登录；忘记密码的同事可以在这里领取重置码。
accounts-open-toggle = 开通新账号
accounts-open-close = 收起开通表单
accounts-open-heading = 开通账号
accounts-open-intro = 为同事、物业公司或商户开通账号。开通后会显示一个设置码，对方用它自己设置密码。
accounts-role = 账号类型
accounts-role-staff-hint = 发布通知、管理住户和账号、处理求助
accounts-role-property-hint = 发布通知、处理报事报修
accounts-role-merchant-hint = 在社区开展团购
accounts-open-submit = 开通并生成设置码
accounts-opened = 已为{ $name }开通账号，请把下面的设置码交给对方。
accounts-phone-taken = 这个手机号已经有账号了，请换一个号码。
accounts-list-heading = 全部账号
accounts-none = 还没有其他账号。
accounts-more = 加载更多
accounts-disabled = 已停用
accounts-yourself = 这是您自己的账号。修改密码请到“我的”。
accounts-admin-only = 管理员账号只能由管理员管理。
accounts-disable = 停用
accounts-enable = 重新启用
accounts-disable-confirm-text = 停用后，{ $name }会立即在所有设备上退出登录，重新启用之前无法再登录。
accounts-disable-confirm = 确认停用
accounts-cancel = 取消
accounts-disabled-done = 已停用{ $name }的账号，对方已在所有设备上退出登录。
accounts-enabled-done = 已重新启用{ $name }的账号，对方可以用原来的密码登录。
accounts-reset = 重置密码
accounts-reset-heading = { $name }的重置码
accounts-setup-heading = { $name }的设置码
accounts-code-for = { $role } · { $phone }
accounts-code-until = { $when } 前有效
accounts-reset-tell = 请当面交给本人，不要在电话或短信里告诉别人。在上面写的时间之前有效，只能用一次。
accounts-setup-tell = 请告诉对方：打开邻里，在登录页点“忘记密码？”，输入本人手机号和这个设置码，再设一个自己的密码。24 小时内有效，只能用一次。

## /admin/communities

admin-communities-title = 社区总览
admin-communities-count = 共 { $count } 个社区
admin-communities-heading = 全部社区
admin-communities-none = 还没有社区。
admin-communities-more = 加载更多
admin-households-on-record = 在册住户
admin-households-registered = 已注册住户
admin-residents = 居民
admin-open-help = 未处理的求助
admin-overdue-reports = 超时未受理的报事
admin-votes-open = 进行中的投票
admin-campaigns-running = 进行中的团购
admin-new-toggle = 新建社区
admin-new-close = 收起新建表单
admin-new-heading = 新建社区
admin-community-name = 社区名称
admin-service-phone = 服务电话
admin-service-phone-hint = 居民求助时拨打的号码，例如 021-5555-0100
admin-service-phone-invalid = 请填写能拨通的电话号码，例如 021-5555-0100 或 13800000000。
admin-time-zone = 时区
admin-time-zone-hint = 社区里的时间都按这个时区显示。
admin-zone-shanghai = 北京时间（UTC+8）
admin-zone-urumqi = 乌鲁木齐时间（UTC+6）
admin-zone-hong-kong = 香港时间（UTC+8）
admin-zone-macau = 澳门时间（UTC+8）
admin-zone-taipei = 台北时间（UTC+8）
admin-zone-other = 其他（自己填写时差）
admin-zone-offset = 与 UTC 的时差
admin-zone-offset-hint = 例如 +08:00
admin-new-submit = 新建社区
admin-created = 已新建{ $name }。
admin-first-staff-heading = { $community }的第一个工作人员账号
admin-first-staff-intro = 开通后会显示设置码。这位工作人员登录后，可以再为同事、物业和商户开通账号。
admin-new-another = 再新建一个社区

## /reset-password

sign-in-forgot = 忘记密码？请向居委会索取重置码
reset-title = 设置新密码
reset-intro = 忘记密码时，请到居委会当面领取 8 位数字的重置码。新开通的工作人员、物业和商户账号，也在这里用收到的设置码设置第一个密码。
reset-code = 重置码或设置码
reset-code-hint = 8 位数字，例如 1234 5678，空格可输可不输
reset-code-format = 请输入 8 位数字的重置码或设置码。
reset-submit = 设置新密码并登录

## Me: password and signing out everywhere

password-heading = 密码与登录
password-change-heading = 修改密码
password-current = 当前密码
password-new = 新密码
password-new-again = 再输入一次新密码
password-mismatch = 两次输入的新密码不一样，请重新输入。
password-change-submit = 修改密码
password-changed = 密码已修改。其他设备上的登录已全部退出。
sign-out-everywhere = 退出所有设备
sign-out-everywhere-hint = 手机丢了，或在别人的设备上登录过时使用。
sign-out-everywhere-question = 将在所有手机和电脑上退出登录，包括这一台。之后需要用密码重新登录。确定吗？
sign-out-everywhere-confirm = 确认退出所有设备
