//! The queue on the day: the resident checks in with the desk's code (or staff with the
//! booking's) and gets a number; staff give walk-ins numbers, call the next (booked check-ins
//! ahead of walk-ins within their slot), mark served or missed, and call again. Holders hear
//! when two are ahead and when they are called; a public screen shows who is being served.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use linli_api::appointments::{BookingNews, CaseEventKind, CheckIn, DeskCheckIn, DeskQueue, DeskTicket, QueueDisplay, Ticket, TicketState, WalkIn};
use linli_api::ids::{BookingId, CommunityId, ServiceId, TicketId};
use linli_api::validate::appointments as check;
use linli_api::ErrorBody;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bookings::{step, Change};
use super::rules::{self, BookingStep};
use super::storage::{self, BookingRow, NewTicket, ServiceRow, TicketRow};
use super::{now_serving, offset_of, queue_changed, queued, ticket_view, tell};
use crate::auth::{Signed, StaffOnly};
use crate::community::rules::normalize_invite_code;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath};
use crate::family::{Acting, ActingFor, BookAppointments};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(check_in))
        .routes(routes!(desk_check_in))
        .routes(routes!(walk_in))
        .routes(routes!(desk))
        .routes(routes!(call_next))
        .routes(routes!(recall))
        .routes(routes!(served))
        .routes(routes!(missed))
        .routes(routes!(display))
}

/// News to send once the change committed.
type Told = Vec<(BookingRow, BookingNews)>;

async fn today(conn: &mut AnyConnection, community: CommunityId, now: DateTime<Utc>) -> AppResult<NaiveDate> {
    Ok(rules::local_date(now, offset_of(conn, community).await?))
}

/// The service's tickets of today, in number order.
async fn todays_tickets(conn: &mut AnyConnection, service: &ServiceRow, now: DateTime<Utc>) -> AppResult<Vec<TicketRow>> {
    let day = today(&mut *conn, service.community, now).await?;
    Ok(storage::tickets_of_day(conn, service.id, day).await?)
}

/// Gives the next number of the day: to a booking that checked in, or to a walk-in.
async fn issue(
    conn: &mut AnyConnection,
    service: &ServiceRow,
    booking: Option<&BookingRow>,
    name: &str,
    now: DateTime<Utc>,
) -> AppResult<TicketRow> {
    let day = today(&mut *conn, service.community, now).await?;
    let number = storage::next_number(&mut *conn, service.id, day).await?;
    let label = rules::ticket_label(&service.settings.queue_prefix, number);
    let ticket = NewTicket {
        service: service.id,
        day,
        number,
        label: &label,
        booking: booking.map(|row| row.id),
        name,
        slot_starts_at: booking.map(|row| row.starts_at),
        at: now,
    };
    let id = storage::insert_ticket(&mut *conn, &ticket).await?;
    let tickets = storage::tickets_of_day(conn, service.id, day).await?;
    tickets.into_iter().find(|ticket| ticket.id == id).ok_or(AppError::NotFound)
}

/// Whoever is now two from the front is told so, once (inside the change's transaction).
async fn two_ahead(conn: &mut AnyConnection, service: &ServiceRow, now: DateTime<Utc>, told: &mut Told) -> AppResult<()> {
    let tickets = todays_tickets(&mut *conn, service, now).await?;
    let order = rules::calling_order(&tickets.iter().map(queued).collect::<Vec<_>>());
    let Some(third) = order.get(2) else { return Ok(()) };
    let Some(ticket) = tickets.iter().find(|ticket| ticket.id.0 == third.id) else { return Ok(()) };
    let Some(booking) = ticket.booking else { return Ok(()) };
    if !ticket.told_two_ahead && storage::mark_told_two_ahead(&mut *conn, ticket.id).await? {
        if let Some(row) = storage::booking(conn, service.community, booking).await? {
            told.push((row, BookingNews::TwoAhead));
        }
    }
    Ok(())
}

