# Problem reports (报事报修).

error-report-changed = 这件事刚刚有了新进展，请刷新后再看。
error-report-taken = 这件事刚刚已被其他处理人接单。
error-reopen-too-late = 已超过可以重新打开的期限。如问题仍在，请重新报事。

notify-report-new = 有新的报事待接单
notify-report-accepted = 您的报事已被接单
notify-report-resolved = 您的报事已处理完毕，请确认并评价
notify-report-reopened = 居民表示问题还没解决
notify-report-confirmed = 居民已确认并评价
notify-report-escalated = 报事超时未接单，已上报上一级
notify-report-reassigned = 报事已转交处理
notify-report-merged = 您的报事已与同一问题合并处理
