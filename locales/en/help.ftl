# help — one-tap help (一键求助)

error-help-closed = This help request has already been closed. Press help again if you need it.

help-title = Help
help-intro = If you are in trouble, feel unwell or need a hand, press the big button. The community staff on duty are told at once.
help-button = Ask for help
help-confirm-question = Ask the community staff to come and help you?
help-confirm-detail = They will see your name, your address and your phone number, and contact you as soon as they can.
help-confirm-yes = Yes, please help me
help-confirm-no = No, go back
help-sent-heading = The community has been told
help-waiting = The staff on duty have been told. Please wait; they will contact you soon.
help-coming = { $name } has your request and is on the way.
help-raised-at = Asked at { $time }
help-call = Call the community: { $phone }
help-call-off = I am fine now, cancel
help-requester = { $name }, { $household }
help-board-title = Residents asking for help
help-board-intro = When a resident presses “Ask for help”, it appears here at once. Press “I will go” first, so they know someone is coming.
help-board-open = Waiting
help-board-closed = Recently closed
help-board-none = No one is waiting for help right now.
help-state-open = Waiting for an answer
help-state-acknowledged = { $name } is on it
help-state-closed = Closed
help-call-back = Call back { $phone }
help-acknowledge = I will go
help-close = Done
notify-help-title = A resident needs help
