# Problem reports (報事報修).

error-report-changed = 這件事剛剛有了新進展，請重新整理後再看。
error-report-taken = 這件事剛剛已被其他處理人接單。
error-reopen-too-late = 已超過可以重新開啟的期限。如問題仍在，請重新報事。

notify-report-new = 有新的報事待接單
notify-report-accepted = 您的報事已被接單
notify-report-resolved = 您的報事已處理完畢，請確認並評價
notify-report-reopened = 居民表示問題還沒解決
notify-report-confirmed = 居民已確認並評價
notify-report-escalated = 報事逾時未接單，已上報上一級
notify-report-reassigned = 報事已轉交處理
notify-report-merged = 您的報事已與同一問題合併處理