/// The booking checks in: its place in the queue, and the record.
async fn check_booking_in(
    conn: &mut AnyConnection,
    service: &ServiceRow,
    row: &BookingRow,
    by: linli_api::ids::UserId,
    now: DateTime<Utc>,
) -> AppResult<TicketRow> {
    if row.state != linli_api::appointments::BookingState::Confirmed {
        return Err(AppError::BookingChanged);
    }
    if !rules::may_check_in(row.starts_at, row.ends_at, now) {
        return Err(AppError::NotCheckInTime);
    }
    let ticket = issue(&mut *conn, service, Some(row), &row.resident_name, now).await?;
    let change = Change { kind: CaseEventKind::CheckedIn, by: Some(by), reason: None, detail: &ticket.label };
    step(conn, row, BookingStep::CheckIn, change, now).await?;
    Ok(ticket)
}

async fn finish(state: &AppState, tx: sqlx::Transaction<'static, sqlx::Any>, service: &ServiceRow, told: Told) -> AppResult<()> {
    tx.commit().await?;
    queue_changed(state, service.community, service.id);
    for (row, news) in told {
        tell(state, &row, news);
    }
    Ok(())
}

/// The resident checks in at the desk with the code on its sign (typed, or scanned on a
/// phone): from an hour before the slot until it ends. Answers the queue number.
#[utoipa::path(post, path = "/bookings/{id}/check-in", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "booking id"), ActingFor), request_body = CheckIn,
    responses((status = 201, body = Ticket), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn check_in(
    State(state): State<AppState>,
    acting: Acting<BookAppointments>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(check_in): ApiJson<CheckIn>,
) -> AppResult<(StatusCode, Json<Ticket>)> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let row = storage::booking(&mut tx, acting.subject.community_id, BookingId(id)).await?;
    let row = row.filter(|row| row.resident == acting.subject.user_id).ok_or(AppError::NotFound)?;
    let service = storage::service(&mut tx, row.community, row.service).await?.ok_or(AppError::NotFound)?;
    if normalize_invite_code(&check_in.desk_code) != service.desk_code {
        return Err(AppError::DeskCodeInvalid);
    }
    let ticket = check_booking_in(&mut tx, &service, &row, acting.caller.user_id, now).await?;
    let mut told = Told::new();
    two_ahead(&mut tx, &service, now, &mut told).await?;
    let day = todays_tickets(&mut tx, &service, now).await?;
    let answer = ticket_view(&ticket, &day);
    finish(&state, tx, &service, told).await?;
    Ok((StatusCode::CREATED, Json(answer)))
}

async fn staff_service(conn: &mut AnyConnection, community: CommunityId, id: i64) -> AppResult<ServiceRow> {
    storage::service(conn, community, ServiceId(id)).await?.ok_or(AppError::NotFound)
}

fn desk_ticket(ticket: &TicketRow) -> DeskTicket {
    DeskTicket {
        id: ticket.id,
        number: ticket.label.clone(),
        state: ticket.state,
        name: ticket.name.clone(),
        booking_id: ticket.booking,
        slot_starts_at: ticket.slot_starts_at,
        issued_at: ticket.issued_at,
        calls: ticket.calls,
    }
}

