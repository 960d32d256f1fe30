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
