//! Staff's view of the community's households, and invite codes.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use linli_api::community::{Building, CommunityEntry, HouseholdEntry, HouseholdsQuery, Invite, NewInvite};
use linli_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{display_invite_code, new_invite_code, qr_svg, INVITE_DAYS, INVITE_MAX_USES};
use super::storage::{self, NewInviteRow};
use crate::auth::{Members, Signed, StaffOnly};
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(households))
        .routes(routes!(create_invite))
        .routes(routes!(buildings))
        .routes(routes!(communities))
        .merge(super::register::routes::router())
        .merge(super::sheet::router())
}

/// Every community by name: what a shop chooses when it applies (no session needed).
#[utoipa::path(get, path = "/communities", tag = "community", responses((status = 200, body = Vec<CommunityEntry>)))]
async fn communities(State(state): State<AppState>) -> AppResult<Json<Vec<CommunityEntry>>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::communities(&mut conn).await?))
}

/// The buildings of the caller's community.
#[utoipa::path(get, path = "/community/buildings", tag = "community", security(("bearer" = [])),
    responses((status = 200, body = Vec<Building>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn buildings(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<Vec<Building>>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::buildings(&mut conn, caller.community_id).await?))
}

/// The households of one building of the caller's community, with how many residents
/// registered (another community's building has none).
#[utoipa::path(get, path = "/community/households", tag = "community", security(("bearer" = [])), params(HouseholdsQuery),
    responses((status = 200, body = Vec<HouseholdEntry>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn households(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiQuery(query): ApiQuery<HouseholdsQuery>,
) -> AppResult<Json<Vec<HouseholdEntry>>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::households(&mut conn, caller.community_id, query.building).await?))
}

/// Issues an invite code (and its QR code) for one household of the caller's community.
#[utoipa::path(post, path = "/invites", tag = "community", security(("bearer" = [])), request_body = NewInvite,
    responses(
        (status = 201, body = Invite), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
    ))]
async fn create_invite(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(request): ApiJson<NewInvite>,
) -> AppResult<(StatusCode, Json<Invite>)> {
    let mut conn = state.db.pool.acquire().await?;
    let household =
        storage::household_in(&mut conn, caller.community_id, request.household_id).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let expires_at = now + Duration::days(INVITE_DAYS);
    // A fresh code collides with an existing one about once in a trillion; retry then.
    for _ in 0..5 {
        let code = new_invite_code(&mut rand::thread_rng());
        let row = NewInviteRow {
            community: caller.community_id,
            household: household.id,
            code: &code,
            created_by: caller.user_id,
            created_at: now,
            expires_at,
            max_uses: INVITE_MAX_USES,
        };
        match storage::insert_invite(&mut conn, &row).await {
            Err(error) if is_unique_violation(&error) => continue,
            other => other?,
        }
        let shown = display_invite_code(&code);
        let invite = Invite { qr_svg: qr_svg(&shown), code: shown, household, expires_at, max_uses: INVITE_MAX_USES, uses: 0 };
        return Ok((StatusCode::CREATED, Json(invite)));
    }
    Err(AppError::Internal("could not find a free invite code".into()))
}