/// Staff check a resident in by their booking's code (scanned or typed at the desk).
#[utoipa::path(post, path = "/services/{id}/queue/check-in", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id")), request_body = DeskCheckIn,
    responses((status = 201, body = DeskTicket), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn desk_check_in(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(check_in): ApiJson<DeskCheckIn>,
) -> AppResult<(StatusCode, Json<DeskTicket>)> {
    let code: String = check_in.booking_code.chars().filter(char::is_ascii_digit).collect();
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let service = staff_service(&mut tx, caller.community_id, id).await?;
    let row = storage::booking_by_code(&mut tx, service.id, &code).await?.ok_or(AppError::BookingCodeInvalid)?;
    let ticket = check_booking_in(&mut tx, &service, &row, caller.user_id, now).await?;
    let mut told = Told::new();
    two_ahead(&mut tx, &service, now, &mut told).await?;
    finish(&state, tx, &service, told).await?;
    Ok((StatusCode::CREATED, Json(desk_ticket(&ticket))))
}

/// Staff give a walk-in a number, to the name they write down.
#[utoipa::path(post, path = "/services/{id}/queue/walk-ins", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id")), request_body = WalkIn,
    responses((status = 201, body = DeskTicket), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn walk_in(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(walk_in): ApiJson<WalkIn>,
) -> AppResult<(StatusCode, Json<DeskTicket>)> {
    let walk_in = check::walk_in(&walk_in).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let service = staff_service(&mut tx, caller.community_id, id).await?;
    let ticket = issue(&mut tx, &service, None, &walk_in.name, now).await?;
    let mut told = Told::new();
    two_ahead(&mut tx, &service, now, &mut told).await?;
    finish(&state, tx, &service, told).await?;
    Ok((StatusCode::CREATED, Json(desk_ticket(&ticket))))
}

/// Staff: today's queue, waiting ones in the order they will be called.
#[utoipa::path(get, path = "/services/{id}/queue", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id")),
    responses((status = 200, body = DeskQueue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn desk(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<DeskQueue>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let service = staff_service(&mut conn, caller.community_id, id).await?;
    let tickets = todays_tickets(&mut conn, &service, now).await?;
    let order = rules::calling_order(&tickets.iter().map(queued).collect::<Vec<_>>());
    let by_id = |id: i64| tickets.iter().find(|ticket| ticket.id.0 == id).map(desk_ticket);
    let of_state = |state: TicketState| tickets.iter().filter(move |ticket| ticket.state == state).map(desk_ticket);
    Ok(Json(DeskQueue {
        service_id: service.id,
        now_serving: now_serving(&tickets),
        waiting: order.iter().filter_map(|queued| by_id(queued.id)).collect(),
        called: of_state(TicketState::Called).collect(),
        done: of_state(TicketState::Served).chain(of_state(TicketState::NoShow)).collect(),
    }))
}

/// Calls one ticket (`from` waiting, or called again) and tells its holder.
async fn call_ticket(state: &AppState, caller: &crate::auth::Caller, service: ServiceRow, ticket: TicketRow, from: TicketState) -> AppResult<Json<DeskTicket>> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if !storage::call(&mut tx, ticket.id, from, now).await? {
        return Err(AppError::BookingChanged);
    }
    let mut told = Told::new();
    if let Some(booking) = ticket.booking {
        super::record(&mut tx, booking, CaseEventKind::Called, Some(caller.user_id), &ticket.label, now).await?;
        if let Some(row) = storage::booking(&mut tx, service.community, booking).await? {
            told.push((row, BookingNews::Called));
        }
    }
    two_ahead(&mut tx, &service, now, &mut told).await?;
    let called = todays_tickets(&mut tx, &service, now).await?.into_iter().find(|row| row.id == ticket.id).ok_or(AppError::NotFound)?;
    finish(state, tx, &service, told).await?;
    Ok(Json(desk_ticket(&called)))
}

/// Staff call the next number: the first waiting in the calling order.
#[utoipa::path(post, path = "/services/{id}/queue/call-next", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id")),
    responses((status = 200, body = DeskTicket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn call_next(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<DeskTicket>> {
    let now = state.clock.now();
    // Two desks pressing at once: each takes the first still waiting; a lost race tries the next.
    for _ in 0..5 {
        let (service, next) = {
            let mut conn = state.db.pool.acquire().await?;
            let service = staff_service(&mut conn, caller.community_id, id).await?;
            let tickets = todays_tickets(&mut conn, &service, now).await?;
            let order = rules::calling_order(&tickets.iter().map(queued).collect::<Vec<_>>());
            let next = order.first().and_then(|first| tickets.into_iter().find(|ticket| ticket.id.0 == first.id));
            (service, next.ok_or(AppError::QueueEmpty)?)
        };
        match call_ticket(&state, &caller, service, next, TicketState::Waiting).await {
            Err(AppError::BookingChanged) => continue,
            other => return other,
        }
    }
    Err(AppError::BookingChanged)
}

async fn desk_ticket_of(conn: &mut AnyConnection, caller: &crate::auth::Caller, id: i64) -> AppResult<(ServiceRow, TicketRow)> {
    let ticket = storage::ticket(&mut *conn, caller.community_id, TicketId(id)).await?.ok_or(AppError::NotFound)?;
    let service = storage::service(conn, caller.community_id, ticket.service).await?.ok_or(AppError::NotFound)?;
    Ok((service, ticket))
}

/// Staff call a called number again (the holder hears it again).
#[utoipa::path(post, path = "/queue/tickets/{id}/recall", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "ticket id")),
    responses((status = 200, body = DeskTicket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn recall(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<DeskTicket>> {
    let (service, ticket) = {
        let mut conn = state.db.pool.acquire().await?;
        desk_ticket_of(&mut conn, &caller, id).await?
    };
    call_ticket(&state, &caller, service, ticket, TicketState::Called).await
}

/// Ends a called ticket: served, or missed (the booking then counts as a no-show).
async fn end_ticket(state: &AppState, caller: &crate::auth::Caller, id: i64, to: TicketState) -> AppResult<Json<DeskTicket>> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let (service, ticket) = desk_ticket_of(&mut tx, caller, id).await?;
    if !storage::finish_ticket(&mut tx, ticket.id, to, now).await? {
        return Err(AppError::BookingChanged);
    }
    let mut told = Told::new();
    if let Some(booking) = ticket.booking {
        let row = storage::booking(&mut tx, service.community, booking).await?.ok_or(AppError::NotFound)?;
        let (how, kind) = match to {
            TicketState::Served => (BookingStep::Serve, CaseEventKind::Served),
            _ => (BookingStep::MissAtDesk, CaseEventKind::NoShow),
        };
        step(&mut tx, &row, how, Change { kind, by: Some(caller.user_id), reason: None, detail: "" }, now).await?;
        if to == TicketState::Served {
            told.push((row, BookingNews::Served));
        }
    }
    let ended = todays_tickets(&mut tx, &service, now).await?.into_iter().find(|row| row.id == ticket.id).ok_or(AppError::NotFound)?;
    finish(state, tx, &service, told).await?;
    Ok(Json(desk_ticket(&ended)))
}

#[utoipa::path(post, path = "/queue/tickets/{id}/served", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "ticket id")),
    responses((status = 200, body = DeskTicket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn served(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<DeskTicket>> {
    end_ticket(&state, &caller, id, TicketState::Served).await
}

#[utoipa::path(post, path = "/queue/tickets/{id}/no-show", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "ticket id")),
    responses((status = 200, body = DeskTicket), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn missed(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<DeskTicket>> {
    end_ticket(&state, &caller, id, TicketState::NoShow).await
}

/// The public "now serving" screen of a service, for a display in the hall: numbers only.
#[utoipa::path(get, path = "/services/{id}/queue/display", tag = "appointments",
    params(("id" = i64, Path, description = "service id")),
    responses((status = 200, body = QueueDisplay), (status = 404, body = ErrorBody)))]
async fn display(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<QueueDisplay>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let service = storage::service_anywhere(&mut conn, ServiceId(id)).await?.ok_or(AppError::NotFound)?;
    let tickets = todays_tickets(&mut conn, &service, now).await?;
    let order = rules::calling_order(&tickets.iter().map(queued).collect::<Vec<_>>());
    let label = |id: i64| tickets.iter().find(|ticket| ticket.id.0 == id).map(|ticket| ticket.label.clone());
    let mut called: Vec<&TicketRow> = tickets.iter().filter(|ticket| ticket.called_at.is_some()).collect();
    called.sort_by_key(|ticket| std::cmp::Reverse(ticket.called_at));
    Ok(Json(QueueDisplay {
        service_name: service.settings.name.clone(),
        now_serving: called.first().map(|ticket| ticket.label.clone()),
        recently_called: called.iter().skip(1).take(4).map(|ticket| ticket.label.clone()).collect(),
        next: order.iter().take(5).filter_map(|queued| label(queued.id)).collect(),
        waiting: order.len() as u32,
    }))
}
