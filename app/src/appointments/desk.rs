//! `/services/:id/desk` (staff): the desk on the day. The service and its check-in code,
//! who is being served, the big "call next" button, the numbers called with what became of
//! them (served, missed, called again), the waiting ones in the order they will be called;
//! giving walk-ins a number and checking residents in by their booking's code (`intake.rs`);
//! today's bookings (`bookings.rs`); and, folded away, the numbers finished today.
//!
//! Everything follows the queue live (`queue_changed` for this service), so two desks of one
//! service, and residents checking themselves in, stay in step.

mod bookings;
mod intake;

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::appointments::{DeskQueue, DeskTicket, Service, TicketState};
use linli_api::ids::ServiceId;
use linli_api::{ClientError, ErrorCode};

use self::bookings::TodaysBookings;
use self::intake::{CheckInForm, WalkInForm};
use super::staff::{clock_text, ActionAlert, StaffPage};
use super::{parse_service_id, runs_services, ticket_state_label};
use crate::native::focus_soon;
use crate::i18n::{t, t_args, tr};
use crate::layout::{error_text, load_into, ErrorBox, Guarded, Loaded, Loading};
use crate::session::Session;

#[component]
pub fn DeskPage() -> impl IntoView {
    let id = parse_service_id(use_params_map().read_untracked().get("id"));
    view! {
        <StaffPage id="desk" back="/services/manage" wide=true>
            <Guarded allow=runs_services>
                {match id {
                    Some(id) => view! { <Desk id/> }.into_any(),
                    None => view! { <h1>{tr("staff-desk-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </StaffPage>
    }
}

#[component]
fn Desk(id: ServiceId) -> impl IntoView {
    let session = Session::get();
    let service: Loaded<Service> = RwSignal::new(None);
    let load_service = move || {
        service.set(None);
        let client = session.client();
        load_into(session, service, async move { client.service(id).await });
    };
    load_service();
    let retry = Callback::new(move |_| load_service());
    move || match service.get() {
        None => view! { <h1>{tr("staff-desk-title")}</h1><Loading/> }.into_any(),
        Some(Err(code)) => view! { <h1>{tr("staff-desk-title")}</h1><ErrorBox code retry/> }.into_any(),
        Some(Ok(service)) => view! { <DeskOf service/> }.into_any(),
    }
}

/// What the desk's buttons share: one action at a time, why the last one failed, and the
/// queue reloaded after each (the live event may come later, or not at all offline).
#[derive(Clone, Copy)]
struct Actions {
    session: Session,
    busy: RwSignal<bool>,
    failed: RwSignal<Option<ErrorCode>>,
    reload: Callback<()>,
}

impl Actions {
    fn run<T: 'static>(self, request: impl Future<Output = Result<T, ClientError>> + 'static, done: impl FnOnce(Result<T, ErrorCode>) + 'static) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failed.set(None);
        spawn_local(async move {
            let result = request.await.map_err(|error| {
                self.session.on_error(error.code());
                error.code()
            });
            self.busy.try_set(false);
            done(result);
            self.reload.run(());
        });
    }

    /// An action whose only news is a failure, said in the desk's alert.
    fn failure_only<T>(self) -> impl FnOnce(Result<T, ErrorCode>) {
        move |result| {
            if let Err(code) = result {
                self.failed.try_set(Some(code));
            }
        }
    }
}

#[component]
fn DeskOf(service: Service) -> impl IntoView {
    let session = Session::get();
    let id = service.id;
    let queue: Loaded<DeskQueue> = RwSignal::new(None);
    let load_queue = move || {
        let client = session.client();
        load_into(session, queue, async move { client.desk_queue(id).await });
    };
    load_queue();
    // Also back from a broken connection (a resync): what happened meanwhile was not heard.
    session.live.reload_on(session.live.queue_changed, id, load_queue);
    let reload = Callback::new(move |_| load_queue());
    let actions = Actions { session, busy: RwSignal::new(false), failed: RwSignal::new(None), reload };
    // The last queue that arrived stays on screen through reloads (no flicker, and the
    // focused button stays where it is); a reload that fails is said in the desk's alert.
    let shown = RwSignal::new(None::<DeskQueue>);
    Effect::new(move |_| match queue.get() {
        Some(Ok(arrived)) => shown.set(Some(arrived)),
        Some(Err(code)) if shown.with_untracked(Option::is_some) => actions.failed.set(Some(code)),
        _ => {}
    });
    let code = service.desk_code.clone().unwrap_or_default();
    let first_load = move || match queue.get() {
        Some(Err(code)) => view! { <ErrorBox code retry=reload/> }.into_any(),
        _ => view! { <Loading/> }.into_any(),
    };
    view! {
        <h1 tabindex="-1">{service.name.clone()}</h1>
        <p class="desk-code-line">{tr("staff-desk-code")}" "<strong id="desk-code" class="desk-code">{code}</strong></p>
        <div class="desk-columns">
            <div class="desk-queue">
                <Show when=move || shown.with(Option::is_some) fallback=first_load>
                    <Queue id shown actions/>
                </Show>
            </div>
            <div class="desk-intake">
                <WalkInForm id reload/>
                <CheckInForm id reload/>
                <TodaysBookings id/>
                <p class="staff-links">
                    <a class="button" id="display-link" href=format!("/display/{id}")>{tr("staff-open-display")}</a>
                    <a class="button" id="edit-link" href=format!("/services/{id}/edit")>{tr("staff-desk-edit")}</a>
                </p>
            </div>
        </div>
    }
}

/// `A013 王阿姨`-style words for a ticket, heard after a button's own word.
fn ticket_words(ticket: &DeskTicket) -> String {
    format!("{} {}", ticket.number, ticket.name)
}

/// Which booked slot a waiting ticket belongs to, or that it is a walk-in.
fn origin_text(ticket: &DeskTicket, utc_offset_minutes: i32) -> String {
    match ticket.slot_starts_at {
        Some(at) => t_args("staff-desk-booked-at", &[("time", clock_text(at, utc_offset_minutes).into())]),
        None => t("staff-desk-walk-in"),
    }
}

/// The queue as shown; each part changes only when its own tickets do.
#[component]
fn Queue(id: ServiceId, shown: RwSignal<Option<DeskQueue>>, actions: Actions) -> impl IntoView {
    let session = Session::get();
    let part = move |pick: fn(&DeskQueue) -> Vec<DeskTicket>| Memo::new(move |_| shown.with(|queue| queue.as_ref().map(pick).unwrap_or_default()));
    let waiting = part(|queue| queue.waiting.clone());
    let called = part(|queue| queue.called.clone());
    let done = part(|queue| queue.done.clone());
    let now_serving = Memo::new(move |_| shown.with(|queue| queue.as_ref().and_then(|queue| queue.now_serving.clone())));
    let waiting_count = move || waiting.with(Vec::len);
    // What the last "call next" gave: the number called, or that nobody waits.
    let last_call = RwSignal::new(None::<Result<DeskTicket, ErrorCode>>);
    let call_next = move |_| {
        let client = session.client();
        actions.run(async move { client.call_next(id).await }, move |result| match result {
            Err(code) if code != ErrorCode::QueueEmpty => {
                last_call.try_set(None);
                actions.failed.try_set(Some(code));
            }
            result => {
                last_call.try_set(Some(result));
            }
        });
    };
    let call_status = move || {
        last_call.get().map(|result| match result {
            Ok(ticket) => t_args("staff-desk-called", &[("number", ticket.number.into()), ("name", ticket.name.into())]),
            Err(code) => error_text(code),
        })
    };
    view! {
        <section id="desk-calling" class="desk-calling" aria-labelledby="now-serving-heading">
            <h2 id="now-serving-heading">{tr("staff-desk-now-serving")}</h2>
            <p id="now-serving" class="desk-now">
                {move || match now_serving.get() {
                    Some(number) => number.into_any(),
                    None => view! { <span class="desk-none">{tr("staff-desk-none-called")}</span> }.into_any(),
                }}
            </p>
            <button type="button" id="call-next" class="button primary big desk-call" disabled=move || actions.busy.get() on:click=call_next>
                {move || t_args("staff-desk-call-next", &[("count", waiting_count().into())])}
            </button>
            <p id="call-next-status" role="status" class="done desk-call-status">{call_status}</p>
            <ActionAlert id="desk-alert" error=actions.failed/>
            <h3 id="called-heading">{tr("staff-desk-called-heading")}</h3>
            {move || called.with(Vec::is_empty).then(|| view! { <p class="hint" id="called-none">{tr("staff-desk-called-none")}</p> })}
            <ul id="called-list" class="desk-tickets">
                <For each=move || called.get() key=|ticket| ticket.id let:ticket>
                    <CalledTicket ticket called actions/>
                </For>
            </ul>
        </section>
        <section id="desk-waiting" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{move || t_args("staff-desk-waiting-heading", &[("count", waiting_count().into())])}</h2>
            {move || waiting.with(Vec::is_empty).then(|| view! { <p class="hint" id="waiting-none">{tr("staff-desk-waiting-none")}</p> })}
            <ol id="waiting-list" class="desk-tickets desk-waiting">
                <For each=move || waiting.get() key=|ticket| ticket.id let:ticket>
                    <WaitingTicket ticket/>
                </For>
            </ol>
        </section>
        <Finished done/>
    }
}

#[component]
fn WaitingTicket(ticket: DeskTicket) -> impl IntoView {
    let session = Session::get();
    let id = ticket.id;
    let (number, name) = (ticket.number.clone(), ticket.name.clone());
    view! {
        <li class="desk-ticket" id=format!("waiting-{id}")>
            <span class="desk-number">{number}</span>
            <span class="ticket-name">{name}</span>
            <span class="ticket-origin">{move || origin_text(&ticket, session.utc_offset())}</span>
        </li>
    }
}

/// A number called to the desk: what became of it.
#[component]
fn CalledTicket(ticket: DeskTicket, called: Memo<Vec<DeskTicket>>, actions: Actions) -> impl IntoView {
    let session = Session::get();
    let id = ticket.id;
    let words = ticket_words(&ticket);
    // Called again, it stays in the list (and its buttons keep the focus): only this changes.
    let calls = Memo::new(move |_| called.with(|tickets| tickets.iter().find(|ticket| ticket.id == id).map_or(0, |ticket| ticket.calls)));
    let end = move |served: bool| {
        let client = session.client();
        let request = async move { if served { client.ticket_served(id).await } else { client.ticket_no_show(id).await } };
        let report = actions.failure_only();
        actions.run(request, move |result| {
            // The ticket leaves the list: the focus goes back to the next call.
            focus_soon("#call-next");
            report(result);
        });
    };
    let recall = move |_| {
        let client = session.client();
        actions.run(async move { client.recall_ticket(id).await }, actions.failure_only());
    };
    let hidden = |words: String| view! { <span class="visually-hidden">" "{words}</span> };
    view! {
        <li class="desk-ticket called" id=format!("called-{id}")>
            <p class="desk-ticket-who">
                <span class="desk-number">{ticket.number.clone()}</span>
                <span class="ticket-name">{ticket.name.clone()}</span>
            </p>
            {move || (calls.get() > 1).then(|| view! {
                <p class="hint" id=format!("calls-{id}")>{move || t_args("staff-desk-calls", &[("count", calls.get().into())])}</p>
            })}
            {ticket.booking_id.map(|booking| view! {
                <p><a class="desk-booking-link" id=format!("called-booking-{id}") href=format!("/bookings/{booking}")>{tr("staff-desk-see-booking")}</a></p>
            })}
            <div class="desk-ticket-actions">
                <button type="button" class="button primary" id=format!("served-{id}") disabled=move || actions.busy.get() on:click=move |_| end(true)>
                    {tr("staff-desk-served")}{hidden(words.clone())}
                </button>
                <button type="button" class="button danger" id=format!("no-show-{id}") disabled=move || actions.busy.get() on:click=move |_| end(false)>
                    {tr("staff-desk-no-show")}{hidden(words.clone())}
                </button>
                <button type="button" class="button" id=format!("recall-{id}") disabled=move || actions.busy.get() on:click=recall>
                    {tr("staff-desk-recall")}{hidden(words)}
                </button>
            </div>
        </li>
    }
}

/// Today's finished numbers, folded away below: they matter less than who is waiting.
#[component]
fn Finished(done: Memo<Vec<DeskTicket>>) -> impl IntoView {
    let any = Memo::new(move |_| done.with(|done| !done.is_empty()));
    // Drawn once when the first ticket is done, so an opened list stays open as more are.
    move || any.get().then(|| view! {
        <details id="desk-done" class="desk-done">
            <summary>{move || t_args("staff-desk-done-heading", &[("count", done.with(Vec::len).into())])}</summary>
            <ul class="desk-tickets">
                <For each=move || done.get() key=|ticket| ticket.id let:ticket>
                    <li class="desk-ticket" id=format!("done-{}", ticket.id)>
                        <span class="desk-number">{ticket.number.clone()}</span>
                        <span class="ticket-name">{ticket.name.clone()}</span>
                        <span class=if ticket.state == TicketState::Served { "tag staff" } else { "tag urgent" }>{tr(ticket_state_label(ticket.state))}</span>
                    </li>
                </For>
            </ul>
        </details>
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::ids::TicketId;

    #[test]
    fn a_ticket_is_named_by_its_number_and_holder() {
        let ticket = DeskTicket {
            id: TicketId(4),
            number: "A013".into(),
            state: TicketState::Waiting,
            name: "王阿姨".into(),
            booking_id: None,
            slot_starts_at: None,
            issued_at: "2026-12-09T01:00:00Z".parse().unwrap(),
            calls: 0,
        };
        assert_eq!(ticket_words(&ticket), "A013 王阿姨");
    }
}
