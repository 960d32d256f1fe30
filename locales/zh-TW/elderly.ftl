# elderly — elderly mode (长辈版), read-aloud, accessibility aids

## First start: the offer on home
elderly-offer-text = 字太小、看不清？可以用長輩版：字更大，按鈕更大。以後在「我的」裡隨時能改。
elderly-offer-yes = 用長輩版（大字）
elderly-offer-no = 保持標準版
elderly-offer-on = 已開啟長輩版。
elderly-offer-off = 已保持標準版。需要時可在「我的」裡開啟長輩版。
# Under the 長輩版 switch in Me: the other names people search for.
elderly-mode-hint = 也叫關懷版：字更大、按鈕更大、顏色更清楚。

## Home tiles
tile-help = 求助
tile-help-requests = 居民求助
tile-family = 親情帳號

## Read aloud (朗讀)
read-aloud = 朗讀
read-aloud-stop = 停止朗讀
read-aloud-unavailable = 這台裝置不能朗讀。請在系統設定裡安裝或開啟「文字轉語音」。
read-aloud-failed = 朗讀沒有成功，請再試一次。

## Live updates, said to screen readers
notices-arrived = 新通知：{ $title }
