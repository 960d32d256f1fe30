//! Bookings: a resident (or their family) books a slot and fills the service's form; staff
//! approve or decline where the service needs it; the resident cancels before the cut-off
//! and rates the service once served. A slot's places and one open booking per service are
//! the database's to keep.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use linli_api::appointments::{Answer, Booking, BookingNews, BookingState, CaseEventKind, NewBooking, Rating, ReviewBooking};
use linli_api::auth::Role;
use linli_api::family::FamilyActivityKind;
use linli_api::ids::{BookingId, ServiceId, UploadId};
use linli_api::validate::{self, appointments as check};
use linli_api::{ErrorBody, ErrorCode};
use serde::Deserialize;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{self, BookingStep, Unbookable};
use super::services::schedule_of;
use super::storage::{self, BookingRow, ServiceRow};
use super::{describe, offset_of, record, slots_changed, tell, Reader};
use crate::auth::storage::name_of;
use crate::auth::{Signed, StaffOnly};
use crate::community::storage::audit;
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::family::{Acting, ActingFor, BookAppointments};
use crate::groceries::rules::new_pickup_code;
use crate::state::AppState;
use crate::uploads::{check_attachable, keep_private};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(book, of_day))
        .routes(routes!(mine))
        .routes(routes!(pending))
        .routes(routes!(one))
        .routes(routes!(cancel))
        .routes(routes!(review))
        .routes(routes!(rate))
}

/// A booking changed: the resident's open page and staff's lists reload.
fn changed(state: &AppState, row: &BookingRow) {
    let event = || linli_api::events::Event::BookingChanged { booking_id: row.id, service_id: row.service };
    state.events.publish(row.community, Audience::Staff, event());
    state.events.publish(row.community, Audience::Person(row.resident), event());
}

/// Photos in the answers must be the caller's own uploads; they are hers and the staff's
/// only, like the rest of the form (a photo of her home, a certificate), never the
/// neighbours' even with the id.
async fn attach_images(conn: &mut AnyConnection, acting: &Acting<BookAppointments>, answers: &[Option<Answer>]) -> AppResult<()> {
    let images: Vec<UploadId> = answers.iter().filter_map(|answer| match answer {
        Some(Answer::Image(upload)) => Some(*upload),
        _ => None,
    }).collect();
    if images.is_empty() {
        return Ok(());
    }
    check_attachable(conn, acting.caller.community_id, acting.caller.user_id, &images)
        .await
        .map_err(|_| AppError::invalid(ErrorCode::InvalidValue, "answers"))?;
    keep_private(conn, &images, &[]).await
}

