//! Appointments and queueing (预约办事、叫号).
//!
//! Residents: `/services` the services (`list.rs`), `/services/:id` one service with its
//! free places per slot and the booking form (`service.rs`, the form's fields in `form.rs`),
//! `/bookings` my bookings (`mine.rs`), `/bookings/:id` one case: its code and QR code, check-in
//! with the desk's code, the live queue number, cancel, rate, the record (`booking.rs`; staff
//! approve or decline there too). A family member does the same with `?for=<resident>`.
//!
//! Staff: `/services/new` and `/services/:id/edit` the service editor (`editor.rs`),
//! `/services/:id/desk` the desk: today's queue, call next, walk-ins, check-in by booking
//! code (`desk.rs`), `/services/manage` approvals, figures and the no-show rule
//! (`manage.rs`). Anyone: `/display/:id` the "now serving" screen for the hall (`display.rs`).
//!
//! This file holds what they share: who does what, and words for states and times.

mod booking;
mod desk;
mod display;
mod editor;
mod form;
mod list;
mod manage;
mod mine;
mod service;
mod steps;
mod ticket;
pub(crate) mod staff;

use chrono::{DateTime, Datelike, Utc};
use linli_api::appointments::{BookingNews, BookingState, FieldKind, TicketState};
use linli_api::auth::Role;
use linli_api::ids::{BookingId, ServiceId};

use crate::i18n::{t, t_args};
use crate::session::can_invite;

pub use booking::BookingPage;
pub use desk::DeskPage;
pub use display::DisplayPage;
pub use editor::ServiceEditorPage;
pub use list::ServicesPage;
pub use manage::ManagePage;
pub use mine::MyBookingsPage;
pub use service::ServicePage;

/// Who books: residents of a household (the server's rule), or a family member for them.
pub fn books(role: Role) -> bool {
    role == Role::Resident
}

/// Who defines services and runs the desk (the server's `StaffOnly`).
pub fn runs_services(role: Role) -> bool {
    can_invite(role)
}

pub fn parse_service_id(raw: Option<String>) -> Option<ServiceId> {
    raw?.trim().parse().ok().filter(|id| *id > 0).map(ServiceId)
}

pub fn parse_booking_id(raw: Option<String>) -> Option<BookingId> {
    raw?.trim().parse().ok().filter(|id| *id > 0).map(BookingId)
}

pub fn booking_state_label(state: BookingState) -> &'static str {
    match state {
        BookingState::Pending => "booking-state-pending",
        BookingState::Confirmed => "booking-state-confirmed",
        BookingState::Rejected => "booking-state-rejected",
        BookingState::Cancelled => "booking-state-cancelled",
        BookingState::CheckedIn => "booking-state-checked-in",
        BookingState::Served => "booking-state-served",
        BookingState::NoShow => "booking-state-no-show",
    }
}

pub fn ticket_state_label(state: TicketState) -> &'static str {
    match state {
        TicketState::Waiting => "ticket-state-waiting",
        TicketState::Called => "ticket-state-called",
        TicketState::Served => "ticket-state-served",
        TicketState::NoShow => "ticket-state-no-show",
    }
}

pub fn field_kind_label(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "field-kind-text",
        FieldKind::Number => "field-kind-number",
        FieldKind::Date => "field-kind-date",
        FieldKind::SingleChoice => "field-kind-single-choice",
        FieldKind::MultipleChoice => "field-kind-multiple-choice",
        FieldKind::Phone => "field-kind-phone",
        FieldKind::IdNumber => "field-kind-id-number",
        FieldKind::Image => "field-kind-image",
    }
}

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

/// The Fluent id of a weekday's name, 1 = Monday … 7 = Sunday.
pub fn weekday_label(weekday: u8) -> &'static str {
    match weekday {
        1 => "weekday-1",
        2 => "weekday-2",
        3 => "weekday-3",
        4 => "weekday-4",
        5 => "weekday-5",
        6 => "weekday-6",
        _ => "weekday-7",
    }
}

/// A slot in words in the community's zone: `12月9日 周三 09:00–09:30`.
pub fn slot_text(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    let zone = chrono::FixedOffset::east_opt(utc_offset_minutes * 60).unwrap_or_else(|| chrono::FixedOffset::east_opt(8 * 3600).expect("CST"));
    let (start, end) = (starts_at.with_timezone(&zone), ends_at.with_timezone(&zone));
    let weekday = t(weekday_label(start.weekday().number_from_monday() as u8));
    t_args(
        "slot-time",
        &[
            ("month", start.month().into()),
            ("day", start.day().into()),
            ("weekday", weekday.into()),
            ("start", start.format("%H:%M").to_string().into()),
            ("end", end.format("%H:%M").to_string().into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_book_and_staff_run_the_services() {
        assert!(books(Role::Resident) && !books(Role::Staff) && !books(Role::Family));
        assert!(runs_services(Role::Staff) && runs_services(Role::Admin) && !runs_services(Role::Property));
    }

    #[test]
    fn route_ids_are_positive_numbers() {
        assert_eq!(parse_booking_id(Some("3".into())), Some(BookingId(3)));
        assert_eq!(parse_service_id(Some("0".into())), None);
        assert_eq!(parse_service_id(Some("x".into())), None);
    }
}
