//! Handlers of one-tap help.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use linli_api::events::Event;
use linli_api::help::{HelpBoard, HelpRequest, HelpState, MyHelp};
use linli_api::ids::HelpRequestId;
use linli_api::ErrorBody;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{self, Acknowledge, RECENT_HOURS};
use super::storage::{self, HelpRow, NewHelp};
use crate::auth::storage::{name_of, profile_of};
use crate::auth::{Members, ResidentsOnly, Signed, StaffOnly};
use crate::community::storage as community;
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::extract::ApiPath;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(board, ask))
        .routes(routes!(mine))
        .routes(routes!(acknowledge))
        .routes(routes!(close))
}

/// Asks the staff on duty for help; while a request is open, asking again returns it (200).
#[utoipa::path(post, path = "/help", tag = "help", security(("bearer" = [])),
    responses((status = 201, body = HelpRequest), (status = 200, body = HelpRequest), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn ask(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>) -> AppResult<(StatusCode, Json<HelpRequest>)> {
    let mut conn = state.db.pool.acquire().await?;
    let profile = profile_of(&mut conn, caller.user_id).await?.ok_or(AppError::Unauthenticated)?;
    let help = NewHelp {
        community: caller.community_id,
        resident: caller.user_id,
        resident_name: &profile.name,
        household: caller.household_id,
        callback_phone: &profile.phone,
        at: state.clock.now(),
    };
    // The database allows one open request per resident, however many taps and phones.
    let id = match storage::insert(&mut conn, &help).await {
        Err(error) if is_unique_violation(&error) => {
            let open = storage::open_of(&mut conn, caller.user_id).await?.ok_or(AppError::HelpClosed)?;
            return Ok((StatusCode::OK, Json(describe(&mut conn, open).await?)));
        }
        other => other?,
    };
    let row = storage::find(&mut conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let request = describe(&mut conn, row).await?;
    state.events.publish(caller.community_id, Audience::Staff, Event::HelpRaised { request: request.clone() });
    Ok((StatusCode::CREATED, Json(request)))
}

/// The resident's current or last day's request, and the community's service number.
#[utoipa::path(get, path = "/help/mine", tag = "help", security(("bearer" = [])),
    responses((status = 200, body = MyHelp), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn mine(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>) -> AppResult<Json<MyHelp>> {
    let mut conn = state.db.pool.acquire().await?;
    let recent_since = state.clock.now() - Duration::hours(RECENT_HOURS);
    let latest = storage::latest_of(&mut conn, caller.user_id).await?;
    let latest = latest.filter(|row| row.progress.closed_at.is_none_or(|closed| closed > recent_since));
    let request = match latest {
        Some(row) => Some(describe(&mut conn, row).await?),
        None => None,
    };
    let service_phone = community::community_info(&mut conn, caller.community_id).await?.service_phone;
    Ok(Json(MyHelp { request, service_phone }))
}

/// Open requests and the last day's closed ones, with callback numbers (logged as a view of personal data).
#[utoipa::path(get, path = "/help", tag = "help", security(("bearer" = [])),
    responses((status = 200, body = HelpBoard), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn board(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>) -> AppResult<Json<HelpBoard>> {
    let mut conn = state.db.pool.acquire().await?;
    let now = state.clock.now();
    let rows = storage::board(&mut conn, caller.community_id, now - Duration::hours(RECENT_HOURS)).await?;
    let mut board = HelpBoard::default();
    for row in rows {
        let request = describe(&mut conn, row).await?;
        if request.state == HelpState::Closed { board.recently_closed.push(request) } else { board.open.push(request) }
    }
    board.recently_closed.reverse();
    community::audit(&mut conn, caller.community_id, caller.user_id, "view_help_requests", "help", now).await?;
    Ok(Json(board))
}

/// A staff member takes the request: the resident sees who is coming.
#[utoipa::path(post, path = "/help/{id}/acknowledge", tag = "help", security(("bearer" = [])),
    params(("id" = i64, Path, description = "help request id")),
    responses((status = 200, body = HelpRequest), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn acknowledge(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<HelpRequest>> {
    let id = HelpRequestId(id);
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find(&mut conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    match rules::acknowledge(rules::state(row.progress)) {
        Acknowledge::Refuse => return Err(AppError::HelpClosed),
        Acknowledge::AlreadyTaken => return Ok(Json(describe(&mut conn, row).await?)),
        Acknowledge::Take => {}
    }
    let name = name_of(&mut conn, caller.user_id).await?;
    let taken = storage::acknowledge(&mut conn, id, caller.user_id, &name, state.clock.now()).await?;
    let request = reload(&mut conn, &caller.community_id, id).await?;
    if !taken && request.state == HelpState::Closed {
        // Closed between our read and our write.
        return Err(AppError::HelpClosed);
    }
    if taken {
        publish_update(&state, caller.community_id, &request, row.resident);
    }
    Ok(Json(request))
}

/// Staff mark it dealt with, or the resident calls it off.
#[utoipa::path(post, path = "/help/{id}/close", tag = "help", security(("bearer" = [])),
    params(("id" = i64, Path, description = "help request id")),
    responses((status = 200, body = HelpRequest), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn close(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<HelpRequest>> {
    let id = HelpRequestId(id);
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find(&mut conn, caller.community_id, id).await?;
    // Someone else's request is as invisible as one that does not exist.
    let row = row.filter(|row| caller.is_staff() || row.resident == caller.user_id).ok_or(AppError::NotFound)?;
    let closed = storage::close(&mut conn, id, caller.user_id, state.clock.now()).await?;
    let request = reload(&mut conn, &caller.community_id, id).await?;
    if closed {
        publish_update(&state, caller.community_id, &request, row.resident);
    }
    Ok(Json(request))
}

fn publish_update(state: &AppState, community: linli_api::ids::CommunityId, request: &HelpRequest, resident: linli_api::ids::UserId) {
    let event = || Event::HelpUpdated { request: request.clone() };
    state.events.publish(community, Audience::Staff, event());
    state.events.publish(community, Audience::Person(resident), event());
}

async fn reload(conn: &mut AnyConnection, community: &linli_api::ids::CommunityId, id: HelpRequestId) -> AppResult<HelpRequest> {
    let row = storage::find(&mut *conn, *community, id).await?.ok_or(AppError::NotFound)?;
    describe(conn, row).await
}

async fn describe(conn: &mut AnyConnection, row: HelpRow) -> AppResult<HelpRequest> {
    let household = match row.household {
        Some(household) => community::household_label(&mut *conn, household).await?,
        None => None,
    };
    Ok(HelpRequest {
        id: row.id,
        state: rules::state(row.progress),
        resident_name: row.resident_name,
        household,
        callback_phone: row.callback_phone,
        raised_at: row.raised_at,
        acknowledged_by: row.acknowledger_name,
        acknowledged_at: row.progress.acknowledged_at,
        closed_at: row.progress.closed_at,
    })
}
