# appointments — booking services and queue numbers

error-invalid-id-number = That is not an identity card number: it has 18 characters, a real date of birth and the right last character.
error-slot-full = Every place in this slot is taken. Please choose another.
error-slot-unavailable = This slot cannot be booked (outside opening hours, a closed day, already past or too far ahead).
error-booking-paused = After several missed appointments, booking is paused for a while. Please phone the community service centre if this is wrong.
error-already-booked = You already have a booking of this service. Finish or cancel it first.
error-cancel-too-late = It is too close to the appointment to cancel in the app. Please phone the community service centre.
error-desk-code-invalid = That is not the code of this service’s desk. Please check the QR code or number at the desk.
error-booking-code-invalid = No booking today has this code.
error-not-check-in-time = You cannot check in now: check-in opens an hour before your slot and closes when it ends.
error-booking-changed = This booking has just changed. Please reload it.
error-queue-empty = Nobody is waiting.

notify-booking-approved = Your booking was approved
notify-booking-rejected = Your booking was declined
notify-booking-day-before = You have an appointment tomorrow
notify-booking-hour-before = Your appointment is in an hour
notify-booking-two-ahead = Two more before you: please get ready
notify-booking-called = It is your turn: please go to the desk
notify-booking-served = Done: please rate the service

booking-state-pending = Waiting for staff
booking-state-confirmed = Booked
booking-state-rejected = Declined
booking-state-cancelled = Cancelled
booking-state-checked-in = Checked in
booking-state-served = Done
booking-state-no-show = Missed
ticket-state-waiting = Waiting
ticket-state-called = Called
ticket-state-served = Served
ticket-state-no-show = Missed
field-kind-text = Text
field-kind-number = Number
field-kind-date = Date
field-kind-single-choice = One choice
field-kind-multiple-choice = Several choices
field-kind-phone = Mobile number
field-kind-id-number = ID card number
field-kind-image = Photo
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
slot-time = { $weekday } { $day } { $month ->
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
    }, { $start }–{ $end }
tile-appointments = Appointments
