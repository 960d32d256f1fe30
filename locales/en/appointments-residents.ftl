# appointments — the residents' screens: services, booking, my bookings, a booking with its queue number

services-title = Appointments
services-intro = Services of the community service centre. Choose one and a time, check in at the desk when you arrive and get a queue number: no long waits.
services-links-label = Appointments
services-none = The community has no services open for booking yet.
services-new = New service
services-manage = Approvals and figures
services-desk = Desk and queue
services-edit = Change settings
services-display = Hall screen
services-staff-links = For staff
services-duration = About { $minutes } minutes
services-documents = Please bring: { $documents }
services-needs-approval = Staff check these bookings first: yours counts once they approve it, and you will be told.
services-approval-tag = Needs approval
services-choose-time = Choose a time
services-times = Times open for booking
services-days-label = Day
services-day-date = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
services-day-closed = Closed
services-day-full = Full
services-day-none = No times
services-closed-that-day = The service is closed that day. Please choose another day.
services-none-that-day = No times are left that day. Please choose another day.
services-places-left = { $count ->
        [one] 1 place left
       *[other] { $count } places left
    }
services-slot-full = Full
services-slot-lost = Someone else just took the last place at the time you chose. Please choose another; what you filled in is kept.

book-heading = Book { $time }
book-submit = Book this time
booking-field-required = { $label } (required)
booking-hint-number = Digits only.
booking-hint-phone = An 11-digit mobile number.
booking-hint-id-number = 18 characters; the last may be an X.
booking-hint-multiple = You may choose more than one.
booking-photo-not-for-others = Photos cannot be added when booking for a relative: they can add it themselves, or bring it to the desk.

bookings-title = My bookings
bookings-their-title = Their bookings
bookings-new = Book something new
bookings-coming = Coming up
bookings-coming-none = No bookings coming up.
bookings-past = Past bookings
bookings-past-none = No past bookings yet.
bookings-ticket = Number { $number }

booking-title = Booking
booking-resident = Booked for: { $name }
booking-reason = Reason: { $reason }
booking-next-pending = Waiting for staff to approve it; you will be told. Please come to the desk only once it is approved.
booking-next-confirmed = You are booked. Please come to the desk on time and check in for a queue number.
booking-next-rejected = This booking was declined.
booking-next-cancelled = This booking was cancelled.
booking-next-checked-in = You are checked in. Please wait nearby until your number is called.
booking-next-served = All done.
booking-next-no-show = The time has passed without a check-in.
booking-code-heading = Booking code
booking-code-show = Show this code at the desk: staff scan it to check you in.
booking-qr-alt = QR code of the booking code { $code }

check-in-heading = Check in at the desk
check-in-opens = Check-in opens at { $time } that day and closes when your time ends.
check-in-field = Desk code
check-in-hint = The 8 letters and digits on the desk's sign, for example K7PM-4XQ2.
check-in-submit = Check in and get a number
check-in-scan = Scan the desk's QR code
check-in-camera-failed = The QR code could not be read. Please type the desk code instead.

ticket-heading = Your queue number
ticket-ahead = { $count ->
        [0] You are next
        [one] 1 person ahead of you
       *[other] { $count } people ahead of you
    }
ticket-now-serving = Now serving: { $number }
ticket-not-started = Calling has not started yet
ticket-called = It is your turn! Please go to the desk.

cancel-booking = Cancel the booking
cancel-question = Cancel this booking? Your place will go to someone else.
cancel-confirm = Yes, cancel it
cancel-keep = Keep it

booking-review-heading = Review
booking-approve = Approve
booking-decline-reason = Why it is declined (the resident will read this)
booking-decline = Decline

rate-heading = Rate this service
rate-legend = How satisfied are you? 1 star is the least, 5 stars the most.
rate-stars = { $stars ->
        [one] 1 star
       *[other] { $stars } stars
    }
rate-chosen = Chosen: { $stars ->
        [one] 1 star
       *[other] { $stars } stars
    }
rate-comment = Anything to add (optional)
rate-submit = Send the rating
rating-heading = Rating

booking-answers-heading = What was filled in
booking-answer-none = Not given
booking-answer-photo = Photo attached
booking-answer-date = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }
booking-history-heading = Record
case-event-booked = { $actor } booked it
case-event-approved = { $actor } approved it
case-event-rejected = { $actor } declined it: { $detail }
case-event-cancelled = { $actor } cancelled it
case-event-lapsed = Not approved by the end of its time, so cancelled
case-event-reminded = Reminder sent
case-event-checked-in = { $actor } checked in: number { $detail }
case-event-called = { $actor } called number { $detail }
case-event-served = { $actor } finished it
case-event-no-show = { $actor } marked it missed
case-event-missed = No check-in by the end of its time, so marked missed
case-event-rated = { $actor } rated it { $detail } out of 5

family-their-bookings = Appointments
