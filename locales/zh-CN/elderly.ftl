# elderly — elderly mode (长辈版), read-aloud, accessibility aids

## First start: the offer on home
elderly-offer-text = 字太小、看不清？可以用长辈版：字更大，按钮更大。以后在“我的”里随时能改。
elderly-offer-yes = 用长辈版（大字）
elderly-offer-no = 保持标准版
elderly-offer-on = 已打开长辈版。
elderly-offer-off = 已保持标准版。需要时可在“我的”里打开长辈版。
# Under the 长辈版 switch in Me: the other names people search for.
elderly-mode-hint = 也叫关怀版：字更大、按钮更大、颜色更清楚。

## Home tiles
tile-help = 求助
tile-help-requests = 居民求助
tile-family = 亲情账号

## Read aloud (朗读)
read-aloud = 朗读
read-aloud-stop = 停止朗读
read-aloud-unavailable = 这台设备不能朗读。请在系统设置里安装或打开“文字转语音”。
read-aloud-failed = 朗读没有成功，请再试一次。

## Live updates, said to screen readers
notices-arrived = 新通知：{ $title }
