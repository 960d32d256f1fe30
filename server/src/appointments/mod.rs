//! Appointments and queueing (预约办事、叫号): staff define services (`services.rs`) with a
//! form and a weekly schedule; residents (or their family) book a slot and fill the form,
//! staff approve where needed, residents cancel before the cut-off (`bookings.rs`); on the day
//! the resident checks in at the desk and gets a number, staff call it (`queue.rs`); the
//! clock reminds residents, gives up unapproved places and marks missed slots (`clock.rs`).
//! The rules are plain functions (`rules.rs`); the SQL is in `storage.rs`.

pub mod bookings;
pub mod clock;
pub mod queue;
pub mod rules;
pub mod services;
pub mod storage;

use chrono::{DateTime, Utc};
use linli_api::appointments::{Booking, BookingNews, Ticket, TicketState};
use linli_api::events::Event;
use linli_api::ids::{CommunityId, ServiceId, UserId};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;

use self::rules::Queued;
use self::storage::{BookingRow, ServiceRow, TicketRow};
use crate::auth::storage::name_of;
use crate::community::rules::qr_svg;
use crate::community::storage::community_info;
use crate::error::AppResult;
use crate::events::Audience;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(services::router()).merge(bookings::router()).merge(queue::router())
}

/// The community's offset from UTC, in minutes (slots are its clock times).
pub async fn offset_of(conn: &mut AnyConnection, community: CommunityId) -> AppResult<i32> {
    Ok(community_info(conn, community).await?.utc_offset_minutes)
}

pub fn queued(ticket: &TicketRow) -> Queued {
    Queued { id: ticket.id.0, number: ticket.number, state: ticket.state, slot_starts_at: ticket.slot_starts_at, issued_at: ticket.issued_at }
}

/// The label of the ticket called last today.
pub fn now_serving(tickets: &[TicketRow]) -> Option<String> {
    tickets.iter().filter(|ticket| ticket.called_at.is_some()).max_by_key(|ticket| ticket.called_at).map(|ticket| ticket.label.clone())
}

/// A ticket as its holder sees it, among the day's others.
pub fn ticket_view(ticket: &TicketRow, day: &[TicketRow]) -> Ticket {
    let all: Vec<Queued> = day.iter().map(queued).collect();
    Ticket {
        id: ticket.id,
        service_id: ticket.service,
        number: ticket.label.clone(),
        state: ticket.state,
        ahead: if ticket.state == TicketState::Waiting { rules::ahead_of(&all, ticket.id.0) } else { 0 },
        now_serving: now_serving(day),
        called_at: ticket.called_at,
    }
}

/// Who sees a booking, and so what of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The resident, or their family: the code to show at the desk.
    Resident,
    Staff,
}

/// A booking (a case) as `reader` sees it, with its ticket and its record.
pub async fn describe(
    conn: &mut AnyConnection,
    row: &BookingRow,
    service: &ServiceRow,
    reader: Reader,
    now: DateTime<Utc>,
) -> AppResult<Booking> {
    let ticket = match storage::ticket_of_booking(&mut *conn, row.id).await? {
        Some(ticket) => {
            let offset = offset_of(&mut *conn, row.community).await?;
            let day = storage::tickets_of_day(&mut *conn, ticket.service, rules::local_date(ticket.issued_at, offset)).await?;
            Some(ticket_view(&ticket, &day))
        }
        None => None,
    };
    let shows_code = reader == Reader::Resident && row.state.holds_place();
    Ok(Booking {
        id: row.id,
        service_id: row.service,
        service_name: row.service_name.clone(),
        resident_name: row.resident_name.clone(),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        state: row.state,
        code: shows_code.then(|| row.code.clone()),
        code_qr_svg: shows_code.then(|| qr_svg(&row.code)),
        form: service.settings.form.clone(),
        answers: row.answers.clone(),
        reason: row.reason.clone(),
        ticket,
        rating: row.rating.clone(),
        cancellable: rules::may_cancel(row.state, row.starts_at, service.settings.cancel_hours, now),
        booked_at: row.booked_at,
        history: storage::history(conn, row.id).await?,
    })
}

/// Writes a step of the case's record, by whoever took it (none: the clock).
pub async fn record(
    conn: &mut AnyConnection,
    booking: linli_api::ids::BookingId,
    kind: linli_api::appointments::CaseEventKind,
    actor: Option<UserId>,
    detail: &str,
    at: DateTime<Utc>,
) -> AppResult<()> {
    let actor_name = match actor {
        Some(actor) => name_of(&mut *conn, actor).await?,
        None => String::new(),
    };
    let event = storage::NewCaseEvent { booking, kind, actor, actor_name: &actor_name, detail, at };
    storage::record(conn, &event).await?;
    Ok(())
}

/// Open slot lists reload: a place was taken or given back.
pub fn slots_changed(state: &AppState, community: CommunityId, service: ServiceId) {
    state.events.publish(community, Audience::Members, Event::SlotsChanged { service_id: service });
}

/// Open tickets, desks and "now serving" screens reload.
pub fn queue_changed(state: &AppState, community: CommunityId, service: ServiceId) {
    state.events.publish(community, Audience::Members, Event::QueueChanged { service_id: service });
}

/// Tells the resident something about their booking.
pub fn tell(state: &AppState, row: &BookingRow, news: BookingNews) {
    let event = Event::BookingNews { booking_id: row.id, service_name: row.service_name.clone(), news };
    state.events.publish(row.community, Audience::Person(row.resident), event);
}