/// Books a slot of the service with the form filled in: confirmed at once, or waiting for
/// staff where the service needs approval. A full slot, a second open booking of the same
/// service and a pause after repeated no-shows are refused.
#[utoipa::path(post, path = "/services/{id}/bookings", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id"), ActingFor), request_body = NewBooking,
    responses((status = 201, body = Booking), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn book(
    State(state): State<AppState>,
    acting: Acting<BookAppointments>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(booking): ApiJson<NewBooking>,
) -> AppResult<(StatusCode, Json<Booking>)> {
    if acting.subject.role != Role::Resident {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let community = acting.subject.community_id;
    let mut tx = state.db.begin_write().await?;
    let service = storage::service(&mut tx, community, ServiceId(id)).await?.ok_or(AppError::NotFound)?;
    let answers = check::answers(&service.settings.form, &booking.answers).map_err(AppError::Invalid)?;
    attach_images(&mut tx, &acting, &answers).await?;
    let offset = offset_of(&mut tx, community).await?;
    let slot = rules::bookable_slot(&schedule_of(&service), booking.slot_starts_at, now, offset).map_err(|why| match why {
        Unbookable::NotASlot | Unbookable::Past | Unbookable::TooFarAhead => AppError::SlotUnavailable,
    })?;
    let no_shows = storage::no_shows_of(&mut tx, acting.subject.user_id).await?;
    if rules::paused_until(&no_shows, storage::rules_of(&mut tx, community).await?, now).is_some() {
        return Err(AppError::BookingPaused);
    }
    if !storage::take_place(&mut tx, service.id, slot).await? {
        return Err(AppError::SlotFull);
    }
    if storage::has_open_booking(&mut tx, service.id, acting.subject.user_id).await? {
        return Err(AppError::AlreadyBooked);
    }
    let resident_name = name_of(&mut tx, acting.subject.user_id).await?;
    let initial = if service.settings.needs_approval { BookingState::Pending } else { BookingState::Confirmed };
    // The code staff scan is unique per service: eight random digits not yet given.
    let code = loop {
        let code = new_pickup_code(&mut rand::thread_rng());
        if storage::booking_by_code(&mut tx, service.id, &code).await?.is_none() {
            break code;
        }
    };
    let row = storage::NewBookingRow {
        community,
        service: service.id,
        resident: acting.subject.user_id,
        resident_name: &resident_name,
        booked_by: acting.caller.user_id,
        slot,
        state: initial,
        answers: &answers,
        code: &code,
        at: now,
    };
    // Two taps at once on PostgreSQL both pass the check above; the unique index stops one.
    let id = match storage::insert_booking(&mut tx, &row).await {
        Err(error) if is_unique_violation(&error) => return Err(AppError::AlreadyBooked),
        other => other?,
    };
    record(&mut tx, id, CaseEventKind::Booked, Some(acting.caller.user_id), "", now).await?;
    let local = slot.starts_at.with_timezone(&rules::zone(offset)).format("%Y-%m-%d %H:%M");
    let detail = format!("{} {local}", service.settings.name);
    acting.record(&mut tx, FamilyActivityKind::BookedAppointment, &detail, now).await?;
    let row = storage::booking(&mut tx, community, id).await?.ok_or(AppError::NotFound)?;
    let answer = describe(&mut tx, &row, &service, Reader::Resident, now).await?;
    tx.commit().await?;
    slots_changed(&state, community, service.id);
    changed(&state, &row);
    Ok((StatusCode::CREATED, Json(answer)))
}

/// The resident's bookings (or, with the family header, the resident's), newest slot first.
#[utoipa::path(get, path = "/bookings", tag = "appointments", security(("bearer" = [])), params(ActingFor),
    responses((status = 200, body = [Booking]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn mine(State(state): State<AppState>, acting: Acting<BookAppointments>) -> AppResult<Json<Vec<Booking>>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::bookings_of(&mut conn, acting.subject.community_id, acting.subject.user_id).await?;
    let services = storage::services(&mut conn, acting.subject.community_id).await?;
    let mut bookings = Vec::with_capacity(rows.len());
    for row in &rows {
        let Some(service) = services.iter().find(|service| service.id == row.service) else { continue };
        bookings.push(describe(&mut conn, row, service, Reader::Resident, now).await?);
    }
    Ok(Json(bookings))
}

async fn service_of(conn: &mut AnyConnection, row: &BookingRow) -> AppResult<ServiceRow> {
    storage::service(conn, row.community, row.service).await?.ok_or(AppError::NotFound)
}

/// The booking if the caller may see it: the resident's own (or acted for), or staff's.
async fn visible(conn: &mut AnyConnection, acting: &Acting<BookAppointments>, id: i64) -> AppResult<(BookingRow, Reader)> {
    let row = storage::booking(conn, acting.subject.community_id, BookingId(id)).await?.ok_or(AppError::NotFound)?;
    if row.resident == acting.subject.user_id {
        return Ok((row, Reader::Resident));
    }
    if !acting.is_for_someone_else() && acting.caller.is_staff() {
        return Ok((row, Reader::Staff));
    }
    Err(AppError::NotFound)
}

/// One case with its form answers, its queue number and its handling record.
#[utoipa::path(get, path = "/bookings/{id}", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "booking id"), ActingFor),
    responses((status = 200, body = Booking), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, acting: Acting<BookAppointments>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Booking>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let (row, reader) = visible(&mut conn, &acting, id).await?;
    let service = service_of(&mut conn, &row).await?;
    if reader == Reader::Staff {
        audit(&mut conn, row.community, acting.caller.user_id, "view_booking", &format!("booking:{id}"), now).await?;
    }
    Ok(Json(describe(&mut conn, &row, &service, reader, now).await?))
}

/// What a step writes: its line in the record (by whom, with what detail) and, for a
/// refusal, the reason the resident sees.
pub struct Change<'a> {
    pub kind: CaseEventKind,
    /// None: the clock.
    pub by: Option<linli_api::ids::UserId>,
    pub reason: Option<&'a str>,
    pub detail: &'a str,
}

/// Moves a booking by `step` from the state it was read in, freeing its place when it gives
/// it up (a missed slot is over anyway), and writes the record.
pub async fn step(conn: &mut AnyConnection, row: &BookingRow, step: BookingStep, change: Change<'_>, now: DateTime<Utc>) -> AppResult<BookingState> {
    let to = rules::next_booking_state(row.state, step).ok_or(AppError::BookingChanged)?;
    if !storage::move_booking(&mut *conn, row.id, row.state, to, change.reason).await? {
        return Err(AppError::BookingChanged);
    }
    if row.state.holds_place() && !to.holds_place() && to != BookingState::NoShow {
        storage::free_place(&mut *conn, row.service, row.starts_at).await?;
    }
    record(conn, row.id, change.kind, change.by, change.detail, now).await?;
    Ok(to)
}

/// The resident cancels until the service's cut-off before the slot; the place is freed.
#[utoipa::path(post, path = "/bookings/{id}/cancel", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "booking id"), ActingFor),
    responses((status = 200, body = Booking), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn cancel(State(state): State<AppState>, acting: Acting<BookAppointments>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Booking>> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let (row, reader) = visible(&mut tx, &acting, id).await?;
    if reader != Reader::Resident {
        return Err(AppError::NotFound);
    }
    let service = service_of(&mut tx, &row).await?;
    if rules::next_booking_state(row.state, BookingStep::Cancel).is_none() {
        return Err(AppError::BookingChanged);
    }
    if !rules::may_cancel(row.state, row.starts_at, service.settings.cancel_hours, now) {
        return Err(AppError::CancelTooLate);
    }
    let change = Change { kind: CaseEventKind::Cancelled, by: Some(acting.caller.user_id), reason: None, detail: "" };
    step(&mut tx, &row, BookingStep::Cancel, change, now).await?;
    acting.record(&mut tx, FamilyActivityKind::CancelledAppointment, &service.settings.name, now).await?;
    let row = storage::booking(&mut tx, row.community, row.id).await?.ok_or(AppError::NotFound)?;
    let answer = describe(&mut tx, &row, &service, Reader::Resident, now).await?;
    tx.commit().await?;
    slots_changed(&state, row.community, row.service);
    changed(&state, &row);
    Ok(Json(answer))
}

/// Staff: bookings waiting for approval, soonest first, with their form answers (logged as
/// a view of personal data).
#[utoipa::path(get, path = "/bookings/pending", tag = "appointments", security(("bearer" = [])),
    responses((status = 200, body = [Booking]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn pending(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>) -> AppResult<Json<Vec<Booking>>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::bookings_in_state(&mut conn, caller.community_id, BookingState::Pending).await?;
    let services = storage::services(&mut conn, caller.community_id).await?;
    let mut bookings = Vec::with_capacity(rows.len());
    for row in &rows {
        let Some(service) = services.iter().find(|service| service.id == row.service) else { continue };
        bookings.push(describe(&mut conn, row, service, Reader::Staff, now).await?);
    }
    audit(&mut conn, caller.community_id, caller.user_id, "view_pending_bookings", "bookings", now).await?;
    Ok(Json(bookings))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
struct DayQuery {
    /// The community's date; today when absent.
    date: Option<NaiveDate>,
}

/// Staff: a service's bookings of one day (the desk's list, and the record to look up later).
#[utoipa::path(get, path = "/services/{id}/bookings", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id"), DayQuery),
    responses((status = 200, body = [Booking]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn of_day(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<DayQuery>,
) -> AppResult<Json<Vec<Booking>>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let service = storage::service(&mut conn, caller.community_id, ServiceId(id)).await?.ok_or(AppError::NotFound)?;
    let offset = offset_of(&mut conn, caller.community_id).await?;
    let date = query.date.unwrap_or_else(|| rules::local_date(now, offset));
    let zone = rules::zone(offset);
    let start = date.and_hms_opt(0, 0, 0).and_then(|midnight| midnight.and_local_timezone(zone).single()).map(|at| at.with_timezone(&Utc));
    let Some(start) = start else { return Err(AppError::invalid(ErrorCode::InvalidValue, "date")) };
    let rows = storage::bookings_between(&mut conn, service.id, start, start + Duration::days(1)).await?;
    let mut bookings = Vec::with_capacity(rows.len());
    for row in &rows {
        bookings.push(describe(&mut conn, row, &service, Reader::Staff, now).await?);
    }
    audit(&mut conn, caller.community_id, caller.user_id, "view_bookings_of_day", &format!("service:{id}:{date}"), now).await?;
    Ok(Json(bookings))
}

/// Staff approve a booking, or decline it with a reason the resident sees (its place is freed).
#[utoipa::path(post, path = "/bookings/{id}/review", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "booking id")), request_body = ReviewBooking,
    responses((status = 200, body = Booking), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn review(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(review): ApiJson<ReviewBooking>,
) -> AppResult<Json<Booking>> {
    let reason = validate::reason(review.reason.as_deref(), !review.approve).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let row = storage::booking(&mut tx, caller.community_id, BookingId(id)).await?.ok_or(AppError::NotFound)?;
    let service = service_of(&mut tx, &row).await?;
    let (how, kind, news) = if review.approve {
        (BookingStep::Approve, CaseEventKind::Approved, BookingNews::Approved)
    } else {
        (BookingStep::Reject, CaseEventKind::Rejected, BookingNews::Rejected)
    };
    let detail = reason.clone().unwrap_or_default();
    step(&mut tx, &row, how, Change { kind, by: Some(caller.user_id), reason: reason.as_deref(), detail: &detail }, now).await?;
    let after = storage::booking(&mut tx, row.community, row.id).await?.ok_or(AppError::NotFound)?;
    let answer = describe(&mut tx, &after, &service, Reader::Staff, now).await?;
    tx.commit().await?;
    if !review.approve {
        slots_changed(&state, row.community, row.service);
    }
    changed(&state, &after);
    tell(&state, &after, news);
    Ok(Json(answer))
}

/// After being served, the resident rates the service once: 1 to 5 stars and a comment.
#[utoipa::path(post, path = "/bookings/{id}/rating", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "booking id"), ActingFor), request_body = Rating,
    responses((status = 200, body = Booking), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn rate(
    State(state): State<AppState>,
    acting: Acting<BookAppointments>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(rating): ApiJson<Rating>,
) -> AppResult<Json<Booking>> {
    let rating = check::rating(&rating).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let (row, reader) = visible(&mut tx, &acting, id).await?;
    if reader != Reader::Resident {
        return Err(AppError::NotFound);
    }
    if !storage::rate(&mut tx, row.id, &rating, now).await? {
        return Err(AppError::BookingChanged);
    }
    let stars = rating.stars.to_string();
    record(&mut tx, row.id, CaseEventKind::Rated, Some(acting.caller.user_id), &stars, now).await?;
    let service = service_of(&mut tx, &row).await?;
    let after = storage::booking(&mut tx, row.community, row.id).await?.ok_or(AppError::NotFound)?;
    let answer = describe(&mut tx, &after, &service, Reader::Resident, now).await?;
    tx.commit().await?;
    changed(&state, &after);
    Ok(Json(answer))
}
