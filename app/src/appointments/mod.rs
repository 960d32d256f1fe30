//! Appointments and queueing (预约办事、叫号). For now the words the rest of the app needs:
//! the notifications of a booking's news; the screens come with the rest of the module.

use linli_api::appointments::BookingNews;

/// The title of the OS notification for a booking's news (its text is the service).
pub fn news_title(news: BookingNews) -> &'static str {
    match news {
        BookingNews::Approved => "notify-booking-approved",
        BookingNews::Rejected => "notify-booking-rejected",
        BookingNews::DayBefore => "notify-booking-day-before",
        BookingNews::HourBefore => "notify-booking-hour-before",
        BookingNews::TwoAhead => "notify-booking-two-ahead",
        BookingNews::Called => "notify-booking-called",
        BookingNews::Served => "notify-booking-served",
    }
}
