//! Today's bookings of the service at the desk, by slot: who, when, where each stands (in
//! words) and its queue number once checked in; each opens the booking with its form's
//! answers. They follow bookings live, and the queue (a check-in changes a booking too).

use leptos::prelude::*;
use linli_api::appointments::{Booking, BookingState};
use linli_api::ids::ServiceId;

use crate::appointments::booking_state_label;
use crate::appointments::staff::clock_text;
use crate::i18n::{t_args, tr};
use crate::layout::{load_into, ErrorBox, Loaded, Loading};
use crate::session::Session;

/// A booking's state as a tag: in words, the class only a second hint.
pub fn state_class(state: BookingState) -> &'static str {
    match state {
        BookingState::Pending => "tag pinned",
        BookingState::Rejected | BookingState::NoShow => "tag urgent",
        BookingState::Served => "tag staff",
        BookingState::Confirmed | BookingState::Cancelled | BookingState::CheckedIn => "tag",
    }
}

#[component]
pub fn TodaysBookings(id: ServiceId) -> impl IntoView {
    let session = Session::get();
    let bookings: Loaded<Vec<Booking>> = RwSignal::new(None);
    let load = move || {
        let client = session.client();
        load_into(session, bookings, async move { client.bookings_of_day(id, None).await });
    };
    load();
    // Which service a booking belongs to is not in the event: any booking's news reloads.
    session.live.reload_on_any(session.live.booking_changed, load);
    Effect::new(move |first: Option<()>| {
        let changed = session.live.queue_changed.get();
        if first.is_some() && changed.is_some_and(|(service, _)| service == id) {
            load();
        }
    });
    let retry = Callback::new(move |_| load());
    view! {
        <section id="desk-bookings-section" class="desk-intake-part" aria-labelledby="desk-bookings-heading">
            <h2 id="desk-bookings-heading">{tr("staff-bookings-heading")}</h2>
            {move || match bookings.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="desk-bookings-none">{tr("staff-bookings-none")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul id="desk-bookings" class="staff-cards">
                        {list.into_iter().map(|booking| view! { <BookingLine booking/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn BookingLine(booking: Booking) -> impl IntoView {
    let session = Session::get();
    let Booking { id, resident_name, starts_at, ends_at, state, ticket, .. } = booking;
    let time = move || {
        let offset = session.utc_offset();
        t_args("staff-bookings-time", &[("start", clock_text(starts_at, offset).into()), ("end", clock_text(ends_at, offset).into())])
    };
    view! {
        <li class="staff-card" id=format!("desk-booking-{id}")>
            <a class="staff-card-link" href=format!("/bookings/{id}")>{resident_name}</a>
            <p class="staff-card-meta">
                <span>{time}</span>
                <span class=state_class(state) id=format!("desk-booking-state-{id}")>{tr(booking_state_label(state))}</span>
                {ticket.map(|ticket| view! { <span class="desk-number small">{ticket.number}</span> })}
            </p>
        </li>
    }
}
