//! `/bookings`: my bookings (or, with `?for=`, the resident's a family member books for):
//! those still to come first, soonest first, then the past ones, latest first. Each shows the
//! service, its time, its state in words and the queue number once checked in, and leads to
//! its page. The list follows every change of a booking live.

use leptos::prelude::*;
use linli_api::appointments::{Booking, BookingState};
use linli_api::auth::Role;
use linli_api::ids::UserId;

use super::{books, booking_state_label, slot_text};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::i18n::{t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading, Page};
use crate::session::Session;

#[component]
pub fn MyBookingsPage() -> impl IntoView {
    let resident = acting_for();
    let back = match resident {
        Some(resident) => format!("/family/for/{resident}"),
        None => "/services".to_owned(),
    };
    let allow: fn(Role) -> bool = if resident.is_some() { |_| true } else { books };
    view! {
        <Page back title=bookings_title(resident)>
            <Guarded allow>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                <Mine resident/>
            </Guarded>
        </Page>
    }
}

/// "My bookings", or for a family member "their bookings".
pub fn bookings_title(resident: Option<UserId>) -> &'static str {
    if resident.is_some() {
        "bookings-their-title"
    } else {
        "bookings-title"
    }
}

/// Whether a booking is still to come: waiting for staff, booked, or at the desk.
fn to_come(state: BookingState) -> bool {
    matches!(state, BookingState::Pending | BookingState::Confirmed | BookingState::CheckedIn)
}

/// The bookings still to come, soonest first, and the past ones, latest first.
fn split(mut bookings: Vec<Booking>) -> (Vec<Booking>, Vec<Booking>) {
    bookings.sort_by_key(|booking| booking.starts_at);
    let (coming, mut past): (Vec<_>, Vec<_>) = bookings.into_iter().partition(|booking| to_come(booking.state));
    past.reverse();
    (coming, past)
}

/// A booking's state as a tag: in words, marked by more than colour.
#[component]
pub fn BookingStateTag(state: BookingState, #[prop(into)] id: String) -> impl IntoView {
    let class = match state {
        BookingState::Confirmed | BookingState::CheckedIn => "tag pinned",
        BookingState::Rejected | BookingState::NoShow => "tag urgent",
        _ => "tag",
    };
    view! { <span class=class id=id>{tr(booking_state_label(state))}</span> }
}

#[component]
fn Mine(resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let bookings: Loaded<Vec<Booking>> = RwSignal::new(None);
    let load = move || {
        let client = session.client_for(resident);
        load_into(session, bookings, async move { client.my_bookings().await });
    };
    load();
    session.live.reload_on_any(session.live.booking_changed, load);
    let retry = Callback::new(move |_| load());
    view! {
        <a class="button primary" id="bookings-new" href=keep_for("/services", resident)>{tr("bookings-new")}</a>
        {move || match bookings.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(list)) => {
                let (coming, past) = split(list);
                view! {
                    <section aria-labelledby="bookings-coming-heading">
                        <h2 id="bookings-coming-heading">{tr("bookings-coming")}</h2>
                        <BookingList bookings=coming id="bookings-coming" empty="bookings-coming-none" resident/>
                    </section>
                    <section aria-labelledby="bookings-past-heading">
                        <h2 id="bookings-past-heading">{tr("bookings-past")}</h2>
                        <BookingList bookings=past id="bookings-past" empty="bookings-past-none" resident/>
                    </section>
                }.into_any()
            }
        }}
    }
}

#[component]
fn BookingList(bookings: Vec<Booking>, id: &'static str, empty: &'static str, resident: Option<UserId>) -> impl IntoView {
    if bookings.is_empty() {
        return view! { <p class="empty" id=format!("{id}-none")>{tr(empty)}</p> }.into_any();
    }
    view! {
        <ul id=id class="booking-list">
            {bookings.into_iter().map(|booking| view! { <BookingCard booking resident/> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A booking in the list: the service (the link), its time, its state and its queue number.
#[component]
fn BookingCard(booking: Booking, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let id = booking.id;
    let (starts_at, ends_at) = (booking.starts_at, booking.ends_at);
    let number = booking.ticket.map(|ticket| ticket.number);
    view! {
        <li class="booking-card" id=format!("booking-{id}")>
            <h3 class="booking-card-title">
                <a class="booking-link" href=keep_for(&format!("/bookings/{id}"), resident)>{booking.service_name.clone()}</a>
            </h3>
            <p class="booking-card-when">{move || slot_text(starts_at, ends_at, session.utc_offset())}</p>
            <p class="topic-tags">
                <BookingStateTag state=booking.state id=format!("booking-state-{id}")/>
                {number.map(|number| view! {
                    <span class="tag" id=format!("booking-ticket-{id}")>{move || t_args("bookings-ticket", &[("number", number.clone().into())])}</span>
                })}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};
    use linli_api::ids::{BookingId, ServiceId};

    use super::*;

    fn booking(id: i64, days: i64, state: BookingState) -> Booking {
        let starts_at = Utc.with_ymd_and_hms(2026, 12, 9, 1, 0, 0).unwrap() + Duration::days(days);
        Booking {
            id: BookingId(id),
            service_id: ServiceId(1),
            service_name: "居住证明开具".into(),
            resident_name: "刘洋".into(),
            starts_at,
            ends_at: starts_at + Duration::minutes(20),
            state,
            code: None,
            code_qr_svg: None,
            form: vec![],
            answers: vec![],
            reason: None,
            ticket: None,
            rating: None,
            cancellable: false,
            booked_at: starts_at - Duration::days(3),
            history: vec![],
        }
    }

    #[test]
    fn bookings_to_come_come_first_soonest_first_then_the_past_latest_first() {
        let list = vec![
            booking(1, -5, BookingState::Served),
            booking(2, 3, BookingState::Confirmed),
            booking(3, 1, BookingState::Pending),
            booking(4, -1, BookingState::Cancelled),
            booking(5, 0, BookingState::CheckedIn),
        ];
        let (coming, past) = split(list);
        let ids = |list: &[Booking]| list.iter().map(|booking| booking.id.0).collect::<Vec<_>>();
        assert_eq!(ids(&coming), [5, 3, 2]);
        assert_eq!(ids(&past), [4, 1]);
    }
}
