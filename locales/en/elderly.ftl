# elderly — elderly mode (长辈版), read-aloud, accessibility aids

## First start: the offer on home
elderly-offer-text = Text too small? Senior mode (长辈版) has large text and large buttons. You can change it any time in Me.
elderly-offer-yes = Use senior mode (large text)
elderly-offer-no = Keep standard
elderly-offer-on = Senior mode is on.
elderly-offer-off = Standard mode kept. You can turn on senior mode in Me.
# Under the senior mode switch in Me: the other names people search for.
elderly-mode-hint = Also called care mode (长辈版, 关怀版): larger text, larger buttons, clearer colours.

## Home tiles
tile-help = Help
tile-help-requests = Help requests
tile-family = Family

## Read aloud
read-aloud = Read aloud
read-aloud-stop = Stop reading
read-aloud-unavailable = This device cannot read aloud. Install or turn on text-to-speech in the system settings.
read-aloud-failed = Reading aloud did not work. Please try again.

## Live updates, said to screen readers
notices-arrived = New notice: { $title }
