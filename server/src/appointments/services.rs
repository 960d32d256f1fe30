//! Services: staff define and change them (form, schedule, closed days, desk code); members
//! see them and their free places per slot; staff set the no-show rule and see each
//! service's figures.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use linli_api::appointments::{AppointmentRules, NewService, Service, ServiceStats, Slot, SlotDay, SlotQuery};
use linli_api::ids::ServiceId;
use linli_api::validate::appointments as check;
use linli_api::{ErrorBody, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{self, Schedule};
use super::storage::{self, ServiceRow};
use super::{offset_of, slots_changed};
use crate::auth::{Members, Signed, StaffOnly};
use crate::community::rules::{display_invite_code, new_invite_code, qr_svg};
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one, update))
        .routes(routes!(slots))
        .routes(routes!(get_rules, set_rules))
        .routes(routes!(stats))
}

pub fn schedule_of(service: &ServiceRow) -> Schedule {
    Schedule {
        duration_minutes: service.settings.duration_minutes,
        hours: service.settings.hours.clone(),
        closed_days: service.settings.closed_days.clone(),
    }
}

/// A service as members see it; staff also get the desk's code and its QR code.
pub fn view(service: ServiceRow, staff: bool) -> Service {
    let settings = service.settings;
    let code = staff.then(|| display_invite_code(&service.desk_code));
    Service {
        id: service.id,
        name: settings.name,
        description: settings.description,
        documents: settings.documents,
        form: settings.form,
        needs_approval: settings.needs_approval,
        duration_minutes: settings.duration_minutes,
        hours: settings.hours,
        closed_days: settings.closed_days,
        cancel_hours: settings.cancel_hours,
        queue_prefix: settings.queue_prefix,
        desk_qr_svg: staff.then(|| qr_svg(&service.desk_code)),
        desk_code: code,
    }
}

