//! `/bookings/:id`: one case. The service, its time and its state in words (with staff's
//! reason when declined); while it waits for the desk, the booking code and its QR code, and
//! checking in with the desk's code; once checked in, the queue number, who is being served
//! and how many are ahead, and "it is your turn" when called (`ticket.rs`); cancelling until
//! the cut-off, rating once served, and staff's approve or decline (`steps.rs`); then the form
//! as filled in and the handling record. The page follows the case and its queue live.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::appointments::{Answer, Booking, BookingState, CaseEvent, CaseEventKind, FormField, Ticket};
use linli_api::ids::{BookingId, UserId};
use linli_api::ErrorCode;

use super::form::answer_text;
use super::mine::BookingStateTag;
use super::steps::{Cancel, Rate, RatingShown, Review};
use super::ticket::{BookingCode, CheckInForm, TicketPanel};
use super::{books, parse_booking_id, runs_services, slot_text};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::hall::images::AuthImage;
use crate::i18n::{t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, HistoryItem, HistoryList, Loaded, Loading, Page};
use crate::native;
use crate::session::{Auth, Session};

#[component]
pub fn BookingPage() -> impl IntoView {
    let session = Session::get();
    let id = parse_booking_id(use_params_map().read_untracked().get("id"));
    let resident = acting_for();
    // Staff come here from the approvals; residents and family from their bookings.
    let staff = session.auth.with_untracked(|auth| matches!(auth, Auth::SignedIn(me) if runs_services(me.role)));
    let back = if staff && resident.is_none() { "/services/manage".to_owned() } else { keep_for("/bookings", resident) };
    view! {
        <Page back>
            <Guarded>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                {match id {
                    Some(id) => view! { <OneBooking id resident/> }.into_any(),
                    None => view! { <h1>{tr("booking-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

/// The case on screen, shared by its parts.
#[derive(Clone, Copy)]
pub struct Shown {
    booking: Loaded<Booking>,
    /// Fetches the case again.
    reload: Callback<()>,
}

impl Shown {
    /// A part of the case as last loaded (tracked); `None` while there is none.
    pub fn with<T>(&self, part: impl FnOnce(&Booking) -> T) -> Option<T> {
        self.booking.with(|booking| booking.as_ref().and_then(|booking| booking.as_ref().ok()).map(part))
    }

    /// A step's answer becomes the case on screen, and the focus goes to its heading.
    pub fn replace(&self, booking: Booking) {
        self.booking.try_set(Some(Ok(booking)));
        focus_heading();
    }

    /// Checked in: the number is shown at once, the record follows with the reload.
    pub fn checked_in(&self, ticket: Ticket) {
        self.booking.try_update(|booking| {
            if let Some(Ok(booking)) = booking {
                booking.state = BookingState::CheckedIn;
                booking.ticket = Some(ticket);
            }
        });
        focus_heading();
        self.reload.run(());
    }
}

fn focus_heading() {
    request_animation_frame(|| native::focus("article#booking h1"));
}

/// Whether the case waits on the desk's queue: a change there may move it.
fn follows_queue(state: BookingState) -> bool {
    matches!(state, BookingState::Confirmed | BookingState::CheckedIn)
}

#[component]
fn OneBooking(id: BookingId, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let booking: Loaded<Booking> = RwSignal::new(None);
    let load = move || {
        let client = session.client_for(resident);
        load_into(session, booking, async move { client.booking(id).await });
    };
    load();
    let reload = Callback::new(move |_| load());
    let shown = Shown { booking, reload };
    session.live.reload_on(session.live.booking_changed, id, load);
    // Staff checking the resident in at the desk, calling and serving move the queue.
    Effect::new(move |first: Option<()>| {
        let changed = session.live.queue_changed.get();
        let waiting = untrack(|| shown.with(|b| follows_queue(b.state).then_some(b.service_id))).flatten();
        if first.is_some() && changed.is_some_and(|(service, _)| Some(service) == waiting) {
            load();
        }
    });
    // The page is built again only when the case moves to another state; within one, its
    // parts follow the reloads, so a desk code or a comment being typed stays.
    let shape = Memo::new(move |_| booking.with(|b| b.as_ref().map(|b| b.as_ref().map(|b| b.state).map_err(|code| *code))));
    move || match shape.get() {
        None => view! { <h1>{tr("booking-title")}</h1><Loading/> }.into_any(),
        Some(Err(code)) => view! { <h1>{tr("booking-title")}</h1><ErrorBox code retry=reload/> }.into_any(),
        Some(Ok(_)) => view! { <Case shown resident/> }.into_any(),
    }
}

/// What comes next for the resident, in a sentence.
fn next_id(state: BookingState) -> &'static str {
    match state {
        BookingState::Pending => "booking-next-pending",
        BookingState::Confirmed => "booking-next-confirmed",
        BookingState::Rejected => "booking-next-rejected",
        BookingState::Cancelled => "booking-next-cancelled",
        BookingState::CheckedIn => "booking-next-checked-in",
        BookingState::Served => "booking-next-served",
        BookingState::NoShow => "booking-next-no-show",
    }
}

#[component]
fn Case(shown: Shown, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let Some(booking) = untrack(|| shown.with(Booking::clone)) else { return ().into_any() };
    let role = session.me().map(|me| me.role);
    let for_resident = resident.is_some() || role.is_some_and(books);
    let staff = resident.is_none() && role.is_some_and(runs_services);
    let Booking { id, service_name, resident_name, starts_at, ends_at, state, code, code_qr_svg, form, answers, reason, .. } = booking;
    let waiting_for_desk = matches!(state, BookingState::Pending | BookingState::Confirmed);
    let has_ticket = Memo::new(move |_| shown.with(|b| b.ticket.is_some()).unwrap_or(false));
    view! {
        <article id="booking" data-booking-id=id.to_string() data-state=state.as_str()>
            <h1 tabindex="-1">{service_name}</h1>
            <p class="booking-when" id="booking-when">{move || slot_text(starts_at, ends_at, session.utc_offset())}</p>
            <p class="topic-tags"><BookingStateTag state id="booking-state"/></p>
            {staff.then(|| view! { <p id="booking-resident">{move || t_args("booking-resident", &[("name", resident_name.clone().into())])}</p> })}
            {for_resident.then(|| view! { <p class="booking-next" id="booking-next">{tr(next_id(state))}</p> })}
            {reason.map(|reason| view! {
                <p class="callout" id="booking-reason">{move || t_args("booking-reason", &[("reason", reason.clone().into())])}</p>
            })}
            {move || has_ticket.get().then(|| view! { <TicketPanel shown/> })}
            {code.filter(|_| waiting_for_desk).map(|code| view! { <BookingCode code qr=code_qr_svg.clone()/> })}
            {(for_resident && state == BookingState::Confirmed).then(|| view! { <CheckInForm id shown resident starts_at/> })}
            {for_resident.then(|| view! { <Cancel id shown resident waiting_for_desk/> })}
            {(staff && state == BookingState::Pending).then(|| view! { <Review id shown/> })}
            {(state == BookingState::Served).then(|| view! { <Rating id shown resident for_resident/> })}
            <Answers form answers/>
            <History shown/>
        </article>
    }
    .into_any()
}

/// Once served: the resident rates it (once), then everyone sees the rating.
#[component]
fn Rating(id: BookingId, shown: Shown, resident: Option<UserId>, for_resident: bool) -> impl IntoView {
    let rating = Memo::new(move |_| shown.with(|b| b.rating.clone()).flatten());
    move || match rating.get() {
        Some(rating) => view! { <RatingShown rating/> }.into_any(),
        None if for_resident => view! { <Rate id shown resident/> }.into_any(),
        None => ().into_any(),
    }
}

/// The form as filled in: each field's label and its answer in words.
#[component]
fn Answers(form: Vec<FormField>, answers: Vec<Option<Answer>>) -> impl IntoView {
    if form.is_empty() {
        return ().into_any();
    }
    view! {
        <section id="booking-answers" aria-labelledby="booking-answers-heading">
            <h2 id="booking-answers-heading">{tr("booking-answers-heading")}</h2>
            <dl class="answers">
                {form.into_iter().zip(answers).enumerate().map(|(index, (field, answer))| {
                    let (label, alt_subject) = (field.label.clone(), field.label.clone());
                    let shown = match answer {
                        Some(Answer::Image(upload)) => {
                            let alt = Signal::derive(move || t_args("photo-alt", &[("subject", alt_subject.clone().into())]));
                            view! { <div class="answer-photo"><AuthImage id=upload alt/></div> }.into_any()
                        }
                        Some(answer) => view! { {move || answer_text(&field, &answer)} }.into_any(),
                        None => view! { {tr("booking-answer-none")} }.into_any(),
                    };
                    view! {
                        <div class="answer" id=format!("booking-answer-{index}")>
                            <dt>{label}</dt>
                            <dd>{shown}</dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
    .into_any()
}

/// One step of the record in words; the clock's steps name no one.
fn event_text(event: &CaseEvent) -> String {
    let by_clock = event.actor.is_empty();
    let id = match (event.kind, by_clock) {
        (CaseEventKind::Booked, _) => "case-event-booked",
        (CaseEventKind::Approved, _) => "case-event-approved",
        (CaseEventKind::Rejected, _) => "case-event-rejected",
        (CaseEventKind::Cancelled, false) => "case-event-cancelled",
        (CaseEventKind::Cancelled, true) => "case-event-lapsed",
        (CaseEventKind::Reminded, _) => "case-event-reminded",
        (CaseEventKind::CheckedIn, _) => "case-event-checked-in",
        (CaseEventKind::Called, _) => "case-event-called",
        (CaseEventKind::Served, _) => "case-event-served",
        (CaseEventKind::NoShow, false) => "case-event-no-show",
        (CaseEventKind::NoShow, true) => "case-event-missed",
        (CaseEventKind::Rated, _) => "case-event-rated",
    };
    t_args(id, &[("actor", event.actor.clone().into()), ("detail", event.detail.clone().into())])
}

/// The handling record, oldest first, as it grows.
#[component]
fn History(shown: Shown) -> impl IntoView {
    let history = Memo::new(move |_| shown.with(|b| b.history.clone()).unwrap_or_default());
    move || {
        let events = history.get();
        (!events.is_empty()).then(|| view! {
            <HistoryList id="booking-history" heading="booking-history-heading">
                {events.into_iter().map(|event| {
                    let (at, kind) = (event.at, event.kind.as_str());
                    view! { <HistoryItem kind at text=Signal::derive(move || event_text(&event))/> }
                }).collect_view()}
            </HistoryList>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_case_at_or_on_its_way_to_the_desk_follows_the_queue() {
        assert!(follows_queue(BookingState::Confirmed) && follows_queue(BookingState::CheckedIn));
        assert!(!follows_queue(BookingState::Pending) && !follows_queue(BookingState::Served));
    }

    #[test]
    fn every_step_of_the_record_has_words_by_person_and_by_clock() {
        let mut ids = std::collections::BTreeSet::new();
        for kind in CaseEventKind::ALL {
            for actor in ["", "李主任"] {
                let event = CaseEvent { kind, actor: actor.into(), detail: "A012".into(), at: chrono::Utc::now() };
                let text = event_text(&event);
                assert!(!text.starts_with("case-event-"), "{kind:?} by {actor:?}: {text}");
                ids.insert(text);
            }
        }
        assert!(ids.len() >= CaseEventKind::ALL.len());
    }
}
