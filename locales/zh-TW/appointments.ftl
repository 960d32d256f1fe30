# appointments — 預約辦事、叫號

error-invalid-id-number = 身分證號碼不對：應為 18 位，出生日期和最後一位校驗碼要正確。
error-slot-full = 這個時段已經約滿了，請選別的時段。
error-slot-unavailable = 這個時段不能預約（不在辦理時間、當天休息、已經過去或太遠）。
error-booking-paused = 因多次預約未到，暫時不能預約。如有疑問請致電社區服務中心。
error-already-booked = 您已經預約了這項服務，請先辦完或取消原來的預約。
error-cancel-too-late = 離辦理時間太近，不能在手機上取消了，請致電社區服務中心。
error-desk-code-invalid = 這不是本服務窗口的報到碼，請核對窗口上的 QR 碼或數字。
error-booking-code-invalid = 今天沒有這個預約碼的預約。
error-not-check-in-time = 現在不能報到：報到從預約時段前一小時開始，到時段結束為止。
error-booking-changed = 這個預約剛剛有了變化，請重新整理後再看。
error-queue-empty = 現在沒有等候的人。

notify-booking-approved = 您的預約已通過
notify-booking-rejected = 您的預約未通過
notify-booking-day-before = 明天有預約辦事
notify-booking-hour-before = 一小時後有預約辦事
notify-booking-two-ahead = 前面還有兩位，請準備
notify-booking-called = 輪到您了，請到窗口辦理
notify-booking-served = 辦好了，請為服務評分