/// The community's services.
#[utoipa::path(get, path = "/services", tag = "appointments", security(("bearer" = [])),
    responses((status = 200, body = [Service]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<Vec<Service>>> {
    let mut conn = state.db.pool.acquire().await?;
    let staff = caller.is_staff();
    let rows = storage::services(&mut conn, caller.community_id).await?;
    Ok(Json(rows.into_iter().map(|row| view(row, staff)).collect()))
}

/// Staff define a service: its form, schedule, closed days, cut-off and queue prefix.
#[utoipa::path(post, path = "/services", tag = "appointments", security(("bearer" = [])), request_body = NewService,
    responses((status = 201, body = Service), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiJson(service): ApiJson<NewService>) -> AppResult<(StatusCode, Json<Service>)> {
    let service = check::new_service(&service).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // A desk code is 40 random bits; a clash with another service's is retried.
    let mut attempts = 0;
    let id = loop {
        let code = new_invite_code(&mut rand::thread_rng());
        match storage::insert_service(&mut tx, caller.community_id, &service, &code, now).await {
            Err(error) if is_unique_violation(&error) && attempts < 3 => attempts += 1,
            other => break other?,
        }
    };
    let row = storage::service(&mut tx, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(view(row, true))))
}

#[utoipa::path(get, path = "/services/{id}", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id")),
    responses((status = 200, body = Service), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Service>> {
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::service(&mut conn, caller.community_id, ServiceId(id)).await?.ok_or(AppError::NotFound)?;
    Ok(Json(view(row, caller.is_staff())))
}

/// Staff change a service. Slots already booked keep their bookings: a slot's capacity never
/// drops below the places taken, and a slot the new schedule no longer has takes no more.
#[utoipa::path(put, path = "/services/{id}", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id")), request_body = NewService,
    responses((status = 200, body = Service), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(service): ApiJson<NewService>,
) -> AppResult<Json<Service>> {
    let settings = check::new_service(&service).map_err(AppError::Invalid)?;
    let id = ServiceId(id);
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if !storage::update_service(&mut tx, caller.community_id, id, &settings).await? {
        return Err(AppError::NotFound);
    }
    let row = storage::service(&mut tx, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let offset = offset_of(&mut tx, caller.community_id).await?;
    let schedule = schedule_of(&row);
    let horizon = now + Duration::days(linli_api::appointments::limits::BOOK_AHEAD_DAYS + 1);
    for starts_at in storage::slot_counts(&mut tx, id, now, horizon).await?.into_keys() {
        let day = rules::slots_of_day(&schedule, rules::local_date(starts_at, offset), offset);
        let capacity = day.iter().find(|slot| slot.starts_at == starts_at).map_or(0, |slot| slot.capacity);
        storage::set_capacity(&mut tx, id, starts_at, capacity).await?;
    }
    tx.commit().await?;
    slots_changed(&state, caller.community_id, id);
    Ok(Json(view(row, true)))
}

/// The service's slots day by day with the places left in each (live: a booking elsewhere
/// sends `slots_changed`).
#[utoipa::path(get, path = "/services/{id}/slots", tag = "appointments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "service id"), SlotQuery),
    responses((status = 200, body = [SlotDay]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn slots(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<SlotQuery>,
) -> AppResult<Json<Vec<SlotDay>>> {
    let days = query.days.unwrap_or(7);
    if !(1..=14).contains(&days) {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "days"));
    }
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let service = storage::service(&mut conn, caller.community_id, ServiceId(id)).await?.ok_or(AppError::NotFound)?;
    let offset = offset_of(&mut conn, caller.community_id).await?;
    let today = rules::local_date(now, offset);
    let from = query.from.unwrap_or(today);
    if from < today - Duration::days(1) || from > today + Duration::days(linli_api::appointments::limits::BOOK_AHEAD_DAYS) {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "from"));
    }
    let schedule = schedule_of(&service);
    let dates: Vec<_> = (0..i64::from(days)).map(|n| from + Duration::days(n)).collect();
    let per_day: Vec<_> = dates.iter().map(|date| rules::slots_of_day(&schedule, *date, offset)).collect();
    let first = per_day.iter().flatten().map(|slot| slot.starts_at).min();
    let last = per_day.iter().flatten().map(|slot| slot.ends_at).max();
    let counts = match (first, last) {
        (Some(first), Some(last)) => storage::slot_counts(&mut conn, service.id, first, last).await?,
        _ => Default::default(),
    };
    let answer = dates
        .into_iter()
        .zip(per_day)
        .map(|(date, slots)| SlotDay {
            date,
            closed: schedule.closed_days.contains(&date),
            slots: slots
                .into_iter()
                // Only what can still be booked: a slot that started is gone from the list.
                .filter(|slot| slot.starts_at > now)
                .map(|slot| {
                    let (capacity, booked) = counts.get(&slot.starts_at).copied().unwrap_or((slot.capacity, 0));
                    Slot { starts_at: slot.starts_at, ends_at: slot.ends_at, capacity, free: rules::free_places(capacity, booked) }
                })
                .collect(),
        })
        .collect();
    Ok(Json(answer))
}

#[utoipa::path(get, path = "/services/rules", tag = "appointments", security(("bearer" = [])),
    responses((status = 200, body = AppointmentRules), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_rules(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<AppointmentRules>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::rules_of(&mut conn, caller.community_id).await?))
}

/// Staff set how many no-shows within how many days pause booking, and for how long.
#[utoipa::path(put, path = "/services/rules", tag = "appointments", security(("bearer" = [])), request_body = AppointmentRules,
    responses((status = 200, body = AppointmentRules), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_rules(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(rules): ApiJson<AppointmentRules>,
) -> AppResult<Json<AppointmentRules>> {
    let rules = check::rules(&rules).map_err(AppError::Invalid)?;
    let mut conn = state.db.pool.acquire().await?;
    storage::set_rules(&mut conn, caller.community_id, rules).await?;
    Ok(Json(rules))
}

/// Staff: each service's bookings, served, no-shows and its average rating.
#[utoipa::path(get, path = "/services/stats", tag = "appointments", security(("bearer" = [])),
    responses((status = 200, body = [ServiceStats]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn stats(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>) -> AppResult<Json<Vec<ServiceStats>>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::figures(&mut conn, caller.community_id).await?;
    let stats = rows
        .into_iter()
        .map(|(service_id, service_name, [bookings, served, no_shows, ratings, stars])| ServiceStats {
            service_id,
            service_name,
            bookings,
            served,
            no_shows,
            ratings,
            average_stars: (ratings > 0).then(|| stars as f64 / ratings as f64),
        })
        .collect();
    Ok(Json(stats))
}
