# appointments — the staff's screens: the service editor, the desk, approvals and figures, the hall's now-serving screen

## The service editor

staff-editor-new-title = New service
staff-editor-edit-title = Edit service
staff-editor-name = Name of the service
staff-editor-description = Description
staff-editor-description-hint = Residents read this before booking: what it is for and who can use it.
staff-editor-documents = Documents to bring
staff-editor-documents-hint = For example: ID card, household register. Leave empty if nothing is needed.
staff-editor-needs-approval = Staff approve each booking
staff-editor-needs-approval-hint = When ticked, a booking only counts once staff approve it; otherwise it is confirmed at once.
staff-editor-duration = Length of a slot in minutes
staff-editor-duration-hint = A whole number from { $min } to { $max }.
staff-editor-duration-invalid = A slot lasts { $min } to { $max } minutes. Please enter a whole number.
staff-editor-cancel = Cancellation possible until how many hours before
staff-editor-cancel-hint = 0 to { $hours } hours. Closer to the slot, residents can no longer cancel in the app.
staff-editor-cancel-invalid = Please enter a whole number from 0 to { $hours }.
staff-editor-prefix = Queue letters
staff-editor-prefix-hint = One or two letters; numbers will be A001, A002, …
staff-editor-prefix-invalid = Please enter one or two letters, such as A or BB.
staff-editor-save = Save

staff-hours-heading = Weekly opening hours
staff-hours-intro = Each block is cut into slots of the length above; say how many people each slot takes. A day may have a morning and an afternoon block, but they must not overlap.
staff-hours-legend = Opening hours { $number }
staff-hours-weekday = Day
staff-hours-opens = Opens
staff-hours-closes = Closes
staff-hours-capacity = Places per slot
staff-hours-add = Add opening hours
staff-hours-remove = Remove opening hours { $number }
staff-hours-invalid = There must be at least one block of opening hours and at most { $rows }.
staff-hours-overlap = This block overlaps another on the same day. Please change one of them.
staff-hours-too-short = It must close after it opens, with room for at least one slot.
staff-hours-capacity-invalid = Each slot takes 1 to { $places } people. Please enter a whole number.

staff-days-heading = Closed days
staff-days-intro = Holidays and other days without service. Nobody can book on them.
staff-days-label = Closed day { $number }
staff-days-add = Add a closed day
staff-days-remove = Remove
staff-days-invalid = At most { $days } closed days.

staff-fields-heading = What residents fill in when booking
staff-fields-intro = Their name and mobile number are known already; ask only what this service needs.
staff-fields-none = Nothing to fill in yet: residents book by choosing a slot.
staff-fields-add = Add a question
staff-fields-invalid = At most { $fields } questions.
staff-field-legend = Question { $number }
staff-field-label = Question (as residents see it)
staff-field-kind = Kind of answer
staff-field-required = Must be answered
staff-field-options = Choices (one per line)
staff-field-options-hint = Up to { $options } choices of at most { $chars } characters each.
staff-field-options-invalid = A choice question needs 1 to { $options } choices, one per line.
staff-field-up = Move question { $number } up
staff-field-down = Move question { $number } down
staff-field-remove = Remove question { $number }

staff-sign-saved = Saved.
staff-sign-heading = Desk check-in code
staff-sign-hint = Print this and put it at the desk. Residents who arrive scan it or type the code on their phone and get their queue number.
staff-sign-print = Print the check-in code
staff-sign-qr-alt = Check-in QR code for code { $code }
staff-open-desk = Open the desk
staff-open-display = Open the hall screen

## The desk

staff-desk-title = Desk
staff-desk-code = Check-in code
staff-desk-now-serving = Now serving
staff-desk-none-called = No number called yet today
staff-desk-call-next = Call next ({ $count } waiting)
staff-desk-called = Called { $number } ({ $name })
staff-desk-called-heading = Numbers called
staff-desk-called-none = No number is being called.
staff-desk-calls = Called { $count } times
staff-desk-see-booking = See the booking
staff-desk-served = Served
staff-desk-no-show = Missed (no-show)
staff-desk-recall = Call again
staff-desk-waiting-heading = Waiting ({ $count })
staff-desk-waiting-none = Nobody is waiting.
staff-desk-booked-at = Booked for { $time }
staff-desk-walk-in = Walk-in
staff-desk-done-heading = Finished today ({ $count })
staff-desk-edit = Edit the service
staff-desk-given = Number { $number }: { $name }

staff-walk-in-heading = Walk-in
staff-walk-in-name = Name
staff-walk-in-hint = For someone without a booking: write down their name to give them a number.
staff-walk-in-submit = Give a number

staff-check-in-heading = Check in a booking
staff-check-in-code = Booking code
staff-check-in-hint = The 8 digits of the booking on the resident's phone.
staff-check-in-format = A booking code is 8 digits. Please check it.
staff-check-in-submit = Check in and give a number
staff-check-in-camera = Scan the resident's QR code
staff-check-in-camera-failed = Nothing was scanned. Please try again or type the 8 digits.

staff-bookings-heading = Today's bookings
staff-bookings-none = No bookings today.
staff-bookings-time = { $start }–{ $end }

## Approvals, figures and the no-show rule

staff-manage-title = Manage appointments
staff-manage-new = New service
staff-manage-edit = Edit
staff-pending-heading = Bookings waiting for approval
staff-pending-none = No bookings are waiting for approval.
staff-pending-open = Open it to approve or decline.
staff-stats-heading = Services
staff-stats-none = No services yet.
staff-stats-bookings = Bookings
staff-stats-served = Served
staff-stats-no-shows = No-shows
staff-stats-ratings = Ratings
staff-stats-rating = Average rating
staff-stats-stars = { $stars } stars
staff-stats-no-ratings = No ratings yet

staff-rules-heading = Repeated no-shows
staff-rules-summary = Now: { $limit ->
        [one] 1 no-show
       *[other] { $limit } no-shows
    } within { $window } days pause booking for { $pause } days.
staff-rules-limit = Number of no-shows
staff-rules-limit-hint = 1 to 20.
staff-rules-limit-invalid = Please enter a whole number from 1 to 20.
staff-rules-window = Within how many days
staff-rules-pause = Pause booking for how many days
staff-rules-days-hint = 1 to 365 days.
staff-rules-days-invalid = Please enter a whole number from 1 to 365.
staff-rules-save = Save the rule
staff-rules-saved = The rule is saved.

## The hall's screen

staff-screen-title = Queue screen
staff-screen-now = Now serving
staff-screen-none-yet = No number called yet
staff-screen-go = When you hear your number, please come to the desk.
staff-screen-next = Next
staff-screen-next-none = Nobody waiting
staff-screen-recent = Called before
staff-screen-recent-none = None yet
staff-screen-waiting = { $count ->
        [one] 1 person waiting
       *[other] { $count } people waiting
    }
staff-screen-reconnecting = Connection lost, reconnecting…
